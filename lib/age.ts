// How old a position is on the as-of day, and when it counts as stale. Pure, no I/O.
// Why 90 days: docs/decisions/012-overview-matrix.md.
import { daysBetween } from "./window";

/** A position stated more than this many days before the as-of day is shown faded. */
export const STALE_AFTER_DAYS = 90;

/** Whole days from the statement to the as-of day (0 = stated that day; never negative). */
export function ageInDays(statedOn: string, asOf: string): number {
  return Math.max(0, daysBetween(statedOn, asOf));
}

/** True when the position is older than the threshold: it may no longer be current. */
export function isStale(ageDays: number, threshold = STALE_AFTER_DAYS): boolean {
  return ageDays > threshold;
}

/** Compact age for a matrix cell: "0d", "6d", "3w", "5mo", "1y" (floors, never rounds up). */
export function formatAge(days: number): string {
  if (days < 14) return `${days}d`;
  if (days < 61) return `${Math.floor(days / 7)}w`;
  if (days < 365) return `${Math.floor(days / 30.44)}mo`;
  return `${years(days)}y`;
}

/** The same age in words, for screen readers and tooltips: "6 days", "3 weeks", "1 year". */
export function describeAge(days: number): string {
  const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  if (days === 0) return "today";
  if (days < 14) return unit(days, "day");
  if (days < 61) return unit(Math.floor(days / 7), "week");
  if (days < 365) return unit(Math.floor(days / 30.44), "month");
  return unit(years(days), "year");
}

/** Whole years in `days` (≥ 365): 365 → 1, 729 → 1, 730 → 2 (a leap day does not delay a year). */
function years(days: number): number {
  return Math.max(1, Math.floor((days + 1) / 365.25));
}
