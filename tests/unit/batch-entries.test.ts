import { describe, expect, it } from "vitest";
import {
  MAX_ROWS,
  batchArrayFields,
  batchStatus,
  entryLabel,
  isEmptyRow,
  newRowKeys,
  rowErrors,
  rowField,
  rowKeysOf,
  rowValues,
  withoutRows,
} from "@/lib/batch-entries";

describe("batch entry rows", () => {
  it("names a row's fields row<key>.<field>", () => {
    expect(rowField("3", "summary")).toBe("row3.summary");
  });
  it("gives new rows keys above every key in use", () => {
    expect(newRowKeys([], 3)).toEqual(["1", "2", "3"]);
    expect(newRowKeys(["2", "7", "x"])).toEqual(["8"]);
  });
  it("reads the row list, refusing malformed, repeated or too many keys", () => {
    expect(rowKeysOf({ rows: ["1", "4"] })).toEqual({ keys: ["1", "4"] });
    expect(rowKeysOf({ rows: "2" })).toEqual({ keys: ["2"] });
    expect(rowKeysOf({})).toEqual({ keys: [] });
    for (const rows of [["1", "1"], ["0"], ["__proto__"], ["1e3"], [" 1"]]) expect(rowKeysOf({ rows })).toHaveProperty("error");
    const many = Array.from({ length: MAX_ROWS + 1 }, (_, i) => String(i + 1));
    expect(rowKeysOf({ rows: many })).toEqual({ error: expect.stringMatching(/at most 50 rows/) });
  });
  it("lists the row list and each listed row's parties as list fields", () => {
    const fd = new FormData();
    fd.append("rows", "1");
    fd.append("rows", "5");
    fd.append("rows", "bad");
    expect(batchArrayFields(fd)).toEqual(["rows", "row1.partyIds", "row5.partyIds"]);
  });
  it("takes a row's values under the single form's names, and nothing else", () => {
    const values = { rows: ["1", "2"], statedOn: "2024-08-25", "row1.summary": "A", "row1.partyIds": ["4"], "row2.summary": "B", "row1.version": "9" };
    expect(rowValues(values, "1")).toEqual({ summary: "A", partyIds: ["4"] });
  });
  it("counts a row with nothing chosen or typed (spaces only) as empty", () => {
    expect(isEmptyRow({})).toBe(true);
    expect(isEmptyRow({ partyIds: [], summary: "  ", quote: "" })).toBe(true);
    expect(isEmptyRow({ partyIds: ["3"] })).toBe(false);
    expect(isEmptyRow({ stance: "demands" })).toBe(false);
  });
  it("puts a row's errors under its field names and leaves the batch's fields alone", () => {
    expect(rowErrors("2", { summary: ["Enter it."], statedOn: ["Bad day."] })).toEqual({ "row2.summary": ["Enter it."], statedOn: ["Bad day."] });
  });
  it("drops saved rows from the form's values and its row list", () => {
    const values = { rows: ["1", "2"], statedOn: "2024-08-25", "row1.summary": "A", "row2.summary": "B" };
    expect(withoutRows(values, ["1"])).toEqual({ rows: ["2"], statedOn: "2024-08-25", "row2.summary": "B" });
  });
  it("says how many rows were saved and how many need fixing", () => {
    expect(batchStatus(2, 1)).toBe("2 positions saved, 1 row needs fixing.");
    expect(batchStatus(1, 0)).toBe("1 position saved.");
    expect(batchStatus(0, 3)).toBe("Nothing saved: 3 rows need fixing.");
  });
  it("names a saved entry by its parties, issue, stance and day", () => {
    const parties = new Map([[1, "Hamas"], [2, "Israel"]]);
    const issues = new Map([[7, "Hostages"]]);
    expect(entryLabel({ partyIds: [1, 2], issueId: 7, stance: "conditions", statedOn: "2024-08-25" }, parties, issues)).toBe(
      "Hamas, Israel on Hostages: Accepts with conditions (25 Aug 2024)",
    );
  });
});
