import { describe, expect, it } from "vitest";
import { buildGapRows, countGapStatuses, parseGapSort, toGapPosition, type GapEntry } from "@/lib/gaps-view";

const ISRAEL = { id: 1, role: "party" };
const HAMAS = { id: 2, role: "party" };
const QATAR = { id: 3, role: "mediator" };
const parties = [ISRAEL, HAMAS, QATAR];

// Issues in matrix order.
const DEAL = { id: 10, name: "Overall deal" };
const PHILADELPHI = { id: 11, name: "Philadelphi corridor" };
const RAFAH = { id: 12, name: "Rafah crossing" };
const AID = { id: 13, name: "Humanitarian aid" };
const issues = [DEAL, PHILADELPHI, RAFAH, AID];

let nextId = 1;
function entry(issueId: number, partyIds: number[], statedOn: string, stance: string, firmness: string | null = null): GapEntry {
  return { id: nextId++, issueId, partyIds, statedOn, stance, firmness };
}

const entries = [
  // Deal: both accept → compatible.
  entry(DEAL.id, [ISRAEL.id], "2024-05-06", "accepts"),
  entry(DEAL.id, [HAMAS.id], "2024-05-06", "accepts"),
  // Philadelphi: Hamas demands (red line); Israel rejects on 2024-08-20, concedes on 2024-08-25.
  entry(PHILADELPHI.id, [HAMAS.id], "2024-07-01", "demands", "red_line"),
  entry(PHILADELPHI.id, [ISRAEL.id], "2024-08-20", "rejects", "red_line"),
  entry(PHILADELPHI.id, [ISRAEL.id], "2024-08-25", "concedes", "flexible"),
  // Rafah: Hamas accepts, Israel rejects → opposed, scores below Philadelphi's two red lines.
  entry(RAFAH.id, [HAMAS.id], "2024-06-01", "accepts"),
  entry(RAFAH.id, [ISRAEL.id], "2024-06-02", "rejects"),
  // Aid: only the mediator has spoken.
  entry(AID.id, [QATAR.id], "2024-06-03", "rejects", "red_line"),
];

describe("parseGapSort", () => {
  it("reads the two sorts", () => {
    expect(parseGapSort("gap")).toBe("gap");
    expect(parseGapSort("matrix")).toBe("matrix");
  });
  it("falls back to most opposed first for a missing or unknown value", () => {
    for (const v of [undefined, "", "Matrix", "order", "__proto__"]) expect(parseGapSort(v)).toBe("gap");
  });
});

describe("buildGapRows", () => {
  const rows = (asOf: string, sort: "gap" | "matrix") => buildGapRows({ issues, parties, sides: [], entries, asOf, sort });

  it("in matrix order keeps the issues' order and one cell per party in party order", () => {
    const r = rows("2024-08-24", "matrix");
    expect(r.map((x) => x.issue.name)).toEqual(["Overall deal", "Philadelphi corridor", "Rafah crossing", "Humanitarian aid"]);
    for (const row of r) expect(row.cells.map((c) => c.partyId)).toEqual([1, 2, 3]);
  });

  it("uses the position in force on the as-of day", () => {
    const before = rows("2024-08-24", "matrix")[1]!;
    expect(before.cells[0]!.entry?.stance).toBe("rejects");
    expect(before.gap.status).toBe("opposed");
    expect(before.gap.reason).toBe("Demands meet a rejection, with 2 red lines");

    const after = rows("2024-08-25", "matrix")[1]!;
    expect(after.cells[0]!.entry?.stance).toBe("concedes");
    expect(after.gap.status).toBe("open");
    expect(after.gap.reason).toBe("A demand is on the table, not yet met, with a red line");
  });

  it("shows no position before a party's first entry", () => {
    const r = rows("2024-07-15", "matrix")[1]!;
    expect(r.cells[0]!.entry).toBeNull();
    expect(r.cells[1]!.entry?.stance).toBe("demands");
    expect(r.gap.reason).toBe("Only one party has stated a position, with a red line");
  });

  it("most opposed first: opposed before open before compatible, harder opposition first", () => {
    const r = rows("2024-08-24", "gap");
    expect(r.map((x) => [x.issue.name, x.gap.status])).toEqual([
      ["Philadelphi corridor", "opposed"],
      ["Rafah crossing", "opposed"],
      ["Humanitarian aid", "open"],
      ["Overall deal", "compatible"],
    ]);
  });

  it("a mediator's red-line rejection does not make an issue opposed", () => {
    const aid = rows("2024-08-24", "gap").find((x) => x.issue.id === AID.id)!;
    expect(aid.cells[2]!.entry?.stance).toBe("rejects");
    expect(aid.gap).toMatchObject({ status: "open", reason: "Only mediators or observers have stated a position" });
  });

  it("breaks score ties by matrix order", () => {
    const many = [1, 2, 3, 4, 5].map((id) => ({ id, name: `Issue ${id}` }));
    const r = buildGapRows({ issues: many, parties, sides: [], entries: [], asOf: "2024-01-01", sort: "gap" });
    expect(r.map((x) => x.issue.id)).toEqual([1, 2, 3, 4, 5]);
    expect(r.every((x) => x.gap.reason === "No party has stated a position")).toBe(true);
  });

  it("counts a joint statement in each named party's cell", () => {
    const joint = [entry(DEAL.id, [ISRAEL.id, HAMAS.id], "2024-01-01", "demands")];
    const [row] = buildGapRows({ issues: [DEAL], parties, sides: [], entries: joint, asOf: "2024-01-01", sort: "gap" });
    expect(row!.cells.map((c) => c.entry?.stance ?? null)).toEqual(["demands", "demands", null]);
    // One statement is one voice: the two co-signers are not two opposed sides.
    expect(row!.gap.status).toBe("open");
  });

  it("does not mutate its inputs", () => {
    const copy = structuredClone(issues);
    rows("2024-08-24", "gap");
    expect(issues).toEqual(copy);
  });

  it("counts statuses", () => {
    expect(countGapStatuses(rows("2024-08-24", "gap"))).toEqual({ opposed: 2, open: 1, compatible: 1 });
    expect(countGapStatuses([])).toEqual({ opposed: 0, open: 0, compatible: 0 });
  });
});

describe("toGapPosition: bad data never makes an issue look settled", () => {
  const e = (stance: string, firmness: string | null) => entry(DEAL.id, [1], "2024-01-01", stance, firmness);
  it("passes stance, firmness and role through", () => {
    expect(toGapPosition(e("rejects", "red_line"), QATAR)).toEqual({ partyId: 3, stance: "rejects", firmness: "red_line", role: "mediator" });
  });
  it("an unknown stance is no position", () => {
    expect(toGapPosition(e("shrugs", null), ISRAEL)).toBeNull();
  });
  it("an unknown firmness is not stated", () => {
    expect(toGapPosition(e("demands", "very"), ISRAEL)?.firmness).toBeNull();
  });
  it("an unknown role does not count as a party", () => {
    expect(toGapPosition(e("accepts", null), { id: 9, role: "chair" })?.role).toBe("observer");
  });
});
