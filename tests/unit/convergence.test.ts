import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  changeSteps,
  convergenceChart,
  convergenceSeries,
  countsOn,
  integerTicks,
  linearScale,
  MAX_BANDS,
  monthTicks,
  type ConvergenceSeries,
} from "@/lib/convergence";
import { buildGapRows, countGapStatuses, type GapEntry } from "@/lib/gaps-view";
import { addDays } from "@/lib/day";
import { FIRMNESS, STANCES } from "@/lib/vocabulary";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

const ISRAEL = { id: 1, role: "party" };
const HAMAS = { id: 2, role: "party" };
const QATAR = { id: 3, role: "mediator" };
const parties = [ISRAEL, HAMAS, QATAR];
const DEAL = { id: 10 };
const RAFAH = { id: 11 };
const AID = { id: 12 };
const issues = [DEAL, RAFAH, AID];

let nextId = 1;
const entry = (issueId: number, partyIds: number[], statedOn: string, stance: string, firmness: string | null = null): GapEntry => ({
  id: nextId++,
  issueId,
  partyIds,
  statedOn,
  stance,
  firmness,
});

const demo = [
  entry(DEAL.id, [ISRAEL.id], "2024-05-06", "accepts"),
  entry(DEAL.id, [HAMAS.id], "2024-05-06", "accepts"),
  entry(RAFAH.id, [HAMAS.id], "2024-06-01", "accepts"),
  entry(RAFAH.id, [ISRAEL.id], "2024-06-02", "rejects"),
  entry(AID.id, [QATAR.id], "2024-06-03", "rejects"),
  entry(RAFAH.id, [ISRAEL.id], "2024-08-25", "concedes"),
];

describe("convergenceSeries", () => {
  const series = convergenceSeries({ issues, parties, sides: [], entries: demo });

  it("starts with every issue open (nobody has spoken) and has one point per entry day", () => {
    expect(series.before).toEqual({ opposed: 0, open: 3, compatible: 0 });
    expect(series.points.map((p) => p.day)).toEqual(["2024-05-06", "2024-06-01", "2024-06-02", "2024-06-03", "2024-08-25"]);
  });

  it("is a step series: counts hold from a day until the next one", () => {
    expect(countsOn(series, "2024-05-05")).toEqual({ opposed: 0, open: 3, compatible: 0 });
    expect(countsOn(series, "2024-05-06")).toEqual({ opposed: 0, open: 2, compatible: 1 });
    expect(countsOn(series, "2024-06-02")).toEqual({ opposed: 1, open: 1, compatible: 1 });
    expect(countsOn(series, "2024-08-24")).toEqual({ opposed: 1, open: 1, compatible: 1 });
    expect(countsOn(series, "2024-08-25")).toEqual({ opposed: 0, open: 1, compatible: 2 });
    expect(countsOn(series, "2030-01-01")).toEqual({ opposed: 0, open: 1, compatible: 2 });
  });

  it("changeSteps leaves out days that moved no status (the mediator's rejection)", () => {
    expect(changeSteps(series).map((p) => p.day)).toEqual(["2024-05-06", "2024-06-02", "2024-08-25"]);
  });

  it("ignores entries of issues it was not given", () => {
    const s = convergenceSeries({ issues: [DEAL], parties, sides: [], entries: demo });
    expect(s.issueCount).toBe(1);
    expect(countsOn(s, "2030-01-01")).toEqual({ opposed: 0, open: 0, compatible: 1 });
  });

  it("a later-recorded entry of the same day wins, as in the matrix", () => {
    const s = convergenceSeries({
      issues: [RAFAH],
      parties,
      sides: [],
      entries: [entry(RAFAH.id, [HAMAS.id], "2024-01-01", "accepts"), entry(RAFAH.id, [ISRAEL.id], "2024-01-02", "rejects"), entry(RAFAH.id, [ISRAEL.id], "2024-01-02", "accepts")],
    });
    expect(countsOn(s, "2024-01-02")).toEqual({ opposed: 0, open: 0, compatible: 1 });
  });
});

