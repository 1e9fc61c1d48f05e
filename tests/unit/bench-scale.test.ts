// The benchmark's pure parts added for issue 10's three sizes and PostgreSQL: parsing --sizes,
// the growth tables, comparing two floors' rows, the @name → $n parameters node-postgres needs,
// and how the SQLite rows are turned into PostgreSQL values for the copy.
import { describe, expect, it } from "vitest";
import { formatCount, growthTable, parseSizes, resultTable, rowDifferences, type BenchRun, type PageResult } from "@/scripts/bench/stats";
import { FLOOR_SQL, positional, SEARCH_SQL } from "@/scripts/bench/floor";
import { benchDatabaseName, foreignKeyOrder, isPostgresUrl, toPostgres, type TableInfo } from "@/scripts/bench/pg";

describe("bench --sizes", () => {
  it("reads whole entry counts, with k and M, smallest first and each once", () => {
    expect(parseSizes("5000,50000,200000")).toEqual([5000, 50000, 200000]);
    expect(parseSizes("200k, 5k,50k,5000")).toEqual([5000, 50000, 200000]);
    expect(parseSizes("1.5M")).toEqual([1_500_000]);
  });

  it("refuses what is not a whole number of entries, naming it", () => {
    for (const bad of ["", "5000,", "abc", "0", "-5", "2.5", "5000,1e3"]) expect(() => parseSizes(bad), bad).toThrow(/--sizes/);
    expect(() => parseSizes("5000,lots")).toThrow(/"lots"/);
  });

  it("names sizes as column headings", () => {
    expect([5000, 50000, 200000, 1_500_000, 1234].map(formatCount)).toEqual(["5k", "50k", "200k", "1.5M", "1234"]);
  });
});

describe("bench growth tables", () => {
  const page = (name: string, over: Partial<PageResult> = {}): PageResult => ({
    name,
    path: "/",
    status: 200,
    runs: 7,
    p50: 100,
    p95: 120,
    htmlBytes: 1024 * 1024,
    wireBytes: 1024,
    floorP50: 10,
    agrees: null,
    ...over,
  });
  const run = (entries: number, pages: PageResult[], memory: number | null = 512 * 1024 * 1024): BenchRun => ({
    startedAt: "",
    database: `data/bench-${entries}.db`,
    counts: { parties: 40, issues: 120, sources: 5000, entries },
    runsPerPage: 7,
    commit: "",
    pages,
    peakServerMemoryBytes: memory,
    machine: { cpus: 2, loadAverage: [], node: "" },
  });
  const runs = [
    // Given out of order: the table sorts by size.
    run(50000, [page("gaps", { p50: 1500, floorP50: 60 }), page("timeline", { status: 500, p50: null, floorP50: 90 })], 2 * 1024 ** 3),
    run(5000, [page("gaps", { p50: 500, floorP50: 6 }), page("timeline", { p50: 1400, floorP50: 9, htmlBytes: 19.5 * 1024 * 1024 })], 850 * 1024 * 1024),
    run(200000, [page("gaps", { p50: 3000, floorP50: 240 })], 2.5 * 1024 ** 3),
  ];

  it("shows each page's p50 per size and the factor from each size to the next, with the entries' own factor in the heading", () => {
    const lines = growthTable(runs, "p50").split("\n");
    expect(lines[0]).toMatch(/^page\s+p50 5k\s+p50 50k\s+p50 200k\s+5k→50k \(10×\)\s+50k→200k \(4\.0×\)$/);
    expect(lines[2]).toMatch(/^gaps\s+500 ms\s+1\.50 s\s+3\.00 s\s+3\.0×\s+2\.0×$/);
    // A page that failed shows its status and no factor; one not measured at a size shows "–".
    expect(lines[3]).toMatch(/^timeline\s+1\.40 s\s+HTTP 500\s+–\s+–\s+–$/);
    expect(lines[4]).toMatch(/^peak server memory\s+850\.00 MB\s+2\.00 GB\s+2\.50 GB\s+2\.4×\s+1\.3×$/);
  });

  it("shows the floor's growth, also for a page that failed (its floor was still timed)", () => {
    const lines = growthTable(runs, "floorP50").split("\n");
    expect(lines[0]).toMatch(/^page\s+floor 5k\s+floor 50k\s+floor 200k/);
    expect(lines[2]).toMatch(/^gaps\s+6\.0 ms\s+60 ms\s+240 ms\s+10×\s+4\.0×$/);
    expect(lines[3]).toMatch(/^timeline\s+9\.0 ms\s+90 ms\s+–\s+10×\s+–$/);
    expect(lines).toHaveLength(4); // no memory row
  });

  it("shows the HTML size's growth", () => {
    const lines = growthTable(runs, "htmlBytes").split("\n");
    expect(lines[3]).toMatch(/^timeline\s+19\.50 MB\s+HTTP 500\s+–/);
  });
});

describe("comparing the PostgreSQL floor's rows with SQLite's", () => {
  it("finds none when the rows are the same, in any order", () => {
    expect(rowDifferences([{ a: 1 }, { a: 2 }], [{ a: 2 }, { a: 1 }])).toEqual([]);
    expect(rowDifferences([[{ a: 1 }], []], [[{ a: 1 }], []])).toEqual([]);
  });

  it("names rows that are only on one side, also a repeated row", () => {
    expect(rowDifferences([{ a: 1 }, { a: 1 }], [{ a: 1 }, { a: 3 }])).toEqual(['2 rows against 2; only in the first: {"a":1}; only in the second: {"a":3}']);
    expect(rowDifferences([[{ a: 1 }], [{ b: 1 }]], [[{ a: 1 }], []])).toEqual(['part 2: 1 rows against 0; only in the first: {"b":1}; only in the second: none']);
  });
});

