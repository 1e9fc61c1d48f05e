// One shape for every form's result, and the conversion from submitted FormData to plain
// values. Shared by server actions (which fill it) and form components (which render it).

export type FormValues = Record<string, string | string[]>;

export interface FormState {
  /** Errors shown next to each field, keyed by field name. */
  fieldErrors?: Record<string, string[]>;
  /** An error about the whole form (e.g. a conflicting edit), shown above the buttons. */
  formError?: string;
  /** A message about a step that worked without saving (e.g. a page fetched into the form). */
  status?: string;
  /** What the user submitted, so a failed form shows it again. */
  values?: FormValues;
  /** For a refused stale save: the record as it is now, so the user sees what changed. */
  conflict?: { version: number; changes: Array<{ field: string; label: string; yours: string; current: string }> };
  /** Records saved by this form so far while it stays open (batch entry), each with a link. */
  saved?: Array<{ id: number; label: string; href: string }>;
}

/**
 * FormData to a plain object that cannot be polluted (`__proto__` stays an ordinary key).
 * Fields listed in `arrayFields` are always arrays; any other field sent more than once stays
 * an array too, so validation refuses it instead of silently taking one of the values.
 * Files and Next.js's internal `$ACTION` fields are dropped. Anything that is not FormData (a
 * client calling the action with other arguments) gives no values at all.
 */
export function formDataToValues(formData: FormData, arrayFields: readonly string[] = []): FormValues {
  const values = new Map<string, string | string[]>();
  const keys = formData instanceof FormData ? formData.keys() : [];
  for (const key of new Set(keys)) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (arrayFields.includes(key)) values.set(key, all);
    else if (all.length === 1) values.set(key, all[0]!);
    else if (all.length > 1) values.set(key, all);
  }
  for (const key of arrayFields) if (!values.has(key)) values.set(key, []);
  // fromEntries defines own properties (a "__proto__" key never reaches the prototype) and
  // yields a plain object, which React can send back to the form.
  return Object.fromEntries(values);
}

export function valueOf(values: FormValues | undefined, key: string): string {
  const v = values?.[key];
  return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? "") : "";
}

export function valuesOf(values: FormValues | undefined, key: string): string[] {
  const v = values?.[key];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

/**
 * The version a form was loaded with, as sent. Versions are 32-bit integer columns on both stores,
 * so a larger number can match no record: it becomes 0, which no record has, and the save is
 * refused as stale, as it is on SQLite. PostgreSQL would otherwise refuse the query itself (a 500;
 * decision 023). Anything that is not a positive number is 0 as well.
 */
export function parseVersion(raw: unknown): number {
  return parsePositive32(raw) ?? 0;
}

/** A record id from a URL segment or query value; anything but a positive integer is null (404). */
export function parseId(raw: string | string[] | undefined): number | null {
  return parsePositive32(Array.isArray(raw) ? raw[0] : raw);
}

/**
 * Ids and versions are 32-bit integer columns on both stores (decision 023): a larger number names
 * no record. SQLite would simply find nothing; PostgreSQL refuses the query itself (a 500), so every
 * id from outside (URL, form field, bound action argument) is checked against this one bound.
 */
export const MAX_RECORD_ID = 2_147_483_647;

/** A number that can be a record's id or version: a whole number from 1 to MAX_RECORD_ID. */
export function isRecordId(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_RECORD_ID;
}

/** Decimal text of a record id ("1" to "2147483647", no sign, no leading zero), or null. */
export function parsePositive32(raw: unknown): number | null {
  return typeof raw === "string" && /^[1-9]\d{0,9}$/.test(raw) && isRecordId(Number(raw)) ? Number(raw) : null;
}
