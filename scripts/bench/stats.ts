// Pure helpers of the benchmark (npm run bench, scripts/bench.mts): order statistics, the
// printed tables and reading the overview matrix's cells back out of its HTML. No I/O, so
// tests/unit/bench.test.ts checks them without a server. Kept beside the bench script, not in
// lib/: the app never uses them, and lib/ is hashed into the build stamp (scripts/build-stamp.mjs).
import { CHANGE_DIRECTION, CHANGE_TYPES, type ChangeType } from "../../lib/change";

/** The q-quantile (0..1) by the nearest-rank method: always one of the measured values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(q >= 0 && q <= 1)) throw new RangeError("q must be between 0 and 1");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

/** The median: the middle value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The 95th percentile (nearest rank): with fewer than 20 runs this is the slowest run. */
export const p95 = (values: readonly number[]) => quantile(values, 0.95);

/** Milliseconds as people read them: "0.4 ms", "38 ms", "1.55 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return "–";
  if (ms < 9.95) return `${ms.toFixed(1)} ms`;
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Bytes in binary units: "812 B", "4.7 kB", "6.70 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return "–";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** How many times slower than its floor a page is: "12.3×", or "–" when either is missing. */
export function formatRatio(page: number | null | undefined, floor: number | null | undefined): string {
  if (page == null || floor == null || Number.isNaN(page) || Number.isNaN(floor) || floor <= 0) return "–";
  const r = page / floor;
  return `${r < 10 ? r.toFixed(1) : Math.round(r)}×`;
}

/** A plain-text table: columns padded to their widest cell, numbers (and "–") right-aligned. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-–\d.,]+\s*(?:ms|s|B|kB|MB|GB|×|%)?$|^HTTP \d+$|^failed$/.test(r[c] ?? "")));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** One measured page (or action) of a run, as written to the JSON file. */
export interface PageResult {
  name: string;
  /** The path measured (or a description for the action). */
  path: string;
  /** Every status seen; a page that answered anything but 200 is reported as such. */
  status: number;
  runs: number;
  p50: number | null;
  p95: number | null;
  /** Bytes of the decoded HTML document. */
  htmlBytes: number | null;
  /** Bytes on the wire (gzip, as a browser asks for it). */
  wireBytes: number | null;
  floorP50: number | null;
  /** Whether the page and the floor agree on the cells: true/false, or null when not checked. */
  agrees: boolean | null;
  /** On PostgreSQL: whether its floor gave the same rows as the SQLite file's (absent when not checked). */
  storesAgree?: boolean;
  note?: string;
}

export interface BenchRun {
  startedAt: string;
  /** Written while the run was still going (after each page): the pages measured so far. */
  partial?: boolean;
  database: string;
  counts: { parties: number; issues: number; sources: number; entries: number };
  /** Which database was measured (absent in runs from before PostgreSQL: SQLite). */
  store?: "sqlite" | "postgresql";
  /** Only the floor was timed (no server): p50, p95 and sizes are null. */
  floorOnly?: boolean;
  /** On PostgreSQL: seconds to recreate the database and copy the SQLite file's rows into it. */
  copySeconds?: number;
  runsPerPage: number;
  commit: string;
  /** The busiest party and cell (party/issue ids and their entry counts): what the history and profile rows measured. */
  busiest?: { party: { id: number; n: number }; cell: { partyId: number; issueId: number; n: number } };
  pages: PageResult[];
  peakServerMemoryBytes: number | null;
  machine: { cpus: number; loadAverage: number[]; node: string };
}

/** How a page that gave no figure is shown: its HTTP status, or "failed" when there was none (see its note). */
const failure = (p: PageResult) => (p.status > 0 ? `HTTP ${p.status}` : "failed");

/** The table the bench prints: one row per page, failures shown as their HTTP status. */
export function resultTable(pages: readonly PageResult[], { floorOnly = false } = {}): string {
  // On PostgreSQL: a column saying whether its floor gave the same rows as SQLite's.
  const stores = pages.some((p) => p.storesAgree !== undefined);
  const yesNo = (b: boolean | null | undefined) => (b == null ? "–" : b ? "yes" : "NO");
  // Only the floor was timed: no page columns to fill with dashes.
  if (floorOnly) return formatTable(["page", "floor", ...(stores ? ["floor = SQLite"] : [])], pages.map((p) => [p.name, formatMs(p.floorP50), ...(stores ? [yesNo(p.storesAgree)] : [])]));
  return formatTable(
    ["page", "p50", "p95", "HTML", "gzip", "floor", "ratio", "agree", "runs", ...(stores ? ["floor = SQLite"] : [])],
    pages.map((p) => {
      const failed = p.status !== 200;
      return [
        p.name,
        failed ? failure(p) : formatMs(p.p50),
        failed ? "–" : formatMs(p.p95),
        failed ? "–" : formatBytes(p.htmlBytes),
        failed ? "–" : formatBytes(p.wireBytes),
        formatMs(p.floorP50),
        failed ? "–" : formatRatio(p.p50, p.floorP50),
        yesNo(p.agrees),
        String(p.runs),
        ...(stores ? [yesNo(p.storesAgree)] : []),
      ];
    }),
  );
}

