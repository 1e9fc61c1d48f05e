// A fresh copy of the migrated template database for one test file: a copy of the SQLite file,
// or with PARLEY_TEST_PG a PostgreSQL database made from the run's template (tests/support/pg.mjs).
import { copyFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { databaseUrl, runPrefix, templateName, testServer } from "./pg.mjs";

const TEMPLATE = join(process.cwd(), "tests/.tmp/template.db");

/** The tests run against PostgreSQL (PARLEY_TEST_PG set): tests of SQLite itself skip. */
export const onPostgres = testServer() !== "";

/**
 * Points the app's Prisma client at a new copy of the template; call before any query. Returns its
 * URL (PostgreSQL) or file (SQLite). `"sqlite"` asks for a SQLite file even in a PostgreSQL run.
 */
export function useFreshDatabase(store: "as-run" | "sqlite" = "as-run"): string {
  let url: string;
  if (onPostgres && store === "as-run") {
    const run = inject("pgRun");
    const name = `${runPrefix(run)}${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    // Synchronous like the SQLite copy, so every caller stays as it is.
    execFileSync(process.execPath, [join(process.cwd(), "tests/support/pg.mjs"), "create", name, templateName(run)], { stdio: "pipe" });
    url = databaseUrl(name);
  } else {
    const file = join(process.cwd(), "tests/.tmp", `test-${randomUUID()}.db`);
    copyFileSync(TEMPLATE, file);
    url = `file:${file}`;
  }
  process.env.DATABASE_URL = url;
  // The client is cached on globalThis per process: close it (a PostgreSQL pool holds server
  // connections) and drop it so the next getDb() opens this database.
  const cached = globalThis as { parleyDb?: Promise<{ $disconnect(): Promise<void> }> };
  cached.parleyDb?.then((db) => db.$disconnect()).catch(() => {});
  cached.parleyDb = undefined;
  return url.replace(/^file:/, "");
}
