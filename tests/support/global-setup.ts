// Builds one migrated template database per test run; database tests copy it (tests/support/db.ts),
// so every test file works on a real, fresh database and never on a mock. SQLite by default;
// with PARLEY_TEST_PG (npm run test:db:pg) a PostgreSQL template on that server, and every
// database of the run is dropped at the end.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { migratePostgres } from "../../scripts/migrate.mjs";
import type { TestProject } from "vitest/node";
import { createDatabase, databaseUrl, dropDatabases, runPrefix, templateName, testServer } from "./pg.mjs";

export const TMP_DIR = join(process.cwd(), "tests/.tmp");
export const TEMPLATE_DB = join(TMP_DIR, "template.db");

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's id on the PostgreSQL test server (tests/support/pg.mjs). */
    pgRun: string;
  }
}

export default async function setup(project: TestProject) {
  mkdirSync(TMP_DIR, { recursive: true });
  // The SQLite template is made on every run: with PARLEY_TEST_PG too, for the tests that copy a
  // SQLite file into PostgreSQL (tests/db/bench-pg-copy.test.ts).
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(TEMPLATE_DB + suffix, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: "pipe",
  });
  if (testServer()) {
    const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
    await createDatabase(templateName(run));
    await migratePostgres(databaseUrl(templateName(run)));
    project.provide("pgRun", run);
    return async () => {
      await dropDatabases(runPrefix(run));
    };
  }
}