describe("the result table on PostgreSQL", () => {
  it("adds a column saying whether PostgreSQL's floor gave SQLite's rows, only when that was checked", () => {
    const p = (name: string, storesAgree?: boolean): PageResult => ({ name, path: "/", status: 200, runs: 0, p50: null, p95: null, htmlBytes: null, wireBytes: null, floorP50: 12, agrees: null, ...(storesAgree === undefined ? {} : { storesAgree }) });
    const lines = resultTable([p("gaps", true), p("timeline", false), p("search \"x\"")]).split("\n");
    expect(lines[0]).toMatch(/runs\s+floor = SQLite$/);
    expect(lines[2]).toMatch(/^gaps\s.*12 ms.*\s0\s+yes$/);
    expect(lines[3]).toMatch(/^timeline\s.*\s0\s+NO$/);
    expect(lines[4]).toMatch(/\s0\s+–$/);
    expect(resultTable([p("gaps")])).not.toMatch(/SQLite/);
    // Floor only (no server): just the page and its floor.
    expect(resultTable([p("gaps", true)], { floorOnly: true }).split("\n")).toEqual(["page  floor  floor = SQLite", "----  -----  --------------", "gaps  12 ms  yes"]);
  });
});

describe("the floor's SQL on PostgreSQL", () => {
  it("turns @name parameters into $1, $2 … in order of first use, binding a repeated name once", () => {
    expect(positional(`SELECT 1 WHERE a = @x AND b = @y AND c = @x`)).toEqual({ text: `SELECT 1 WHERE a = $1 AND b = $2 AND c = $1`, names: ["x", "y"] });
    const { text, names } = positional(FLOOR_SQL.profile);
    expect(names).toEqual(["partyId", "negotiationId", "asOf", "days"]);
    expect(text).not.toContain("@");
  });

  it("quotes every camel-case identifier (PostgreSQL folds unquoted names to lower case)", () => {
    for (const [name, sql] of Object.entries({ ...FLOOR_SQL, ...SEARCH_SQL.postgres })) {
      const unquoted = positional(sql).text.replace(/"[^"]*"|'[^']*'/g, "").match(/\b[a-z]+[A-Z]\w*\b/g) ?? [];
      // plainto_tsquery, to_tsvector, ts_headline are lower case; what remains must be none.
      expect(unquoted, name).toEqual([]);
    }
  });
});

describe("copying the SQLite rows into PostgreSQL", () => {
  it("takes Prisma's SQLite timestamps (ISO text with an offset, bare text, or milliseconds) as UTC", () => {
    expect(toPostgres("2026-01-01T00:00:00.000+00:00", "timestamp")).toBe("2026-01-01 00:00:00.000");
    expect(toPostgres("2026-01-01T02:30:00.000+02:00", "timestamp")).toBe("2026-01-01 00:30:00.000");
    expect(toPostgres("2026-01-01 10:00:00", "timestamp")).toBe("2026-01-01 10:00:00.000");
    expect(toPostgres(Date.UTC(2026, 0, 1, 12), "timestamp")).toBe("2026-01-01 12:00:00.000");
    expect(() => toPostgres("soon", "timestamp")).toThrow(/not a date/);
  });

  it("turns 1/0 into booleans and keeps other values and nulls as they are", () => {
    expect(toPostgres(1, "bool")).toBe(true);
    expect(toPostgres(0, "bool")).toBe(false);
    expect(toPostgres(null, "bool")).toBeNull();
    expect(toPostgres("Bench", "text")).toBe("Bench");
    expect(toPostgres(42, "int4")).toBe(42);
    expect(toPostgres(2n ** 40n, "int8")).toBe("1099511627776");
  });

  it("copies parents before children", () => {
    const t = (name: string, dependsOn: string[] = []): TableInfo => ({ name, columns: [], dependsOn });
    const order = foreignKeyOrder([t("PositionEntryParty", ["PositionEntry", "Party"]), t("PositionEntry", ["Negotiation", "Issue", "Source"]), t("Party", ["Negotiation"]), t("Source", ["Negotiation"]), t("Issue", ["Negotiation"]), t("Negotiation"), t("user"), t("session", ["user"])]).map((x) => x.name);
    for (const [parent, child] of [["Negotiation", "Party"], ["PositionEntry", "PositionEntryParty"], ["Party", "PositionEntryParty"], ["Source", "PositionEntry"], ["user", "session"]]) {
      expect(order.indexOf(parent!), `${parent} before ${child}`).toBeLessThan(order.indexOf(child!));
    }
    expect(() => foreignKeyOrder([t("a", ["b"]), t("b", ["a"])])).toThrow(/cycle/);
  });

  it("only drops and recreates a database whose name starts with bench_", () => {
    expect(isPostgresUrl("postgresql://parley:parley@127.0.0.1:5432/bench_pg")).toBe(true);
    expect(isPostgresUrl("postgres://x@h/bench_pg")).toBe(true);
    expect(isPostgresUrl("data/bench.db")).toBe(false);
    expect(isPostgresUrl("file:./data/bench.db")).toBe(false);
    expect(benchDatabaseName("postgresql://parley:parley@127.0.0.1:5432/bench_pg_5000")).toBe("bench_pg_5000");
    for (const name of ["parley", "postgres", "bench", "bench_X", "bench_a;drop"]) {
      expect(() => benchDatabaseName(`postgresql://parley:parley@127.0.0.1:5432/${encodeURIComponent(name)}`), name).toThrow(/must start with bench_/);
    }
  });
});
