import { describe, expect, it } from "vitest";
import { FREE_ATTEMPTS, MAX_DELAY_SECONDS, delayAfter, waitMessage } from "@/lib/sign-in-throttle";

describe("delayAfter: growing waits between sign-in attempts for one account", () => {
  it("lets the first attempts through at once", () => {
    for (let n = 0; n < FREE_ATTEMPTS; n++) expect(delayAfter(n)).toBe(0);
  });
  it("then doubles the wait up to a ceiling, never a lock", () => {
    const waits = Array.from({ length: 12 }, (_, i) => delayAfter(FREE_ATTEMPTS + i));
    expect(waits.slice(0, 5)).toEqual([2, 4, 8, 16, 32]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(delayAfter(10_000)).toBe(MAX_DELAY_SECONDS);
  });
  it("says how long to wait", () => {
    expect(waitMessage(1)).toMatch(/Wait 1 second,/);
    expect(waitMessage(32)).toMatch(/Wait 32 seconds/);
    expect(waitMessage(300)).toMatch(/Wait 5 minutes/);
  });
});
