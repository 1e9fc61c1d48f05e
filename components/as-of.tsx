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
