// The benchmark's pure helpers (scripts/bench/stats.ts): order statistics, the printed tables,
// and reading the overview matrix's cells back out of the page the app renders.
import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import {
  cellDifferences,
  compareTable,
  formatBytes,
  formatMs,
  formatRatio,
  formatTable,
  median,
  p95,
  parseOverviewCells,
  parseShownDay,
  quantile,
  resultTable,
  type BenchRun,
  type PageResult,
  type ShownCell,
} from "@/scripts/bench/stats";
import { OverviewMatrix } from "@/app/negotiations/[slug]/_components/overview-matrix";

// The overview opens a cell through the app router (one click handler on the grid); rendered
// here outside the app, it gets a router that is never called.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => undefined }) }));
import { packCell } from "@/lib/overview";

describe("bench order statistics", () => {
  it("median takes the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it("p95 is a measured value (nearest rank): the slowest of fewer than 20 runs", () => {
    expect(p95([10, 30, 20])).toBe(30);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(p95(hundred)).toBe(95);
    expect(quantile(hundred, 0.5)).toBe(50);
    expect(quantile(hundred, 0)).toBe(1);
    expect(quantile(hundred, 1)).toBe(100);
    expect(p95([])).toBeNaN();
  });

  it("quantile refuses a q outside 0..1", () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    p95(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("bench formatting", () => {
  it("prints times, sizes and ratios as people read them", () => {
    expect(formatMs(0.42)).toBe("0.4 ms");
    expect(formatMs(38.4)).toBe("38 ms");
    expect(formatMs(1550)).toBe("1.55 s");
    // Rounding never prints "10.0 ms" or "1000 ms": the next unit takes over.
    expect(formatMs(9.97)).toBe("10 ms");
    expect(formatMs(999.7)).toBe("1.00 s");
    expect(formatMs(null)).toBe("–");
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(4.7 * 1024)).toBe("4.7 kB");
    expect(formatBytes(6.7 * 1024 * 1024)).toBe("6.70 MB");
    expect(formatRatio(1550, 95)).toBe("16×");
    expect(formatRatio(150, 100)).toBe("1.5×");
    expect(formatRatio(150, null)).toBe("–");
    expect(formatRatio(150, 0)).toBe("–");
  });

  it("pads columns to their widest cell and right-aligns figures", () => {
    const table = formatTable(
      ["page", "p50"],
      [
        ["matrix", "38 ms"],
        ["timeline", "15.60 s"],
      ],
    );
    expect(table.split("\n")).toEqual(["page          p50", "--------  -------", "matrix      38 ms", "timeline  15.60 s"]);
  });

  const page = (over: Partial<PageResult>): PageResult => ({
    name: "matrix 2025-12-30",
    path: "/negotiations/bench-1?asOf=2025-12-30",
    status: 200,
    runs: 7,
    p50: 1550,
    p95: 1750,
    htmlBytes: 7 * 1024 * 1024,
    wireBytes: 300 * 1024,
    floorP50: 95,
    agrees: true,
    ...over,
  });

  it("the result table shows a page that answered 500 as such, with its floor, instead of figures", () => {
    const table = resultTable([page({}), page({ name: "gaps", status: 500, runs: 0, p50: null, p95: null, htmlBytes: null, agrees: null })]);
    const [header, , ok, failed] = table.split("\n");
    expect(header).toMatch(/^page\s+p50\s+p95\s+HTML\s+gzip\s+floor\s+ratio\s+agree\s+runs$/);
    expect(ok).toMatch(/matrix 2025-12-30\s+1\.55 s\s+1\.75 s\s+7\.00 MB\s+300\.0 kB\s+95 ms\s+16×\s+yes\s+7/);
    expect(failed).toMatch(/^gaps\s+HTTP 500\s+–\s+–\s+–\s+95 ms\s+–\s+–\s+0$/);
    expect(resultTable([page({ status: 0, agrees: false })])).toMatch(/failed.*NO/);
  });

  it("compares two runs page by page, with peak memory", () => {
    const run = (entries: number, p50: number, memory: number): BenchRun => ({
      startedAt: "",
      database: "",
      counts: { parties: 40, issues: 120, sources: 5000, entries },
      runsPerPage: 7,
      commit: "",
      pages: [page({ p50 })],
      peakServerMemoryBytes: memory,
      machine: { cpus: 2, loadAverage: [], node: "" },
    });
    const lines = compareTable(run(5000, 400, 850 * 1024 * 1024), run(50000, 1600, 2300 * 1024 * 1024)).split("\n");
    expect(lines[0]).toMatch(/A p50 \(5000 entries\)\s+B p50 \(50000 entries\)\s+B\/A/);
    expect(lines[2]).toMatch(/matrix 2025-12-30\s+400 ms\s+1\.60 s\s+4\.0×/);
    expect(lines[3]).toMatch(/peak server memory\s+850\.00 MB\s+2\.25 GB\s+2\.7×/);
  });
});

describe("reading the overview matrix back from its HTML", () => {
  it("parses the page's day format back to YYYY-MM-DD", () => {
    expect(parseShownDay("3 May 2025")).toBe("2025-05-03");
    expect(parseShownDay("25 Aug 2024")).toBe("2024-08-25");
    expect(parseShownDay("yesterday")).toBeNull();
  });

  it("reads each cell's stance, day, entries that day and change mark from the rendered component", () => {
    const asOf = "2025-06-30";
    const html = renderToStaticMarkup(
      createElement(OverviewMatrix, {
        parties: [
          { id: 1, name: "Hamas & allies", shortName: "H", colour: "#000000", role: "party" },
          { id: 2, name: "Israel", shortName: "", colour: "#ffffff", role: "party" },
        ],
        issues: [{ id: 7, name: "Rafah <crossing>" }],
        cells: [
          [
            packCell({ stance: "rejects", firmness: "red_line", statedOn: "2025-06-20", entries: 2, change: "hardened" }, asOf),
            packCell({ stance: "accepts", firmness: null, statedOn: "2024-01-05", entries: 1, change: null }, asOf),
          ],
        ],
        asOf,
        base: "/negotiations/x",
        cellHref: `/negotiations/x?asOf=${asOf}&cell=CELL`,
        activeCell: null,
        savedCell: null,
      }),
    );
    const cells = parseOverviewCells(html);
    expect([...cells.entries()]).toEqual([
      ["1-7", { stance: "rejects", statedOn: "2025-06-20", entries: 2, change: "hardened" }],
      ["2-7", { stance: "accepts", statedOn: "2024-01-05", entries: 1, change: null }],
    ]);
  });

  it("leaves empty cells out, as the floor does", () => {
    const html = renderToStaticMarkup(
      createElement(OverviewMatrix, {
        parties: [{ id: 1, name: "A", shortName: "", colour: "#000000", role: "party" }],
        issues: [{ id: 2, name: "B" }],
        cells: [[null]],
        asOf: "2025-01-01",
        base: "/n",
        cellHref: "/n?cell=CELL",
        activeCell: null,
        savedCell: null,
      }),
    );
    expect(parseOverviewCells(html).size).toBe(0);
  });

  it("names the cells where the page and the floor disagree", () => {
    const cell = (stance: string, statedOn = "2025-01-01"): ShownCell => ({ stance, statedOn, entries: 1, change: null });
    const page = new Map([
      ["1-1", cell("rejects")],
      ["1-2", cell("accepts")],
    ]);
    expect(cellDifferences(page, new Map(page))).toEqual([]);
    expect(cellDifferences(page, new Map([["1-1", cell("rejects")], ["1-2", cell("demands")], ["1-3", cell("supports")]]))).toEqual([
      "cell 1-2: page accepts 2025-01-01 ×1, floor demands 2025-01-01 ×1",
      "cell 1-3: page empty, floor supports 2025-01-01 ×1",
    ]);
  });
});
