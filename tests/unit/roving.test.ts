// The timeline's (and the overview matrix's) keyboard model: one tab stop, arrows move between
// marks, left/right in time within a lane, up/down across lanes to the mark nearest in time.
import { describe, expect, it } from "vitest";
import { nearestDayIndex, rovingMove } from "@/lib/roving";
import { daysBetween } from "@/lib/window";

// Three lanes of 3, 1 and 2 marks.
const LANES = [3, 1, 2];

describe("rovingMove", () => {
  it("moves left and right within a lane and stops at its ends", () => {
    expect(rovingMove(LANES, { row: 0, column: 0 }, "ArrowRight")).toEqual({ row: 0, column: 1 });
    expect(rovingMove(LANES, { row: 0, column: 2 }, "ArrowRight")).toEqual({ row: 0, column: 2 });
    expect(rovingMove(LANES, { row: 0, column: 0 }, "ArrowLeft")).toEqual({ row: 0, column: 0 });
  });
  it("moves up and down across lanes, clamped to the lane's marks, and stops at the first and last lane", () => {
    expect(rovingMove(LANES, { row: 0, column: 2 }, "ArrowDown")).toEqual({ row: 1, column: 0 });
    expect(rovingMove(LANES, { row: 2, column: 1 }, "ArrowDown")).toEqual({ row: 2, column: 1 });
    expect(rovingMove(LANES, { row: 0, column: 1 }, "ArrowUp")).toEqual({ row: 0, column: 1 });
  });
  it("lets the caller choose where Up/Down lands (the timeline: nearest in time)", () => {
    expect(rovingMove(LANES, { row: 0, column: 0 }, "ArrowDown", false, (row) => (row === 1 ? 0 : 99))).toEqual({ row: 1, column: 0 });
    expect(rovingMove(LANES, { row: 1, column: 0 }, "ArrowDown", false, () => 1)).toEqual({ row: 2, column: 1 });
  });
  it("goes to the lane's ends with Home/End, and with Ctrl to the first and last marks of all", () => {
    expect(rovingMove(LANES, { row: 0, column: 1 }, "End")).toEqual({ row: 0, column: 2 });
    expect(rovingMove(LANES, { row: 0, column: 1 }, "Home")).toEqual({ row: 0, column: 0 });
    expect(rovingMove(LANES, { row: 0, column: 1 }, "End", true)).toEqual({ row: 2, column: 1 });
    expect(rovingMove(LANES, { row: 2, column: 1 }, "Home", true)).toEqual({ row: 0, column: 0 });
  });
  it("leaves every other key (Enter, Tab, letters) to the mark", () => {
    for (const key of ["Enter", "Tab", " ", "a", "Escape"]) expect(rovingMove(LANES, { row: 0, column: 0 }, key)).toBeNull();
  });
});

describe("nearestDayIndex", () => {
  const lane = ["2024-07-07", "2024-08-20", "2024-08-30", "2024-09-04"];
  it("finds the mark nearest in time, the earlier of two as near", () => {
    expect(nearestDayIndex(lane, "2024-08-25", daysBetween)).toBe(1);
    expect(nearestDayIndex(lane, "2024-08-26", daysBetween)).toBe(2);
    expect(nearestDayIndex(lane, "2020-01-01", daysBetween)).toBe(0);
    expect(nearestDayIndex(lane, "2030-01-01", daysBetween)).toBe(3);
  });
});