// Random negotiations: same-day ties, joint statements, mediators, withdrawals, unknown stances.
const DAYS = ["2024-01-01", "2024-01-02", "2024-01-05", "2024-02-01", "2024-03-01", "2024-03-02"];
const PROBES = ["2023-12-31", ...DAYS, "2024-01-03", "2024-02-15", "2030-01-01"];
const negotiationArb = fc
  .record({
    roles: fc.array(fc.constantFrom("party", "party", "mediator", "observer"), { minLength: 1, maxLength: 5 }),
    // Each party's side: none, or one of two sides (side 3 is not live: its members count as ungrouped).
    sideOf: fc.array(fc.constantFrom(null, 1, 2, 3), { minLength: 5, maxLength: 5 }),
    issueCount: fc.integer({ min: 1, max: 4 }),
    entries: fc.array(
      fc.record({
        parties: fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 3 }),
        issue: fc.nat(3),
        day: fc.constantFrom(...DAYS),
        stance: fc.constantFrom(...STANCES, "unknown"),
        firmness: fc.option(fc.constantFrom(...FIRMNESS), { nil: null }),
      }),
      { maxLength: 40 },
    ),
    // Ids are not in date order (entries recorded later about earlier days).
    shuffle: fc.array(fc.nat(1000), { minLength: 40, maxLength: 40 }),
  })
  .map(({ roles, sideOf, issueCount, entries, shuffle }) => {
    const ps = roles.map((role, i) => ({ id: i + 1, role, sideId: sideOf[i] ?? null }));
    const sides = [{ id: 1, name: "One" }, { id: 2, name: "Two" }];
    const is = Array.from({ length: issueCount }, (_, i) => ({ id: 100 + i }));
    const es: GapEntry[] = entries
      .filter((e) => e.issue < issueCount)
      .map((e, i) => ({
        id: shuffle[i]! * 100 + i + 1,
        issueId: 100 + e.issue,
        partyIds: [...new Set(e.parties.map((p) => (p % ps.length) + 1))].sort((a, b) => a - b),
        statedOn: e.day,
        stance: e.stance,
        firmness: e.firmness,
      }));
    return { parties: ps, sides, issues: is, entries: es };
  });

