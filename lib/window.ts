// The "recent change" window over calendar days (lib/day.ts). Pure, no I/O.
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

// The day primitives live in lib/day.ts (one place for what a day is and which days Parley
// accepts); they are re-exported here for the window code and its callers.
export { addDays, daysBetween, isValidDay, todayUTC } from "./day";
import { addDays, isCalendarDay, daysBetween } from "./day";

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
  if (!isCalendarDay(asOf)) throw new RangeError(`asOf is not a valid YYYY-MM-DD day: ${JSON.stringify(asOf)}`);
  if (!isCalendarDay(day)) return false;
  const age = daysBetween(day, asOf);
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
