// Growing delays between sign-in attempts for one account (docs/decisions/008). The first few
// attempts are free (typos happen); after that each attempt doubles the wait before the next,
// up to a ceiling, so guessing a password is slow whatever addresses it comes from, while a
// stranger can never lock the owner out for longer than the ceiling at a time.

/** Attempts in a row that need no wait. */
export const FREE_ATTEMPTS = 5;
/** The first wait, in seconds, after the free attempts. */
export const FIRST_DELAY_SECONDS = 2;
/** The longest wait between two attempts, in seconds. */
export const MAX_DELAY_SECONDS = 5 * 60;
/** Attempts are forgotten this long after the last one. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** Seconds to wait before the next attempt, after `attempts` attempts without a success. */
export function delayAfter(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0;
  const doublings = Math.min(attempts - FREE_ATTEMPTS, 20);
  return Math.min(FIRST_DELAY_SECONDS * 2 ** doublings, MAX_DELAY_SECONDS);
}

/** What the sign-in form says while an account waits. */
export function waitMessage(seconds: number): string {
  const wait = seconds <= 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins for this account. Wait ${wait}, then try again.`;
}
