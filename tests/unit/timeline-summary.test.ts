import { describe, expect, it } from "vitest";
import { buildIssueRows, buildTimelineSummary, monthLabel, monthParam, monthsBetween, previousMonth, shade, shortMonthLabel } from "@/lib/timeline-summary";

describe("months", () => {
  it("names, steps and spans months across years", () => {
    expect(monthLabel("2024-05")).toBe("May 2024");
    expect(shortMonthLabel("2024-12")).toBe("Dec 24");
    expect(previousMonth("2024-01")).toBe("2023-12");
    expect(monthsBetween("2023-11", "2024-02")).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
  });
  it("a period is a real month in Parley's days, else it is refused as typed", () => {
    expect(monthParam("2024-05", "2026-11-30")).toEqual({ period: { month: "2024-05", from: "2024-05-01", to: "2024-06-01" }, invalid: null });
    expect(monthParam("2024-12", "2026-11-30").period?.to).toBe("2025-01-01");
    expect(monthParam(undefined, "2026-11-30")).toEqual({ period: null, invalid: null });
    for (const bad of ["2024-13", "2024-5", "May 2024", "1899-12", "2030-01", "2024-05-01"]) {
      expect(monthParam(bad, "2026-11-30")).toEqual({ period: null, invalid: bad });
    }
  });
});

describe("buildTimelineSummary", () => {
  it("counts per party and per stance for every month from the first to the last, quiet months and parties at zero", () => {
    const s = buildTimelineSummary(
      [
        { partyId: 1, month: "2024-01", stance: "demands", n: 3 },
        { partyId: 2, month: "2024-01", stance: "rejects", n: 1 },
        { partyId: 1, month: "2024-03", stance: "rejects", n: 2 },
        { partyId: 1, month: "2024-03", stance: "demands", n: 1 },
      ],
      [2, 1, 3],
      ["demands", "rejects", "supports"],
    )!;
    expect(s.months).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(s.byParty).toEqual([
      { key: 2, counts: [1, 0, 0], total: 1 },
      { key: 1, counts: [3, 0, 3], total: 6 },
      { key: 3, counts: [0, 0, 0], total: 0 },
    ]);
    expect(s.byStance).toEqual([
      { key: "demands", counts: [3, 0, 1], total: 4 },
      { key: "rejects", counts: [1, 0, 2], total: 3 },
    ]);
    expect(s.totals).toEqual([4, 0, 3]);
    expect(s.total).toBe(7);
    expect(s.maxPartyCount).toBe(3);
  });
  it("nothing to summarise is null", () => {
    expect(buildTimelineSummary([], [1], ["demands"])).toBeNull();
  });
  it("shades any count above zero, the largest darkest", () => {
    expect([0, 1, 25, 50, 75, 100].map((n) => shade(n, 100))).toEqual([0, 1, 1, 2, 3, 4]);
  });
});

describe("buildIssueRows: the summary's lanes by issue", () => {
  it("has a row per issue in the order given (quiet ones at zero), its own totals and largest count; unknown issues and months are left out", () => {
    const out = buildIssueRows(
      [
        { issueId: 7, month: "2024-02", n: 3 },
        { issueId: 5, month: "2024-01", n: 1 },
        { issueId: 5, month: "2024-03", n: 4 },
        { issueId: 99, month: "2024-01", n: 50 },
        { issueId: 7, month: "2023-12", n: 50 },
      ],
      ["2024-01", "2024-02", "2024-03"],
      [5, 6, 7],
    );
    expect(out.rows).toEqual([
      { key: 5, counts: [1, 0, 4], total: 5 },
      { key: 6, counts: [0, 0, 0], total: 0 },
      { key: 7, counts: [0, 3, 0], total: 3 },
    ]);
    expect(out.totals).toEqual([1, 3, 4]);
    expect(out.max).toBe(4);
  });
});
