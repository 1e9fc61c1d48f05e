import { describe, expect, it } from "vitest";
import { detailedCellOf } from "@/lib/detailed-cell";
import { buildMatrix, cellKey } from "@/lib/matrix";

const source = { id: 7, title: null, outlet: "Wire", publishedOn: "2024-03-01" };
const entry = (id: number, partyIds: number[], statedOn: string, stance: string, extra: Partial<{ quoteStatus: string; changeOverride: string | null }> = {}) => ({
  id,
  issueId: 1,
  partyIds,
  statedOn,
  stance,
  firmness: null,
  summary: `s${id}`,
  quote: "",
  changeOverride: extra.changeOverride ?? null,
  quoteStatus: extra.quoteStatus ?? "none",
  source,
});

describe("detailedCellOf: what a detailed matrix cell shows", () => {
  const entries = [entry(1, [10], "2024-01-01", "demands"), entry(2, [10, 11, 12], "2024-03-01", "accepts", { quoteStatus: "missing" })];
  const matrix = buildMatrix({ issueIds: [1], partyIds: [10, 11, 12], entries, asOf: "2024-03-10" });
  const names = new Map([
    [10, "A"],
    [11, "B"],
  ]);

  it("gives the entry in force with its joint parties (live ones, by name), source label, quote flag and neighbours", () => {
    const cell = detailedCellOf(matrix.get(cellKey(1, 10))!, "2024-03-10", 30, names);
    expect(cell).toEqual({
      entry: { id: 2, stance: "accepts", firmness: null, summary: "s2", statedOn: "2024-03-01", jointWith: ["B"], quoteMissing: true, source: { id: 7, outlet: "Wire", label: "Wire, 1 Mar 2024" } },
      change: { change: "reversed", overridden: false },
      earlier: 1,
      later: 0,
    });
  });

  it("marks no change outside the window or without one, and an empty cell has no entry", () => {
    expect(detailedCellOf(matrix.get(cellKey(1, 10))!, "2024-03-10", 7, names).change).toBeNull();
    expect(detailedCellOf(matrix.get(cellKey(1, 10))!, "2024-03-10", null, names).change).toBeNull();
    const empty = detailedCellOf(buildMatrix({ issueIds: [1], partyIds: [10], entries, asOf: "2023-12-01" }).get(cellKey(1, 10))!, "2023-12-01", 30, names);
    expect(empty).toEqual({ entry: null, change: null, earlier: 0, later: 2 });
  });
});
