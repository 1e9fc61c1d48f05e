// Calendar days and the "recent change" window. Pure, no I/O.
//
// A day is a `YYYY-MM-DD` string: a calendar date, not an instant. It is never converted
// through local time, so it cannot shift with the server's or the reader's timezone; all
// arithmetic goes through UTC midnight and back.
//
// The window. `inWindow(day, asOf, n)` is true when  asOf − n < day ≤ asOf,  i.e. the n
// calendar days ending with asOf, both ends counted as whole days:
//   a 7-day window as of 2024-08-25 holds 2024-08-19 … 2024-08-25 (seven days) and not
//   2024-08-18; days after asOf are never in it. `windowStart(asOf, n)` gives the first
//   included day, so a query can use  windowStart ≤ statedOn ≤ asOf.
//
// The URL value (`?window=`), read by `parseWindow`:
//   missing or empty          → 30 (DEFAULT_CHANGE_WINDOW)
//   "7" | "30" | "90"         → that number (exactly these strings: "07" is unknown)
//   "off" | "0"               → null: no change marks at all
//   anything else ("14", "x") → 30: an unknown value falls back to the default rather
//                                than silently switching the marks off.

export const CHANGE_WINDOWS = [7, 30, 90] as const;
export type ChangeWindow = (typeof CHANGE_WINDOWS)[number];
export const DEFAULT_CHANGE_WINDOW: ChangeWindow = 30;

const DAY_MS = 86_400_000;
const DAY_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of the day's UTC midnight, or null when `s` is not a real calendar day. */
function toUtcMs(s: string): number | null {
  const m = DAY_FORMAT.exec(s);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  // Overflow (2023-02-29 → 2023-03-01, month 13, day 00) shows up as a different date.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.getTime();
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError("Day out of range (years 0000–9999)");
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function requireDay(s: string, name: string): number {
  const ms = toUtcMs(s);
  if (ms === null) throw new RangeError(`${name} is not a valid YYYY-MM-DD day: ${JSON.stringify(s)}`);
  return ms;
}

/** True for a real calendar date in YYYY-MM-DD form: 2024-02-29 yes, 2023-02-29 and 2024-02-30 no. */
export function isValidDay(s: string): boolean {
  return toUtcMs(s) !== null;
}

/** `day` plus `n` calendar days (n may be negative). Throws RangeError on an invalid day or non-integer n. */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return fromUtcMs(requireDay(day, "day") + n * DAY_MS);
}

/** Today's calendar day in UTC (not the server's local date). */
export function todayUTC(now: Date = new Date()): string {
  return fromUtcMs(now.getTime());
}

/** Whole days from `a` to `b`: positive when b is later, 0 for the same day. Throws on invalid days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((requireDay(b, "b") - requireDay(a, "a")) / DAY_MS);
}

function requireWindow(windowDays: number): void {
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    throw new RangeError(`A window is a whole number of days ≥ 1, got ${windowDays}`);
  }
}

/** The first day inside a `windowDays`-day window ending on `asOf`. */
export function windowStart(asOf: string, windowDays: number): string {
  requireWindow(windowDays);
  return addDays(asOf, -(windowDays - 1));
}

/**
 * asOf − windowDays < day ≤ asOf. An invalid `day` (bad data) is simply not in the window;
 * an invalid `asOf` or `windowDays` is a caller error and throws RangeError.
 */
export function inWindow(day: string, asOf: string, windowDays: number): boolean {
  requireWindow(windowDays);
  const end = requireDay(asOf, "asOf");
  const ms = toUtcMs(day);
  if (ms === null) return false;
  const age = Math.round((end - ms) / DAY_MS);
  return age >= 0 && age < windowDays;
}

export function isChangeWindow(n: number): n is ChangeWindow {
  return (CHANGE_WINDOWS as readonly number[]).includes(n);
}

/** Reads the `?window=` URL value; see the table at the top of this file. */
export function parseWindow(param: string | undefined): ChangeWindow | null {
  if (param === undefined || param === "") return DEFAULT_CHANGE_WINDOW;
  if (param === "off" || param === "0") return null;
  return CHANGE_WINDOWS.find((w) => String(w) === param) ?? DEFAULT_CHANGE_WINDOW;
}
