// Reading a page's URL query: Next hands each value as a string, an array (the key repeated)
// or undefined. Pages take the first value and validate it here.
import { dayProblem, latestAsOfDay, todayUTC } from "./day";

export type SearchValue = string | string[] | undefined;

export function firstValue(value: SearchValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A view's day from the URL (as-of, compare's dates): a real day from 1900-01-01 to one year
 * after today (lib/day.ts), else null. Anything else is refused, never guessed at.
 */
export function viewDayParam(value: SearchValue, today: string): { day: string | null; invalid: string | null } {
  const requested = firstValue(value);
  if (!requested) return { day: null, invalid: null };
  if (dayProblem(requested, latestAsOfDay(today)) === null) return { day: requested, invalid: null };
  return { day: null, invalid: requested };
}

/** The as-of day in the URL when Parley accepts it, else today; `invalid` is what was refused. */
export function asOfParam(value: SearchValue, today = todayUTC()): { asOf: string; today: string; invalid: string | null } {
  const { day, invalid } = viewDayParam(value, today);
  return { asOf: day ?? today, today, invalid };
}
