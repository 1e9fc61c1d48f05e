import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CHANGE_WINDOWS,
  DEFAULT_CHANGE_WINDOW,
  addDays,
  daysBetween,
  inWindow,
  isChangeWindow,
  isValidDay,
  parseWindow,
  todayUTC,
  windowStart,
} from "@/lib/window";
import { isCalendarDay } from "@/lib/day";

describe("isValidDay", () => {
  it.each(["2024-02-29", "2000-02-29", "2024-08-25", "2024-12-31", "2025-01-01", "1999-04-30", "1900-01-01", "2999-12-31"])(
    "accepts %s",
    (day) => expect(isValidDay(day)).toBe(true),
  );

  it.each([
    "2024-02-30",
    "2023-02-29",
    "1900-02-29", // not a leap year (divisible by 100, not by 400)
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-01-32",
    "2024-8-25",
    "24-08-25",
    "2024/08/25",
    "2024-08-25T00:00:00Z",
    " 2024-08-25",
    "2024-08-25 ",
    "",
    "yesterday",
    "２０２４-08-25",
  ])("rejects %j", (day) => expect(isValidDay(day)).toBe(false));

  it("refuses real dates outside Parley's range 1900-01-01 … 2999-12-31 (docs/decisions/010)", () => {
    expect(isValidDay("1899-12-31")).toBe(false);
    expect(isValidDay("0001-01-01")).toBe(false);
    expect(isValidDay("3000-01-01")).toBe(false);
    expect(isValidDay("9999-12-31")).toBe(false);
  });

  it("treats two-digit years literally, not as 19xx", () => {
    expect(isCalendarDay("0024-02-29")).toBe(true);
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
  });
});

