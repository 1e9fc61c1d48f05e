import "server-only";
import { delayAfter, FORGET_AFTER_MS } from "@/lib/sign-in-throttle";
import { getDb } from "./db";

// Per-account sign-in throttle, stored in the database so every app server sees the same count
// (docs/decisions/008). An attempt is counted when it starts, before the password is checked, so
// that a burst of parallel guesses cannot all slip through the same free slot; a successful
// sign-in clears the count.

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The key of an account's count: the email as Better Auth looks it up (lower case). */
export function throttleKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Starts a sign-in attempt for `email`: refused while the account waits out its delay, else
 * counted. The count moves by compare-and-set on the previous value, so two servers (or two
 * requests) racing for one slot cannot both get it.
 */
export async function beginSignInAttempt(email: string, now = new Date()): Promise<AttemptDecision> {
  const db = await getDb();
  const key = throttleKey(email);
  for (let tries = 0; tries < 10; tries++) {
    const row = await db.signInThrottle.findUnique({ where: { email: key } });
    if (row === null) {
      // Rows of attempts long forgotten go when a new one is made, so the table stays small
      // (the per-address limit bounds how fast strangers can add rows).
      await db.signInThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) }, nextAttemptAt: { lte: now } } });
      try {
        await db.signInThrottle.create({ data: { email: key, failures: 1, nextAttemptAt: after(now, delayAfter(1)), updatedAt: now } });
        return { allowed: true };
      } catch (error) {
        if ((error as { code?: unknown }).code === "P2002") continue; // another request created it first: read it again
        throw error;
      }
    }
    if (row.nextAttemptAt > now) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.nextAttemptAt.getTime() - now.getTime()) / 1000)) };
    }
    // Attempts are forgotten a day after the last one.
    const previous = now.getTime() - row.updatedAt.getTime() > FORGET_AFTER_MS ? 0 : row.failures;
    const failures = previous + 1;
    const { count } = await db.signInThrottle.updateMany({
      where: { email: key, failures: row.failures, nextAttemptAt: row.nextAttemptAt },
      data: { failures, nextAttemptAt: after(now, delayAfter(failures)), updatedAt: now },
    });
    if (count === 1) return { allowed: true };
  }
  // Lost the race ten times: someone is hammering this account right now.
  return { allowed: false, retryAfterSeconds: 1 };
}

/** A successful sign-in: the account starts afresh. */
export async function signInSucceeded(email: string): Promise<void> {
  const db = await getDb();
  await db.signInThrottle.deleteMany({ where: { email: throttleKey(email) } });
}

function after(now: Date, seconds: number): Date {
  return new Date(now.getTime() + seconds * 1000);
}
