import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ageInDays, describeAge, formatAge, isStale, STALE_AFTER_DAYS } from "@/lib/age";
import { addDays } from "@/lib/window";

describe("the age and staleness rule", () => {
  it("counts whole calendar days up to the as-of day, never negative", () => {
    expect(ageInDays("2024-08-25", "2024-08-25")).toBe(0);
    expect(ageInDays("2024-02-28", "2024-03-01")).toBe(2);
    expect(ageInDays("2024-08-26", "2024-08-25")).toBe(0);
  });

  it(`fades a position only when older than ${STALE_AFTER_DAYS} days`, () => {
    expect(isStale(ageInDays(addDays("2025-01-01", -STALE_AFTER_DAYS), "2025-01-01"))).toBe(false);
    expect(isStale(ageInDays(addDays("2025-01-01", -STALE_AFTER_DAYS - 1), "2025-01-01"))).toBe(true);
    // the example: a 17-month-old stance never reads as current
    expect(isStale(ageInDays("2024-05-01", "2025-10-01"))).toBe(true);
  });

  it("formats ages compactly and in words without rounding up", () => {
    expect([0, 6, 13, 14, 60, 61, 364, 365, 730].map(formatAge)).toEqual(["0d", "6d", "13d", "2w", "8w", "2mo", "11mo", "1y", "2y"]);
    expect([0, 1, 6, 21, 100, 400].map(describeAge)).toEqual(["today", "1 day", "6 days", "3 weeks", "3 months", "1 year"]);
  });

  it("is monotonic: an older position is never shown younger", () => {
    const unit = (s: string) => ({ d: 0, w: 1, mo: 2, y: 3 })[s.replace(/\d+/, "") as "d"]!;
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [x, y] = [formatAge(lo), formatAge(hi)];
        expect(unit(x) < unit(y) || (unit(x) === unit(y) && parseInt(x) <= parseInt(y))).toBe(true);
      }),
    );
  });
});
