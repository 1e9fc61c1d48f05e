// Server time of the data behind the matrix, compare, gaps and profile pages on the bench
// database (npm run bench:seed: 50,000 entries), computed the two ways issue 10 compares: the
// as-of read in SQL (server/queries/entries.ts, docs/decisions/022) and the former way, every
// live entry of the negotiation into JavaScript and the as-of rule applied there (lib/).
// A benchmark, not part of the suite: npm run bench:as-of (vitest.bench.config.mts). It works
// on a copy of data/bench.db and prints wall and CPU medians of five runs; nothing is asserted
// beyond both ways answering (timings vary with the machine and its load).
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getAsOfEntries, getComparison, getMatrix, getNegotiationEntries, getPartyEntries, listEntriesOfCell } from "@/server/queries/entries";
import { getOverview } from "@/server/queries/overview";
import { buildMatrix } from "@/lib/matrix";
import { compareDates } from "@/lib/history";
import { buildGapRows } from "@/lib/gaps-view";
import { buildPartyProfile } from "@/lib/party-profile";
import { overviewCellOf } from "@/lib/overview";

const BENCH = join(process.cwd(), "data/bench.db");
const negotiationId = 1;

beforeAll(() => {
  if (!existsSync(BENCH)) throw new Error("data/bench.db is missing: run npm run bench:seed first");
  const copy = join(process.cwd(), "tests/.tmp/bench-as-of.db");
  copyFileSync(BENCH, copy);
  process.env.DATABASE_URL = `file:${copy}`;
  (globalThis as { parleyDb?: unknown }).parleyDb = undefined;
});

const lines: string[] = [];
async function time(name: string, f: () => Promise<unknown>) {
  await f();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage();
    const w = performance.now();
    await f();
    walls.push(performance.now() - w);
    const u = process.cpuUsage(c);
    cpus.push((u.user + u.system) / 1000);
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[2]!.toFixed(0);
  lines.push(`${name.padEnd(48)} wall ${med(walls).padStart(5)} ms   cpu ${med(cpus).padStart(5)} ms`);
}
describe("the as-of read on the bench database", () => {
  it("prints the time of each page's data, SQL against all entries in JavaScript", async () => {
    const asOf = "2025-06-30";
    const all = async () => getNegotiationEntries(negotiationId);
    await time("overview, SQL as-of read", () => getOverview({ negotiationId, asOf, windowDays: 30 }));
    await time("overview, all entries + lib", async () => {
      const { parties, issues, entries } = await all();
      const m = buildMatrix({ issueIds: issues.map((i) => i.id), partyIds: parties.map((p) => p.id), entries, asOf });
      return [...m.values()].map((c) => overviewCellOf(c, asOf, 30));
    });
    await time("detailed matrix, SQL as-of read", () => getMatrix({ negotiationId, asOf }));
    await time("detailed matrix, all entries + lib", async () => {
      const { parties, issues, entries } = await all();
      return buildMatrix({ issueIds: issues.map((i) => i.id), partyIds: parties.map((p) => p.id), entries, asOf });
    });
    await time("compare, two SQL as-of reads", () => getComparison({ negotiationId, from: "2024-01-01", to: "2025-12-31" }));
    await time("compare, all entries + lib", async () => {
      const { parties, issues, entries } = await all();
      return compareDates({ entries, issueIds: issues.map((i) => i.id), partyIds: parties.map((p) => p.id), from: "2024-01-01", to: "2025-12-31" });
    });
    await time("gaps, SQL as-of read", async () => {
      const { parties, issues, entries } = await getAsOfEntries({ negotiationId, asOf: "2025-12-31" });
      return buildGapRows({ issues, parties, sides: [], entries, asOf: "2025-12-31", sort: "gap" });
    });
    await time("gaps, all entries + lib", async () => {
      const { parties, issues, entries } = await all();
      return buildGapRows({ issues, parties, sides: [], entries, asOf: "2025-12-31", sort: "gap" });
    });
    await time("profile of party 1, its entries", async () => {
      const { issues, entries } = await getPartyEntries(negotiationId, 1);
      return buildPartyProfile({ partyId: 1, issues, entries, asOf: "2025-12-31" });
    });
    await time("profile of party 1, all entries + lib", async () => {
      const { issues, entries } = await all();
      return buildPartyProfile({ partyId: 1, issues, entries, asOf: "2025-12-31" });
    });
    await time("cell history party 1 issue 1", () => listEntriesOfCell(negotiationId, 1, 1));
    console.log(`As-of read on data/bench.db (median of 5):\n${lines.join("\n")}`);
    expect(lines.length).toBe(11);
  });
});
