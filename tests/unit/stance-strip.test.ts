import { describe, expect, it } from "vitest";
import { axisFraction, axisOf, stanceStrip, stripSegments } from "@/lib/stance-strip";
import { moveInWords, positionLabel } from "@/lib/position-words";

const axis = { first: "2024-01-01", last: "2024-01-10" }; // ten days
const e = (id: number, statedOn: string, stance: string, firmness: string | null = null) => ({ id, statedOn, stance, firmness });

describe("strip layout", () => {
  it("lays each value from its day until the day before the next change, widths summing to the rest of the axis", () => {
    const segments = stripSegments(
      [
        { day: "2024-01-01", value: "a" },
        { day: "2024-01-05", value: "b" },
      ],
      axis,
      (v) => v,
    );
    expect(segments).toEqual([
      { from: "2024-01-01", to: "2024-01-04", value: "a", start: 0, width: 0.4 },
      { from: "2024-01-05", to: "2024-01-10", value: "b", start: 0.4, width: 0.6 },
    ]);
  });

  it("starts empty before the first change and merges repeats of the same value", () => {
    const segments = stripSegments(
      [
        { day: "2024-01-03", value: "a" },
        { day: "2024-01-04", value: "a" },
        { day: "2024-01-08", value: "b" },
      ],
      axis,
      (v) => v,
    );
    expect(segments.map((s) => [s.from, s.to, s.value])).toEqual([
      ["2024-01-03", "2024-01-07", "a"],
      ["2024-01-08", "2024-01-10", "b"],
    ]);
    expect(segments[0]!.start).toBeCloseTo(0.2);
  });

  it("takes the last value of a day, clips points before the axis and drops those after it", () => {
    const segments = stripSegments(
      [
        { day: "2023-12-01", value: "old" },
        { day: "2023-12-20", value: "a" },
        { day: "2024-01-05", value: "b" },
        { day: "2024-01-05", value: "a" },
        { day: "2024-02-01", value: "late" },
      ],
      axis,
      (v) => v,
    );
    expect(segments.map((s) => [s.from, s.to, s.value])).toEqual([["2024-01-01", "2024-01-10", "a"]]);
  });

  it("stance strip: the as-of rule picks the later-recorded entry of a day, and a withdrawal is its own segment", () => {
    const strip = stanceStrip(
      [e(3, "2024-01-02", "demands", "firm"), e(1, "2024-01-02", "demands", "red_line"), e(5, "2024-01-06", "withdraws"), e(7, "2024-01-09", "proposes", "flexible")],
      axis,
    );
    expect(strip.map((s) => [s.from, s.to, s.value.stance, s.value.firmness, s.value.entryId])).toEqual([
      ["2024-01-02", "2024-01-05", "demands", "firm", 3],
      ["2024-01-06", "2024-01-08", "withdraws", null, 5],
      ["2024-01-09", "2024-01-10", "proposes", "flexible", 7],
    ]);
  });

  it("stance strip: a change of firmness alone starts a new segment, a rewording does not", () => {
    const strip = stanceStrip([e(1, "2024-01-01", "demands", "red_line"), e(2, "2024-01-03", "demands", "red_line"), e(3, "2024-01-04", "demands", "firm")], axis);
    expect(strip.map((s) => [s.from, s.value.firmness])).toEqual([
      ["2024-01-01", "red_line"],
      ["2024-01-04", "firm"],
    ]);
  });

  it("axis spans the days and the as-of day; fractions outside it are null", () => {
    expect(axisOf(["2024-03-01", "2024-01-05"], "2024-02-01")).toEqual({ first: "2024-01-05", last: "2024-03-01" });
    expect(axisOf([], "2024-02-01")).toEqual({ first: "2024-02-01", last: "2024-02-01" });
    expect(axisFraction(axis, "2024-01-06")).toBeCloseTo(0.5);
    expect(axisFraction(axis, "2024-01-11")).toBeNull();
  });
});

describe("change in words", () => {
  it("says the stance and firmness", () => {
    expect(positionLabel({ stance: "demands", firmness: "red_line" })).toBe("Demands, red line");
    expect(positionLabel({ stance: "conditions", firmness: null })).toBe("Accepts with conditions");
    expect(positionLabel({ stance: "withdraws", firmness: null })).toBe("Withdrawn");
  });

  it("says the move from the previous entry", () => {
    expect(moveInWords(null, { stance: "rejects", firmness: "firm" })).toBe("First position: Rejects, firm");
    expect(moveInWords({ stance: "demands", firmness: "red_line" }, { stance: "demands", firmness: "firm" })).toBe("Demands, red line → Demands, firm");
    expect(moveInWords({ stance: "demands", firmness: "firm" }, { stance: "demands", firmness: "firm" })).toBe("Still Demands, firm");
    expect(moveInWords({ stance: "demands", firmness: "firm" }, { stance: "withdraws", firmness: null })).toBe("Withdrawn (was Demands, firm)");
    expect(moveInWords({ stance: "withdraws", firmness: null }, { stance: "proposes", firmness: null })).toBe("Position again after withdrawing: Proposes");
  });
});

describe("cell history order and pages", async () => {
  const { historyWindow, pageShowing, parseHistoryOrder } = await import("@/lib/cell-history");
  const { pageOf } = await import("@/lib/paging");

  it("newest first unless ?order=oldest", () => {
    expect(parseHistoryOrder(undefined)).toBe("newest");
    expect(parseHistoryOrder("oldest")).toBe("oldest");
    expect(parseHistoryOrder(["oldest", "newest"])).toBe("oldest");
    expect(parseHistoryOrder("sideways")).toBe("newest");
  });

  it("pages cover every entry once in either order, and pageShowing finds the page of each", () => {
    for (const total of [0, 1, 49, 50, 51, 120]) {
      for (const order of ["newest", "oldest"] as const) {
        const seen: number[] = [];
        const pages = Math.max(1, Math.ceil(total / 50));
        for (let p = 1; p <= pages; p++) {
          const { lo, hi } = historyWindow(pageOf(p, total)!, order);
          const indices = Array.from({ length: hi - lo }, (_, i) => lo + i);
          for (const i of indices) expect(pageShowing(i, total, order)).toBe(p);
          seen.push(...(order === "newest" ? indices.reverse() : indices));
        }
        const all = Array.from({ length: total }, (_, i) => i);
        expect(seen).toEqual(order === "newest" ? all.reverse() : all);
      }
    }
  });

  it("newest first: page 1 shows the newest 50", () => {
    expect(historyWindow(pageOf(1, 120)!, "newest")).toEqual({ lo: 70, hi: 120 });
    expect(historyWindow(pageOf(3, 120)!, "newest")).toEqual({ lo: 0, hi: 20 });
  });
});
