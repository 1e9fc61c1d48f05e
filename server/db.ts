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
  const client = retryBusyTransactions(new PrismaClient({ adapter }));
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

// A transaction starts with a plain BEGIN (the adapter's choice), so it takes the write lock
// only at its first write. When another connection to the file (a second app process, a
// script) holds that lock, SQLite refuses the upgrade at once with SQLITE_BUSY instead of
// waiting: waiting could deadlock two readers that both want to write, so busy_timeout does not
// apply. The transaction has then been rolled back and had no effect; running it again from the
// start reads the other connection's committed change, so a stale edit ends in the usual
// version conflict rather than an error (tests/db/concurrency.test.ts).
const BUSY_RETRIES = 40;

/**
 * Is this Prisma error SQLite's "database is locked" (SQLITE_BUSY and its variants)? The code is
 * under meta.driverAdapterError for some statements and at the error's top level for others:
 * SQLITE_BUSY_SNAPSHOT, when another process committed after this transaction's first read and
 * the transaction then writes, comes as `code` (tests/db/busy-snapshot.test.ts).
 */
export function isBusyError(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  return [e?.meta?.driverAdapterError?.cause?.originalCode, e?.code].some((code) => typeof code === "string" && code.startsWith("SQLITE_BUSY"));
}

function retryBusyTransactions(client: Db): Db {
  const original = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const retrying = async (...args: unknown[]) => {
    // Only the interactive form (a function) can be run again; a batch array is sent once.
    if (typeof args[0] !== "function") return original(...args);
    for (let attempt = 1; ; attempt++) {
      try {
        return await original(...args);
      } catch (error) {
        if (!isBusyError(error) || attempt >= BUSY_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * 2 ** attempt)));
      }
    }
  };
  Object.defineProperty(client, "$transaction", { value: retrying });
  return client;
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
