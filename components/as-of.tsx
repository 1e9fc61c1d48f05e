import Link from "next/link";

/** The "As of" date control of the views that show positions on a day (kept in the URL). */
export function AsOfInput({ asOf }: { asOf: string }) {
  return (
    <label>
      As of
      <input type="date" name="asOf" defaultValue={asOf} max="9999-12-31" />
    </label>
  );
}

/** Said when the URL's as-of value was not a real day and today is shown instead. */
export function InvalidAsOfNotice({ value }: { value: string | null }) {
  if (!value) return null;
  return (
    <p className="form-error" role="alert">
      “{value}” is not a date; showing today instead.
    </p>
  );
}

/**
 * The as-of form of a page that shows positions on a day: the date, Show, and Today when another
 * day is shown. `keep` are the page's other parameters the form carries along (e.g. ?order=).
 */
export function AsOfForm({ action, asOf, today, keep = {} }: { action: string; asOf: string; today: string; keep?: Record<string, string> }) {
  const kept = new URLSearchParams(keep).toString();
  return (
    <form method="get" action={action} aria-label="Choose the as-of date">
      <AsOfInput asOf={asOf} />
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button">
        Show
      </button>
      {asOf !== today ? (
        <Link href={kept ? `${action}?${kept}` : action} className="button">
          Today
        </Link>
      ) : null}
    </form>
  );
}
