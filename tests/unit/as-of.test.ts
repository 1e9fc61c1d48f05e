import { describe, expect, it } from "vitest";
import { compareDated, neighbourCounts, positionAsOf } from "@/lib/as-of";
import { buildMatrix, cellKey } from "@/lib/matrix";

const e = (id: number, statedOn: string) => ({ id, statedOn });

describe("positionAsOf: the latest entry stated on or before the day", () => {
  const entries = [e(1, "2024-05-06"), e(2, "2024-08-20"), e(3, "2024-08-25")];

  it("returns null before the first entry", () => {
    expect(positionAsOf(entries, "2024-05-05")).toBeNull();
  });
  it("includes an entry stated on the as-of day itself", () => {
    expect(positionAsOf(entries, "2024-08-20")?.id).toBe(2);
  });
  it("takes the latest earlier entry between two dates", () => {
    expect(positionAsOf(entries, "2024-08-24")?.id).toBe(2);
  });
  it("takes the last entry for any later day", () => {
    expect(positionAsOf(entries, "2026-01-01")?.id).toBe(3);
  });
  it("does not depend on the order entries arrive in", () => {
    expect(positionAsOf([...entries].reverse(), "2024-08-24")?.id).toBe(2);
  });
  it("returns null for no entries", () => {
    expect(positionAsOf([], "2024-08-24")).toBeNull();
  });
  it("resolves a same-day tie to the entry recorded later (higher id)", () => {
    const sameDay = [e(10, "2024-08-25"), e(7, "2024-08-25"), e(12, "2024-08-25"), e(11, "2024-08-25")];
    expect(positionAsOf(sameDay, "2024-08-25")?.id).toBe(12);
  });
  it("orders by date before recording order", () => {
    expect(compareDated(e(99, "2024-01-01"), e(1, "2024-01-02"))).toBeLessThan(0);
    expect(compareDated(e(2, "2024-01-01"), e(1, "2024-01-01"))).toBeGreaterThan(0);
  });
});

describe("neighbourCounts", () => {
  const entries = [e(1, "2024-05-06"), e(2, "2024-08-20"), e(3, "2024-08-25"), e(4, "2024-08-25")];
  it("counts entries before and after the one in force", () => {
    expect(neighbourCounts(entries, entries[1]!, "2024-08-21")).toEqual({ earlier: 1, later: 2 });
  });
  it("counts a superseded same-day entry as earlier", () => {
    expect(neighbourCounts(entries, entries[3]!, "2024-08-25")).toEqual({ earlier: 3, later: 0 });
  });
  it("counts everything as later when nothing is in force", () => {
    expect(neighbourCounts(entries, null, "2024-01-01")).toEqual({ earlier: 0, later: 4 });
  });
});

describe("buildMatrix", () => {
  const entries = [
    { id: 1, statedOn: "2024-08-20", issueId: 100, partyIds: [1] },
    { id: 2, statedOn: "2024-08-25", issueId: 100, partyIds: [1] },
    { id: 3, statedOn: "2024-08-25", issueId: 200, partyIds: [1, 2] }, // joint statement
  ];
  const build = (asOf: string) => buildMatrix({ issueIds: [100, 200], partyIds: [1, 2, 3], entries, asOf });

  it("has a cell for every issue and party", () => {
    expect(build("2024-08-25").size).toBe(6);
  });
  it("shows the later entry on a later day and the earlier one in between", () => {
    expect(build("2024-08-25").get(cellKey(100, 1))?.current?.id).toBe(2);
    expect(build("2024-08-22").get(cellKey(100, 1))?.current?.id).toBe(1);
    expect(build("2024-08-22").get(cellKey(100, 1))?.later).toBe(1);
  });
  it("puts a joint statement in every named party's cell", () => {
    const m = build("2024-09-01");
    expect(m.get(cellKey(200, 1))?.current?.id).toBe(3);
    expect(m.get(cellKey(200, 2))?.current?.id).toBe(3);
    expect(m.get(cellKey(200, 3))?.current).toBeNull();
  });
  it("keeps the entry in force just before the current one", () => {
    expect(build("2024-08-25").get(cellKey(100, 1))?.previous?.id).toBe(1);
    expect(build("2024-08-22").get(cellKey(100, 1))?.previous).toBeNull();
  });
  it("ignores entries of parties or issues not in the matrix", () => {
    const m = buildMatrix({ issueIds: [100], partyIds: [2], entries, asOf: "2024-09-01" });
    expect([...m.values()].map((c) => c.current)).toEqual([null]);
  });
});
