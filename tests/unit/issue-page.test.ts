import { describe, expect, it } from "vitest";
import { buildIssueView, gapOverTime, issueMoves } from "@/lib/issue-page";
import { buildGapRows, type GapEntry } from "@/lib/gaps-view";

const ISRAEL = { id: 1, role: "party" };
const HAMAS = { id: 2, role: "party" };
const PIJ = { id: 3, role: "party" };
const QATAR = { id: 4, role: "mediator" };
const parties = [ISRAEL, HAMAS, PIJ, QATAR];
const ISSUE = { id: 10 };

let nextId = 1;
function entry(partyIds: number[], statedOn: string, stance: string, firmness: string | null = null): GapEntry {
  return { id: nextId++, issueId: ISSUE.id, partyIds, statedOn, stance, firmness };
}

describe("issue page view model", () => {
  const points = [
    entry([1], "2024-05-01", "rejects", "red_line"),
    entry([2, 3], "2024-05-01", "demands", "firm"), // a joint statement: one voice
    entry([1], "2024-06-01", "rejects", "red_line"), // a repeat: does not move the issue
    entry([4], "2024-06-15", "proposes"),
    entry([1], "2024-07-01", "conditions", "firm"),
    entry([2], "2024-08-01", "withdraws"),
    entry([2], "2024-08-01", "accepts", "flexible"), // same day, recorded later: in force
  ];

  it("the gap status on each day is the gap view's rows as of that day, computed from all entries", () => {
    const overTime = gapOverTime(ISSUE, parties, [], points);
    expect(overTime.map((g) => g.day)).toEqual(["2024-05-01", "2024-06-01", "2024-06-15", "2024-07-01", "2024-08-01"]);
    for (const { day, gap } of overTime) {
      const [row] = buildGapRows({ issues: [ISSUE], parties, sides: [], entries: points, asOf: day, sort: "matrix" });
      expect(gap).toEqual(row!.gap);
    }
    expect(overTime[0]!.gap.status).toBe("opposed");
  });

  it("gap over time does not depend on the order the entries come in", () => {
    const shuffled = [...points].reverse();
    expect(gapOverTime(ISSUE, parties, [], shuffled)).toEqual(gapOverTime(ISSUE, parties, [], points));
  });

  it("moving entries: first positions and changes of stance or firmness, newest first; repeats left out", () => {
    const ids = points.map((p) => p.id);
    const moves = issueMoves(points);
    expect(moves.map((m) => m.id)).toEqual([ids[6], ids[5], ids[4], ids[3], ids[1], ids[0]]);
    expect(moves[2]).toEqual({ id: ids[4], moves: [{ partyId: 1, previous: { stance: "rejects", firmness: "red_line" } }] });
    expect(moves.at(-2)).toEqual({ id: ids[1], moves: [{ partyId: 2, previous: null }, { partyId: 3, previous: null }] });
  });

  it("current stance per party is the matrix's in-force rule; strips per party share one axis", () => {
    const view = buildIssueView({ issue: ISSUE, parties, sides: [], points, asOf: "2024-08-01", milestones: [{ day: "2024-06-01", title: "Biden plan" }, { day: "2023-01-01", title: "Off the axis" }] });
    expect(view.axis).toEqual({ first: "2024-05-01", last: "2024-08-01" });
    expect(view.rows.map((r) => r.current?.stance ?? null)).toEqual(["conditions", "accepts", "demands", "proposes"]);
    expect(view.rows[1]!.strip.map((s) => s.value.stance)).toEqual(["demands", "accepts"]);
    expect(view.milestones.map((m) => m.title)).toEqual(["Biden plan"]);
    expect(view.gapAsOf).toEqual(buildGapRows({ issues: [ISSUE], parties, sides: [], entries: points, asOf: "2024-08-01", sort: "matrix" })[0]!.gap);
    expect(view.gapStrip[0]!.from).toBe("2024-05-01");
  });

  it("before any entry: the gap view's status for no positions, empty strips", () => {
    const view = buildIssueView({ issue: ISSUE, parties, sides: [], points, asOf: "2024-01-01", milestones: [] });
    expect(view.gapAsOf).toEqual(buildGapRows({ issues: [ISSUE], parties, sides: [], entries: [], asOf: "2024-01-01", sort: "matrix" })[0]!.gap);
    expect(view.gapStrip[0]!.from).toBe("2024-05-01");
    expect(view.rows.every((r) => r.current === null)).toBe(true);
    expect(view.axis?.first).toBe("2024-01-01");
    expect(buildIssueView({ issue: ISSUE, parties, sides: [], points: [], asOf: "2024-01-01", milestones: [] }).axis).toBeNull();
  });
});
