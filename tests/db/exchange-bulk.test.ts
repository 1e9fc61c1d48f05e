// A large import in one transaction: all rows saved, each with its revision; prints the time and
// the peak memory seen. 1,000 rows in the suite; the figure for issue 9's closing note comes from
//   IMPORT_ROWS=10000 npx vitest run tests/db/exchange-bulk.test.ts
import { expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { getDb } from "@/server/db";
import { ENTRY_COLUMNS, toCsv } from "@/lib/exchange/csv";
import { importEntriesCsv } from "@/server/exchange/import";

const ROWS = Number(process.env.IMPORT_ROWS ?? 1_000);

it(`imports ${ROWS} generated rows in one transaction`, async () => {
  useFreshDatabase();
  const parties = ["Hamas", "Israel", "Egypt", "Qatar", "United States"];
  const issues = Array.from({ length: 12 }, (_, i) => `Issue ${i + 1}`);
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const day = `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    return [day, i % 7 === 0 ? `${parties[i % 5]}; ${parties[(i + 1) % 5]}` : parties[i % 5]!, issues[i % 12]!, i % 2 ? "demands" : "rejects", "", `Position ${i}`, "", "", `Report ${i % 500}`, "Wire", `https://example.org/r/${i % 500}`, day, "en"];
  });
  const text = toCsv(ENTRY_COLUMNS, rows);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const result = await importEntriesCsv(text, { slug: "bulk", createMissing: true, actor: "test" });
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`import of ${ROWS} rows: ${(ms / 1000).toFixed(1)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
  expect(result.problems).toEqual([]);
  expect(result.created).toMatchObject({ entries: ROWS, sources: 500, parties: parties, issues });
  const db = await getDb();
  expect(await db.positionEntry.count()).toBe(ROWS);
  expect(await db.revision.count({ where: { entityType: "entry" } })).toBe(ROWS);
}, 15 * 60_000);
