// Reading a page's URL query: Next hands each value as a string, an array (the key repeated)
// or undefined. Pages take the first value and validate it themselves.
import { isValidDay, todayUTC } from "./window";

export type SearchValue = string | string[] | undefined;

export function firstValue(value: SearchValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The as-of day in the URL when it is a real day, else today; `invalid` is what was refused. */
export function asOfParam(value: SearchValue, today = todayUTC()): { asOf: string; today: string; invalid: string | null } {
  const requested = firstValue(value);
  if (requested && isValidDay(requested)) return { asOf: requested, today, invalid: null };
  return { asOf: today, today, invalid: requested ? requested : null };
}
