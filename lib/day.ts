// Calendar days: what a day is, which days Parley accepts, and what "today" is. The one place
// for these rules (docs/decisions/003 and 010); the form schemas, the URL readers and the date
// arithmetic all call it. Pure, no I/O.
//
// A day is a `YYYY-MM-DD` string: a calendar date, not an instant. It is never converted
// through local time, so it cannot shift with the server's or the reader's timezone; all
// arithmetic goes through UTC midnight and back.
//
// The range (docs/decisions/010-date-range.md):
//   - any day Parley handles lies in EARLIEST_DAY … LATEST_DAY (1900-01-01 … 2999-12-31);
//     `isValidDay` says yes only to a real calendar date in that range;
//   - a statement or a publication is not after `latestRecordableDay(now)`: today in the
//     easternmost time zone (UTC+14), so a statement made "today" anywhere on Earth is accepted
//     and anything later is in the future everywhere;
//   - an as-of day (a view's date, read from the URL) is not after `latestAsOfDay(today)`,
//     one year after today.

import { formatDay } from "./format";

export const EARLIEST_DAY = "1900-01-01";
export const LATEST_DAY = "2999-12-31";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DAY_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The format as an HTML `pattern` (for a text field's semantics; the server checks it). */
export const DAY_PATTERN_SOURCE = "\\d{4}-\\d{2}-\\d{2}";
/** The easternmost time zone is UTC+14 (Kiribati): its calendar day is the latest anywhere. */
const EASTERNMOST_OFFSET_MS = 14 * HOUR_MS;
/** How far ahead of today an as-of date may look. */
export const AS_OF_DAYS_AHEAD = 365;

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
  if (!Number.isFinite(ms) || year < 0 || year > 9999) throw new RangeError("Day out of range (years 0000–9999)");
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function requireDay(s: string, name: string): number {
  const ms = toUtcMs(s);
  if (ms === null) throw new RangeError(`${name} is not a valid YYYY-MM-DD day: ${JSON.stringify(s)}`);
  return ms;
}

/** True for a real calendar date written YYYY-MM-DD: 2024-02-29 yes, 2023-02-29 and 2024-02-30 no. */
export function isCalendarDay(s: string): boolean {
  return toUtcMs(s) !== null;
}

/** A real calendar day inside Parley's range (EARLIEST_DAY … LATEST_DAY). */
export function isValidDay(s: string): boolean {
  return isCalendarDay(s) && s >= EARLIEST_DAY && s <= LATEST_DAY;
}

/** `day` plus `n` calendar days (n may be negative). Throws RangeError on an invalid day or non-integer n. */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return fromUtcMs(requireDay(day, "day") + n * DAY_MS);
}

/** Whole days from `a` to `b`: positive when b is later, 0 for the same day. Throws on invalid days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((requireDay(b, "b") - requireDay(a, "a")) / DAY_MS);
}

/** Today's calendar day in UTC (not the server's local date): the default as-of date. */
export function todayUTC(now: Date = new Date()): string {
  return fromUtcMs(now.getTime());
}

/** The latest day a statement or publication may carry: today in UTC+14, where the day starts first. */
export function latestRecordableDay(now: Date = new Date()): string {
  return fromUtcMs(now.getTime() + EASTERNMOST_OFFSET_MS);
}

/** The latest as-of day a view accepts: one year after today. */
export function latestAsOfDay(today: string): string {
  const latest = addDays(today, AS_OF_DAYS_AHEAD);
  return latest < LATEST_DAY ? latest : LATEST_DAY;
}

/** `day` moved into first … last (both valid days). */
export function clampDay(day: string, first: string, last: string): string {
  return day < first ? first : day > last ? last : day;
}

/** What a typed day is refused for, or null when it is accepted. */
export type DayProblem = "format" | "not-real" | "too-early" | "too-late";

/** Checks a typed day against the format, the calendar and the range EARLIEST_DAY … `latest`. */
export function dayProblem(value: string, latest: string): DayProblem | null {
  if (!DAY_FORMAT.test(value)) return "format";
  if (!isCalendarDay(value)) return "not-real";
  if (value < EARLIEST_DAY) return "too-early";
  if (value > latest || value > LATEST_DAY) return "too-late";
  return null;
}

/**
 * The message for a day typed into a form of statements or publications (the `label` names
 * the field), or null when the day is accepted. `now` is read once by the caller.
 */
export function recordableDayMessage(label: string, value: string, now: Date = new Date()): string | null {
  const latest = latestRecordableDay(now);
  switch (dayProblem(value, latest)) {
    case null:
      return null;
    case "format":
      return `${label}: write the date as YYYY-MM-DD, e.g. 2024-08-25.`;
    case "not-real":
      return `${label}: ${value} is not a real date; check the day and the month.`;
    case "too-early":
      return `${label} is before ${formatDay(EARLIEST_DAY)}, the earliest date Parley accepts.`;
    case "too-late":
      return `${label} is in the future (after ${formatDay(latest)}); Parley records statements and reports once they are made.`;
  }
}