describe("convergenceSeries (property)", () => {
  it("on every day equals the gap view's counts on the matrix as of that day", () => {
    fc.assert(
      fc.property(negotiationArb, ({ parties, sides, issues, entries }) => {
        const series = convergenceSeries({ issues, parties, sides, entries });
        for (const day of PROBES) {
          const expected = countGapStatuses(buildGapRows({ issues, parties, sides, entries, asOf: day, sort: "gap" }));
          expect(countsOn(series, day)).toEqual(expected);
        }
        for (const p of series.points) {
          expect(p.opposed + p.open + p.compatible).toBe(issues.length);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("chart scales and ticks", () => {
  it("linearScale maps the domain onto the range, inverted for a y axis", () => {
    const y = linearScale(0, 10, 200, 20);
    expect(y(0)).toBe(200);
    expect(y(10)).toBe(20);
    expect(y(5)).toBe(110);
  });

  it("integerTicks: 1-2-5 steps from 0, ending at or above the maximum", () => {
    expect(integerTicks(0, 4)).toEqual([0]);
    expect(integerTicks(3, 4)).toEqual([0, 1, 2, 3]);
    expect(integerTicks(14, 4)).toEqual([0, 5, 10, 15]);
    expect(integerTicks(120, 4)).toEqual([0, 50, 100, 150]);
    expect(integerTicks(7, 2)).toEqual([0, 5, 10]);
  });

  it("monthTicks: month starts inside the range, the year on January and on the first tick", () => {
    expect(monthTicks("2024-04-20", "2025-10-20", 6)).toEqual([
      { day: "2024-07-01", label: "Jul 2024" },
      { day: "2024-10-01", label: "Oct" },
      { day: "2025-01-01", label: "Jan 2025" },
      { day: "2025-04-01", label: "Apr" },
      { day: "2025-07-01", label: "Jul" },
      { day: "2025-10-01", label: "Oct" },
    ]);
    expect(monthTicks("2024-05-01", "2024-06-15", 6)).toEqual([
      { day: "2024-05-01", label: "May 2024" },
      { day: "2024-06-01", label: "Jun" },
    ]);
    expect(monthTicks("2020-01-01", "2026-12-31", 4).map((t) => t.label)).toEqual(["Jan 2020", "Jan 2022", "Jan 2024", "Jan 2026"]);
  });
});

describe("convergenceChart", () => {
  const series = convergenceSeries({ issues, parties, sides: [], entries: demo });
  const chart = convergenceChart(series, { asOf: "2024-06-10", matrixHref: "/negotiations/x", milestones: [] })!;

  it("nothing to draw without entries or issues", () => {
    expect(convergenceChart(convergenceSeries({ issues, parties, sides: [], entries: [] }), { asOf: "2024-01-01", matrixHref: "/n", milestones: [] })).toBeNull();
    expect(convergenceChart(convergenceSeries({ issues: [], parties, sides: [], entries: demo }), { asOf: "2024-01-01", matrixHref: "/n", milestones: [] })).toBeNull();
  });

  it("the time axis runs a little before the first entry day to a little after the last", () => {
    expect(chart.from < "2024-05-06").toBe(true);
    expect(chart.to > "2024-08-25").toBe(true);
  });

  it("stacks opposed, open, compatible from the bottom, each a closed path", () => {
    expect(chart.layers.map((l) => l.status)).toEqual(["opposed", "open", "compatible"]);
    for (const l of chart.layers) expect(l.path).toMatch(/^M[\d.]+,[\d.]+H.*Z$/);
  });

  it("one link per change while there are few, to the matrix as of that day, named with its counts", () => {
    expect(chart.bandUnit).toBe("day");
    expect(chart.bands.map((b) => b.href)).toEqual([
      "/negotiations/x?asOf=2024-05-06",
      "/negotiations/x?asOf=2024-06-02",
      "/negotiations/x?asOf=2024-08-25",
    ]);
    expect(chart.bands[1]!.label).toBe("Matrix on 2 Jun 2024: 1 opposed, 1 open, 1 compatible");
    // Bands tile the plot from the first change to the right edge, without gaps.
    for (let i = 1; i < chart.bands.length; i++) expect(chart.bands[i]!.x).toBeCloseTo(chart.bands[i - 1]!.x + chart.bands[i - 1]!.width, 0);
    const last = chart.bands[chart.bands.length - 1]!;
    expect(last.x + last.width).toBeCloseTo(chart.plot.right, 0);
  });

  it("marks the as-of day with its counts, at the edge when outside the axis", () => {
    expect(chart.asOf.counts).toEqual({ opposed: 1, open: 1, compatible: 1 });
    expect(chart.asOf.x).toBeGreaterThan(chart.plot.left);
    expect(chart.asOf.label).toBe("As of 10 Jun 2024");
    const late = convergenceChart(series, { asOf: "2026-01-01", matrixHref: "/n", milestones: [] })!;
    expect(late.asOf.x).toBe(late.plot.right);
    expect(late.asOf.anchor).toBe("end");
  });

  it("milestones inside the axis are numbered, labelled markers; outside ones are left out", () => {
    const withMilestones = convergenceChart(series, {
      asOf: "2024-06-10",
      matrixHref: "/n",
      milestones: [
        { day: "2020-01-01", title: "Too early" },
        { day: "2024-05-31", title: "Biden outlines the three-phase proposal" },
        { day: "2024-08-15", title: "Doha round" },
      ],
    })!;
    expect(withMilestones.milestones.map((m) => [m.number, m.label])).toEqual([
      [1, "1: 31 May 2024, Biden outlines the three-phase proposal"],
      [2, "2: 15 Aug 2024, Doha round"],
    ]);
    expect(withMilestones.milestones[0]!.x).toBeLessThan(withMilestones.milestones[1]!.x);
  });

  it("with many changes, one link (and table row) per month group, each as of the group's last day", () => {
    const many: ConvergenceSeries = { issueCount: 2, before: { opposed: 0, open: 2, compatible: 0 }, points: [] };
    for (let i = 0; i < 300; i++) {
      const day = addDays("2023-01-01", i * 3);
      many.points.push(i % 2 === 0 ? { day, opposed: 1, open: 1, compatible: 0 } : { day, opposed: 0, open: 1, compatible: 1 });
    }
    const c = convergenceChart(many, { asOf: "2024-01-01", matrixHref: "/n", milestones: [] })!;
    expect(changeSteps(many).length).toBeGreaterThan(MAX_BANDS);
    expect(c.bandUnit).toBe("month");
    expect(c.bands.length).toBeLessThanOrEqual(MAX_BANDS);
    expect(c.bands[1]!.day).toMatch(/-(28|29|30|31)$/);
    for (const b of c.bands) expect(b.counts).toEqual(countsOn(many, b.day));
  });
});

describe("convergenceChart's day range", () => {
  it("names the first and last entry days (the axis runs a little wider)", () => {
    const series = convergenceSeries({ issues, parties, sides: [], entries: demo });
    const chart = convergenceChart(series, { asOf: "2024-06-10", matrixHref: "/n", milestones: [] })!;
    expect([chart.firstDay, chart.lastDay]).toEqual(["2024-05-06", "2024-08-25"]);
  });
});

describe("foldEntryParties", () => {
  it("folds one row per entry and party back into one entry with every party, in order", async () => {
    const { foldEntryParties } = await import("@/lib/matrix");
    const rows = [
      { id: 3n, partyId: 1, stance: "demands" },
      { id: 3n, partyId: 2, stance: "demands" },
      { id: 5, partyId: 2n, stance: "rejects" },
    ];
    expect(foldEntryParties(rows, (r, id) => ({ id, stance: r.stance }))).toEqual([
      { id: 3, stance: "demands", partyIds: [1, 2] },
      { id: 5, stance: "rejects", partyIds: [2] },
    ]);
  });
});
