import Link from "next/link";
import { asOfQuickPicks, milestoneLabel } from "@/lib/milestones";

/**
 * The "As of" date control of the views that show positions on a day (kept in the URL). With
 * the negotiation's milestones it also offers them as quick picks: a disclosure ("Milestones")
 * holding one link per milestone, which shows the page as of that day (`hrefFor` builds the
 * page's own address with that as-of date, keeping its other choices). Links, not buttons, so
 * each pick has an address and is read as "link, 25 Aug 2024 — Talks in Cairo".
 */
export function AsOfInput({
  asOf,
  milestones = [],
  hrefFor,
}: {
  asOf: string;
  milestones?: ReadonlyArray<{ day: string; title: string }>;
  hrefFor?: (day: string) => string;
}) {
  const picks = hrefFor ? asOfQuickPicks(milestones, asOf) : [];
  return (
    <>
      <label>
        As of
        {/* Keyed by the day: a quick pick or "Today" is a client-side navigation, which would
            otherwise keep the field's old value beside the new page. */}
        <input key={asOf} type="date" name="asOf" defaultValue={asOf} max="9999-12-31" />
      </label>
      {picks.length > 0 && hrefFor ? (
        // Keyed too, so that after a pick the page shows its new day with the list closed.
        <details key={asOf} className="as-of-picks">
          <summary className="button">
            Milestones<span className="visually-hidden">: jump to the day of one ({picks.length})</span>
          </summary>
          <ul aria-label="Milestone days">
            {picks.map((m) => (
              <li key={`${m.day}-${m.title}`}>
                <Link href={hrefFor(m.day)} aria-current={m.current ? "date" : undefined} dir="auto">
                  {milestoneLabel(m)}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
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
 * The as-of form of a page that shows positions on a day: the date, the milestones' quick picks,
 * Show, and Today when another day is shown. `keep` are the page's other parameters the form
 * carries along (e.g. ?order=); a quick pick keeps them too.
 */
export function AsOfForm({
  action,
  asOf,
  today,
  keep = {},
  milestones = [],
}: {
  action: string;
  asOf: string;
  today: string;
  keep?: Record<string, string>;
  milestones?: ReadonlyArray<{ day: string; title: string }>;
}) {
  const kept = new URLSearchParams(keep).toString();
  const hrefFor = (day: string) => `${action}?${new URLSearchParams({ ...keep, asOf: day }).toString()}`;
  return (
    <form method="get" action={action} aria-label="Choose the as-of date">
      <AsOfInput asOf={asOf} milestones={milestones} hrefFor={hrefFor} />
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
