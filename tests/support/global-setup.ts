// Builds one migrated SQLite file per test run; database tests copy it (tests/support/db.ts),
// so every test file works on a real, fresh database and never on a mock.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

export const TMP_DIR = join(process.cwd(), "tests/.tmp");
export const TEMPLATE_DB = join(TMP_DIR, "template.db");

export default function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(TEMPLATE_DB + suffix, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: "pipe",
  });
}
