import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

// The one Prisma client of the app. The better-sqlite3 adapter keeps a single connection per
// client, so the per-connection pragmas below hold for every query it runs.
//
// Durability settings, checked at start-up (a mismatch stops the app rather than run unsafe):
// - WAL: readers never block the writer; the file survives a crash mid-write.
// - synchronous=FULL: a commit is on disk before the app says "saved".
// - busy_timeout: wait for a lock instead of failing a write with "database is busy"
//   (see prisma/orm#29933 in STACK.md).
// - foreign_keys: SQLite leaves them off per connection unless asked.
export const REQUIRED_PRAGMAS = {
  journal_mode: "wal",
  synchronous: 2, // FULL
  busy_timeout: 5000,
  foreign_keys: 1,
} as const;

type Db = PrismaClient;
const globalForDb = globalThis as unknown as { parleyDb?: Promise<Db> };

export function databaseUrl(): string {
  return env().databaseUrl;
}

async function open(): Promise<Db> {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl(), timeout: REQUIRED_PRAGMAS.busy_timeout });
  const client = new PrismaClient({ adapter });
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await client.$executeRawUnsafe(`PRAGMA busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  const actual = await readPragmas(client);
  for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
    if (actual[name] !== expected) {
      throw new Error(`SQLite pragma ${name} is ${String(actual[name])}, expected ${expected}`);
    }
  }
  return client;
}

export async function readPragmas(client: Db): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const name of Object.keys(REQUIRED_PRAGMAS)) {
    const rows = await client.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${name}`);
    const value = rows[0] ? Object.values(rows[0])[0] : undefined;
    out[name] = typeof value === "bigint" ? Number(value) : typeof value === "string" ? value.toLowerCase() : Number(value);
  }
  return out;
}

/** The app's Prisma client, opened once per process with its pragmas verified. */
export function getDb(): Promise<Db> {
  globalForDb.parleyDb ??= open().catch((error) => {
    globalForDb.parleyDb = undefined;
    throw error;
  });
  return globalForDb.parleyDb;
}

export type { Db };