describe("addDays", () => {
  it.each<[string, number, string]>([
    ["2024-08-25", 0, "2024-08-25"],
    ["2024-08-25", 1, "2024-08-26"],
    ["2024-08-25", -7, "2024-08-18"],
    ["2024-08-31", 1, "2024-09-01"],
    ["2024-09-01", -1, "2024-08-31"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-01-01", -1, "2024-12-31"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-01-01", 366, "2025-01-01"],
    ["2023-01-01", 365, "2024-01-01"],
    ["2024-08-25", -90, "2024-05-27"],
  ])("%s %+d days = %s", (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it("rejects an invalid day or a fractional count", () => {
    expect(() => addDays("2023-02-29", 1)).toThrow(RangeError);
    expect(() => addDays("2024-08-25", 0.5)).toThrow(RangeError);
    expect(() => addDays("2024-08-25", Number.NaN)).toThrow(RangeError);
  });

  it("refuses to leave four-digit years", () => {
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
  });
});

describe("independence from the local timezone", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it.each(["America/New_York", "Pacific/Auckland", "Asia/Gaza", "Asia/Jerusalem", "UTC"])("gives the same days in %s", (tz) => {
    process.env.TZ = tz;
    // Daylight-saving switches in the US, New Zealand, Gaza and Israel.
    expect(addDays("2024-03-09", 1)).toBe("2024-03-10");
    expect(addDays("2024-03-10", 1)).toBe("2024-03-11");
    expect(addDays("2024-11-02", 2)).toBe("2024-11-04");
    expect(addDays("2024-04-06", 1)).toBe("2024-04-07");
    expect(addDays("2024-03-29", 1)).toBe("2024-03-30");
    expect(addDays("2024-10-26", 2)).toBe("2024-10-28");
    expect(daysBetween("2024-03-01", "2024-04-01")).toBe(31);
    expect(daysBetween("2024-10-01", "2024-11-30")).toBe(60);
    expect(inWindow("2024-03-04", "2024-03-10", 7)).toBe(true);
    expect(inWindow("2024-03-03", "2024-03-10", 7)).toBe(false);
    expect(todayUTC(new Date("2024-08-25T23:30:00Z"))).toBe("2024-08-25");
  });
});

describe("todayUTC", () => {
  it("takes the UTC date, whatever the offset of the instant given", () => {
    expect(todayUTC(new Date("2024-08-25T23:30:00-05:00"))).toBe("2024-08-26");
    expect(todayUTC(new Date("2024-08-25T00:30:00+02:00"))).toBe("2024-08-24");
    expect(todayUTC(new Date("2024-12-31T23:59:59.999Z"))).toBe("2024-12-31");
    expect(todayUTC(new Date("2025-01-01T00:00:00Z"))).toBe("2025-01-01");
  });

  it("defaults to now", () => {
    expect(isValidDay(todayUTC())).toBe(true);
    expect(todayUTC()).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe("daysBetween", () => {
  it.each<[string, string, number]>([
    ["2024-08-25", "2024-08-25", 0],
    ["2024-08-18", "2024-08-25", 7],
    ["2024-08-25", "2024-08-18", -7],
    ["2024-02-28", "2024-03-01", 2],
    ["2023-02-28", "2023-03-01", 1],
    ["2024-12-31", "2025-01-01", 1],
    ["2024-01-01", "2025-01-01", 366],
  ])("from %s to %s is %d", (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  it("throws on an invalid day", () => {
    expect(() => daysBetween("2024-02-30", "2024-03-01")).toThrow(RangeError);
  });
});

describe("inWindow: asOf − n < day ≤ asOf", () => {
  it("a 7-day window as of 2024-08-25 holds 08-19 … 08-25", () => {
    expect(inWindow("2024-08-25", "2024-08-25", 7)).toBe(true);
    expect(inWindow("2024-08-19", "2024-08-25", 7)).toBe(true);
    expect(inWindow("2024-08-18", "2024-08-25", 7)).toBe(false);
    expect(inWindow("2024-08-26", "2024-08-25", 7)).toBe(false);
    expect(windowStart("2024-08-25", 7)).toBe("2024-08-19");
  });

  it.each<[string, number, string, string]>([
    // asOf, window, first day in, last day out
    ["2024-03-03", 7, "2024-02-26", "2024-02-25"], // across a leap day
    ["2023-03-03", 7, "2023-02-25", "2023-02-24"], // across a non-leap February
    ["2025-01-03", 7, "2024-12-28", "2024-12-27"], // across a year end
    ["2024-09-02", 7, "2024-08-27", "2024-08-26"], // across a month end
    ["2024-03-01", 30, "2024-02-01", "2024-01-31"],
    ["2023-03-01", 30, "2023-01-31", "2023-01-30"],
    ["2024-08-25", 30, "2024-07-27", "2024-07-26"],
    ["2024-08-25", 90, "2024-05-28", "2024-05-27"],
    ["2025-02-15", 90, "2024-11-18", "2024-11-17"],
    ["2024-08-25", 1, "2024-08-25", "2024-08-24"],
  ])("as of %s, %d days: %s is in, %s is out", (asOf, n, firstIn, lastOut) => {
    expect(inWindow(firstIn, asOf, n)).toBe(true);
    expect(inWindow(lastOut, asOf, n)).toBe(false);
    expect(windowStart(asOf, n)).toBe(firstIn);
    expect(daysBetween(firstIn, asOf)).toBe(n - 1);
  });

  it("a leap day itself", () => {
    expect(inWindow("2024-02-29", "2024-03-06", 7)).toBe(true);
    expect(inWindow("2024-02-29", "2024-03-07", 7)).toBe(false);
  });

  it("an invalid day is never in the window", () => {
    expect(inWindow("2024-02-30", "2024-03-01", 7)).toBe(false);
    expect(inWindow("", "2024-03-01", 7)).toBe(false);
  });

  it("an invalid asOf or window size is a caller error", () => {
    expect(() => inWindow("2024-08-25", "2024-02-30", 7)).toThrow(RangeError);
    expect(() => inWindow("2024-08-25", "2024-08-25", 0)).toThrow(RangeError);
    expect(() => inWindow("2024-08-25", "2024-08-25", -7)).toThrow(RangeError);
    expect(() => inWindow("2024-08-25", "2024-08-25", 1.5)).toThrow(RangeError);
    expect(() => windowStart("2024-08-25", 0)).toThrow(RangeError);
  });

  it("agrees with comparing strings against windowStart", () => {
    const dayMs = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => ms - (ms % 86_400_000));
    const day = dayMs.map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -120, max: 120 }), fc.integer({ min: 1, max: 120 }), (asOf, offset, n) => {
        const d = addDays(asOf, offset);
        const expected = windowStart(asOf, n) <= d && d <= asOf;
        expect(inWindow(d, asOf, n)).toBe(expected);
        expect(daysBetween(asOf, d)).toBe(offset);
      }),
      { numRuns: 500 },
    );
  });
});

describe("change windows and the URL value", () => {
  it("offers 7, 30 and 90 days, 30 by default", () => {
    expect(CHANGE_WINDOWS).toEqual([7, 30, 90]);
    expect(DEFAULT_CHANGE_WINDOW).toBe(30);
    expect(isChangeWindow(7)).toBe(true);
    expect(isChangeWindow(14)).toBe(false);
  });

  it.each<[string | undefined, number | null]>([
    [undefined, 30],
    ["", 30],
    ["7", 7],
    ["30", 30],
    ["90", 90],
    ["off", null],
    ["0", null],
    ["14", 30],
    ["07", 30],
    ["7.0", 30],
    [" 7", 30],
    ["-7", 30],
    ["OFF", 30],
    ["week", 30],
  ])("parseWindow(%j) = %j", (param, expected) => {
    expect(parseWindow(param)).toBe(expected);
  });
});