/** Two runs side by side (npm run bench -- --compare a.json b.json): p50, size and the change. */
export function compareTable(a: BenchRun, b: BenchRun): string {
  const names = [...new Set([...a.pages.map((p) => p.name), ...b.pages.map((p) => p.name)])];
  const shown = (p: PageResult | undefined) => (!p ? "–" : p.status !== 200 ? failure(p) : formatMs(p.p50));
  const rows = names.map((name) => {
    const x = a.pages.find((p) => p.name === name);
    const y = b.pages.find((p) => p.name === name);
    const ok = x && y && x.status === 200 && y.status === 200 && x.p50 && y.p50;
    return [name, shown(x), shown(y), ok ? formatRatio(y!.p50, x!.p50) : "–", formatBytes(x?.htmlBytes), formatBytes(y?.htmlBytes), formatMs(x?.floorP50), formatMs(y?.floorP50), formatRatio(y?.floorP50, x?.floorP50)];
  });
  rows.push(["peak server memory", formatBytes(a.peakServerMemoryBytes), formatBytes(b.peakServerMemoryBytes), formatRatio(b.peakServerMemoryBytes, a.peakServerMemoryBytes), "", "", "", "", ""]);
  // Which database each run measured, when it says (runs before PostgreSQL do not: SQLite).
  const label = (r: BenchRun) => `${r.counts.entries} entries${r.store ? `, ${r.store === "postgresql" ? "PostgreSQL" : "SQLite"}` : ""}`;
  return formatTable(["page", `A p50 (${label(a)})`, `B p50 (${label(b)})`, "B/A", "A HTML", "B HTML", "A floor", "B floor", "B/A floor"], rows);
}

