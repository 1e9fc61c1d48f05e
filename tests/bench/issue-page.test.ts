// Server time of the issue page's and the cell history's data on the bench database (npm run
// bench:seed: 50,000 entries; issue 1 holds about 7,300 of them): the read of one issue's light
// rows, the view model (strips, gap over time through buildGapRows) and one page of moves in full.
// A benchmark, not part of the suite: npx vitest run -c vitest.bench.config.mts tests/bench/issue-page.test.ts
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getIssuePage, listEntriesOfCellPage } from "@/server/queries/entries";
import { buildIssueView } from "@/lib/issue-page";

const BENCH = join(process.cwd(), "data/bench.db");

beforeAll(() => {
  if (!existsSync(BENCH)) throw new Error("data/bench.db is missing: run npm run bench:seed first");
  const copy = join(process.cwd(), "tests/.tmp/bench-issue-page.db");
  copyFileSync(BENCH, copy);
  process.env.DATABASE_URL = `file:${copy}`;
  (globalThis as { parleyDb?: unknown }).parleyDb = undefined;
});

async function median(f: () => Promise<unknown>) {
  await f();
  const walls: number[] = [];
  for (let i = 0; i < 5; i++) {
    const w = performance.now();
    await f();
    walls.push(performance.now() - w);
  }
  return walls.sort((a, b) => a - b)[2]!.toFixed(0);
}

describe("the issue page on the bench database", () => {
  it("prints the time of the issue page's and a cell history's data", async () => {
    const asOf = "2025-06-30";
    let points = 0;
    const issuePage = await median(async () => {
      const data = (await getIssuePage(1, 1, 1))!;
      points = data.points.length;
      return buildIssueView({ issue: data.issue, parties: data.parties, sides: [], points: data.points, asOf, milestones: [] });
    });
    const data = (await getIssuePage(1, 1, 1))!;
    const read = await median(() => getIssuePage(1, 1, 1));
    const view = await median(async () => buildIssueView({ issue: data.issue, parties: data.parties, sides: [], points: data.points, asOf, milestones: [] }));
    console.log(`issue page: read ${read} ms, view model ${view} ms (${data.parties.length} parties)`);
    const cell = await median(() => listEntriesOfCellPage(1, 1, 1, 1, "newest"));
    console.log(`issue page (issue 1, ${points} entries): ${issuePage} ms; cell history page 1 newest first: ${cell} ms`);
    expect(points).toBeGreaterThan(0);
  });
});
