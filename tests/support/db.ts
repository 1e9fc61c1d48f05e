// A fresh copy of the migrated template database for one test file.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";

const TEMPLATE = join(process.cwd(), "tests/.tmp/template.db");

/** Points the app's Prisma client at a new copy of the template; call before any query. */
export function useFreshDatabase(): string {
  const file = join(process.cwd(), "tests/.tmp", `test-${randomUUID()}.db`);
  copyFileSync(TEMPLATE, file);
  process.env.DATABASE_URL = `file:${file}`;
  // The client is cached on globalThis per process: drop it so the next getDb() opens this file.
  (globalThis as { parleyDb?: unknown }).parleyDb = undefined;
  return file;
}
