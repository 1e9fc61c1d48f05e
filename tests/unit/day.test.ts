// The one place for days: the range Parley accepts, today, and the messages a form shows
// (lib/day.ts, docs/decisions/010-date-range.md).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  dayProblem,
  EARLIEST_DAY,
  isValidDay,
  LATEST_DAY,
  latestAsOfDay,
  latestRecordableDay,
  recordableDayMessage,
  todayUTC,
} from "@/lib/day";
import { entrySchema, fieldErrorsOf, sourceSchema } from "@/lib/schemas";
import { asOfParam, viewDayParam } from "@/lib/search-params";

const NOW = new Date("2026-11-30T10:00:00Z");

describe("dayProblem", () => {
  it("names what is wrong with a typed day", () => {
    expect(dayProblem("2024-08-25", "2026-11-30")).toBeNull();
    expect(dayProblem("25/08/2024", "2026-11-30")).toBe("format");
    expect(dayProblem("2024-02-30", "2026-11-30")).toBe("not-real");
    expect(dayProblem("0000-01-15", "2026-11-30")).toBe("too-early");
    expect(dayProblem("1899-12-31", "2026-11-30")).toBe("too-early");
    expect(dayProblem("1900-01-01", "2026-11-30")).toBeNull();
    expect(dayProblem("2026-12-01", "2026-11-30")).toBe("too-late");
    expect(dayProblem("9999-12-31", "9999-12-31")).toBe("too-late"); // never past LATEST_DAY
  });
});

describe("today and the latest days", () => {
  it("a statement may carry today's date anywhere on Earth (UTC+14), not later", () => {
    expect(latestRecordableDay(new Date("2026-11-30T09:59:59Z"))).toBe("2026-11-30");
    expect(latestRecordableDay(new Date("2026-11-30T10:00:00Z"))).toBe("2026-12-01");
    expect(latestRecordableDay(new Date("2026-11-30T23:59:59Z"))).toBe("2026-12-01");
  });
  it("an as-of day may look a year ahead of today", () => {
    expect(latestAsOfDay("2026-11-30")).toBe("2027-11-30");
    expect(latestAsOfDay("2999-06-01")).toBe(LATEST_DAY);
  });
  it("every day in the range survives the arithmetic views do with it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400_000 }), fc.integer({ min: -400, max: 400 }), (offset, n) => {
        const day = addDays(EARLIEST_DAY, offset);
        fc.pre(isValidDay(day));
        expect(() => addDays(day, n)).not.toThrow();
      }),
    );
  });
});

describe("finding 8 (dates): the URL readers refuse days outside the range instead of failing", () => {
  it("compare?to=0000-01-15 and asOf=9999-12-31 are refused, shown as today with a notice", () => {
    expect(viewDayParam("0000-01-15", "2026-11-30")).toEqual({ day: null, invalid: "0000-01-15" });
    expect(asOfParam("9999-12-31", "2026-11-30")).toEqual({ asOf: "2026-11-30", today: "2026-11-30", invalid: "9999-12-31" });
    expect(asOfParam("2027-11-30", "2026-11-30").asOf).toBe("2027-11-30");
    expect(asOfParam("2027-12-01", "2026-11-30").invalid).toBe("2027-12-01");
    expect(asOfParam("1899-12-31", "2026-11-30").invalid).toBe("1899-12-31");
  });
});

describe("finding 16: a statement or publication after today is refused with a message", () => {
  it("says why for each kind of problem", () => {
    expect(recordableDayMessage("Date stated", "2026-11-30", NOW)).toBeNull();
    expect(recordableDayMessage("Date stated", "2026-12-01", NOW)).toBeNull(); // already 1 December in UTC+14
    expect(recordableDayMessage("Date stated", "2026-12-02", NOW)).toMatch(/^Date stated is in the future/);
    expect(recordableDayMessage("Published date", "9999-12-31", NOW)).toMatch(/in the future/);
    expect(recordableDayMessage("Date stated", "2024-02-30", NOW)).toMatch(/2024-02-30 is not a real date/);
    expect(recordableDayMessage("Date stated", "1899-12-31", NOW)).toMatch(/before 1 Jan 1900/);
    expect(recordableDayMessage("Date stated", "30.02.2024", NOW)).toMatch(/YYYY-MM-DD/);
  });

  it("the entry and source schemas refuse a date after today (9999-12-31 included) and keep accepting today", () => {
    const today = todayUTC();
    const entry = { partyIds: ["1"], issueId: "1", sourceId: "1", stance: "demands", summary: "S" };
    const future = addDays(latestRecordableDay(), 1);
    for (const statedOn of [future, "9999-12-31"]) {
      const r = entrySchema.safeParse({ ...entry, statedOn });
      expect(r.success, statedOn).toBe(false);
      expect(fieldErrorsOf(r.error!).statedOn?.[0]).toMatch(/in the future/);
    }
    expect(entrySchema.parse({ ...entry, statedOn: today }).statedOn).toBe(today);
    const r = sourceSchema.safeParse({ title: "R", publishedOn: future });
    expect(fieldErrorsOf(r.error!).publishedOn?.[0]).toMatch(/in the future/);
    expect(sourceSchema.parse({ title: "R", publishedOn: today }).publishedOn).toBe(today);
  });
});