/** What one overview cell says, read back from the page. */
export interface ShownCell {
  stance: string;
  statedOn: string;
  /** Entries stated on that day (one reading). */
  entries: number;
  change: ChangeType | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "3 May 2025" (lib/format.ts formatDay) back to "2025-05-03"; null when it is not such a date. */
export function parseShownDay(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text.trim());
  if (!m) return null;
  let month = MONTHS.indexOf(m[2]!);
  if (month < 0) month = MONTH_NAMES.indexOf(m[2]!);
  if (month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}

const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");
const DIRECTION_TO_CHANGE = new Map(CHANGE_TYPES.map((c) => [CHANGE_DIRECTION[c], c] as const));

/**
 * The overview matrix's cells as the page shows them, keyed "<partyId>-<issueId>": read from
 * each grid cell's link (?cell=P-I), its stance chip (class stance-X), its change mark and the
 * sentence for screen readers ("… stated 3 May 2025 (…), 2 entries that day").
 * Empty cells are left out, as the floor leaves them out.
 */
export function parseOverviewCells(html: string): Map<string, ShownCell> {
  const cells = new Map<string, ShownCell>();
  const cellPattern = /<td role="gridcell"[^>]*>([\s\S]*?)<\/td>/g;
  for (const [, inner] of html.matchAll(cellPattern)) {
    const key = /[?&](?:amp;)?cell=(\d+-\d+)/.exec(inner!)?.[1];
    const stance = /class="chip stance-([a-z_]+)"/.exec(inner!)?.[1];
    if (!key || !stance) continue;
    const sentence = decode(/<span class="visually-hidden">([\s\S]*?)<\/span>/.exec(inner!)?.[1] ?? "").replace(/<!-- -->/g, "");
    const day = /stated (\d{1,2} [A-Za-z]+ \d{4})/.exec(sentence)?.[1];
    const statedOn = day ? parseShownDay(day) : null;
    if (!statedOn) continue;
    const entries = Number(/(\d+) entries that day/.exec(sentence)?.[1] ?? 1);
    const mark = /<span class="ov-change">([^<]*)<\/span>/.exec(inner!)?.[1];
    cells.set(key, { stance, statedOn, entries, change: mark ? (DIRECTION_TO_CHANGE.get(decode(mark)) ?? null) : null });
  }
  return cells;
}

/** Where the page and the floor disagree: the first few differing cells, described; empty when they agree. */
export function cellDifferences(page: ReadonlyMap<string, ShownCell>, floor: ReadonlyMap<string, ShownCell>, limit = 5): string[] {
  const out: string[] = [];
  const show = (c: ShownCell | undefined) => (c ? `${c.stance} ${c.statedOn} ×${c.entries}${c.change ? ` ${c.change}` : ""}` : "empty");
  for (const key of new Set([...page.keys(), ...floor.keys()])) {
    const a = page.get(key);
    const b = floor.get(key);
    if (a && b && a.stance === b.stance && a.statedOn === b.statedOn && a.entries === b.entries && a.change === b.change) continue;
    out.push(`cell ${key}: page ${show(a)}, floor ${show(b)}`);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * `--sizes 5000,50000,200000` (also "5k,50k,200k"): the entry counts to bench one after the
 * other, smallest first, each once. Throws a message naming the bad part.
 */
export function parseSizes(text: string): number[] {
  const sizes = text.split(",").map((part) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(part);
    const n = m ? Number(m[1]) * (m[2]!.toLowerCase() === "k" ? 1_000 : m[2]!.toLowerCase() === "m" ? 1_000_000 : 1) : Number.NaN;
    if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes: "${part.trim()}" is not a whole number of entries (e.g. --sizes 5000,50000,200000)`);
    return n;
  });
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** "5k", "50k", "200k", "1.5M", "1234": a size as a column heading. */
export function formatCount(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`;
  return String(n);
}

/** Which figure of a page a growth table shows. */
export type GrowthMetric = "p50" | "floorP50" | "htmlBytes";

/** A page's figure in one run, or null when it was not measured or failed. */
function figure(run: BenchRun, name: string, metric: GrowthMetric): number | null {
  const page = run.pages.find((p) => p.name === name);
  if (!page) return null;
  if (metric !== "floorP50" && page.status !== 200) return null;
  const value = page[metric];
  return value == null || Number.isNaN(value) ? null : value;
}

/**
 * How each page's figure grows with the data: one column per run (smallest first), then the
 * factor between each run and the next ("×9.8"), and the entries' own growth in the header so
 * a reader sees at once whether a page grows slower, as fast as, or faster than its data.
 * Matrix days differ between sizes only if the span does; pages are matched by name.
 */
export function growthTable(runs: readonly BenchRun[], metric: GrowthMetric = "p50"): string {
  const sorted = [...runs].sort((a, b) => a.counts.entries - b.counts.entries);
  const names = [...new Set(sorted.flatMap((r) => r.pages.map((p) => p.name)))];
  const format = metric === "htmlBytes" ? formatBytes : formatMs;
  const label = metric === "p50" ? "p50" : metric === "floorP50" ? "floor" : "HTML";
  const sizes = sorted.map((r) => formatCount(r.counts.entries));
  const steps = sorted.slice(1).map((r, i) => `${sizes[i]}→${sizes[i + 1]} (${formatRatio(r.counts.entries, sorted[i]!.counts.entries)})`);
  const rowOf = (name: string, values: Array<number | null>, failed: string[]) => [
    name,
    ...values.map((v, i) => (v === null ? failed[i]! : format(v))),
    ...values.slice(1).map((v, i) => formatRatio(v, values[i])),
  ];
  const rows = names.map((name) =>
    rowOf(
      name,
      sorted.map((r) => figure(r, name, metric)),
      sorted.map((r) => {
        const p = r.pages.find((x) => x.name === name);
        return p && p.status !== 200 && metric !== "floorP50" ? failure(p) : "–";
      }),
    ),
  );
  if (metric === "p50") {
    const memory = sorted.map((r) => r.peakServerMemoryBytes);
    rows.push(["peak server memory", ...memory.map((m) => formatBytes(m)), ...memory.slice(1).map((m, i) => formatRatio(m, memory[i]))]);
  }
  return formatTable(["page", ...sizes.map((s) => `${label} ${s}`), ...steps], rows);
}

/**
 * Where two answers to the same question differ (the PostgreSQL and the SQLite floor on the same
 * rows): compared as multisets of rows, since only statements with an ORDER BY fix the order.
 * Nested lists (an answer made of several statements) are compared part by part.
 */
export function rowDifferences(a: unknown, b: unknown, limit = 3): string[] {
  const parts = (x: unknown): unknown[][] => (Array.isArray(x) && x.every(Array.isArray) && x.length > 0 ? (x as unknown[][]) : [x as unknown[]]);
  const [pa, pb] = [parts(a), parts(b)];
  if (pa.length !== pb.length) return [`${pa.length} parts against ${pb.length}`];
  const out: string[] = [];
  pa.forEach((rowsA, i) => {
    const count = new Map<string, number>();
    for (const r of rowsA) count.set(JSON.stringify(r), (count.get(JSON.stringify(r)) ?? 0) + 1);
    const extra: string[] = [];
    for (const r of pb[i]!) {
      const key = JSON.stringify(r);
      const n = count.get(key) ?? 0;
      if (n > 0) count.set(key, n - 1);
      else extra.push(key);
    }
    const missing = [...count].flatMap(([key, n]) => Array<string>(n).fill(key));
    const where = pa.length > 1 ? `part ${i + 1}: ` : "";
    if (missing.length || extra.length) out.push(`${where}${rowsA.length} rows against ${pb[i]!.length}; only in the first: ${missing.slice(0, limit).join(", ") || "none"}; only in the second: ${extra.slice(0, limit).join(", ") || "none"}`);
  });
  return out;
}
