import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseKind } from "@/lib/database-url";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresClient } from "./generated/prisma-pg/client";
import { env } from "./env";

// The one Prisma client of the app, on the store DATABASE_URL names (lib/database-url.ts):
// SQLite by default, PostgreSQL for a postgres(ql):// URL (docs/decisions/023). Prisma
// generates one client per provider; both come from the same schema, so the app is typed
// against the SQLite one (./generated/prisma) and the PostgreSQL client (./generated/prisma-pg)
// is handed out under the same type. What differs in raw SQL lives in server/dialect.ts.
//
// SQLite: the better-sqlite3 adapter keeps a single connection per client, so the
// per-connection pragmas below hold for every query it runs.
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
  const url = databaseUrl();
  return databaseKind(url) === "postgres" ? openPostgres(url) : openSqlite(url);
}

/**
 * PostgreSQL through node-postgres' pool (@prisma/adapter-pg). Durability is the server's (no
 * pragmas): a commit is on disk when it returns. (Imported statically: tsx's react-server
 * loader cannot resolve a dynamic import from this module, tests/db/identity.test.ts.)
 *
 * Every interactive transaction first takes one transaction-scoped advisory lock (the same
 * for all app servers on the database), so write transactions run one at a time, as on
 * SQLite. The writes were written for SQLite, where one writer at a time makes every
 * transaction see a state no other one changes under it: a rule read inside a transaction (at
 * least one active admin, a free short name, the free sign-in attempts) still holds at its
 * commit. PostgreSQL's default READ COMMITTED alone would let two such transactions each pass
 * the check on the state before the other (two admins demoting each other would leave none).
 * SERIALIZABLE would also prevent that, but twenty sign-in attempts at once then retried each
 * other for seconds. Reads are not serialized: they need no transaction. A serialization
 * failure or deadlock (from a single statement outside a transaction) is retried as a busy
 * SQLite transaction is below (tests/db/identity.test.ts, concurrency.test.ts). */
async function openPostgres(url: string): Promise<Db> {
  const client = retryTransactions(new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db, isSerializationFailure, {
    first: (tx) => tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`),
  });
  await client.$queryRawUnsafe("SELECT 1");
  return client;
}

async function openSqlite(url: string): Promise<Db> {
  const adapter = new PrismaBetterSQLite3({ url, timeout: REQUIRED_PRAGMAS.busy_timeout });
  const client = retryTransactions(new PrismaClient({ adapter }), isBusyError);
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

/** The advisory lock every PostgreSQL write transaction takes first (any constant; "parley" in ASCII). */
const WRITE_LOCK = 0x7061726c6579;

/** Is this PostgreSQL refusing a transaction that would break serializability (40001), or a deadlock victim (40P01)? */
export function isSerializationFailure(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } } | null;
  const cause = e?.meta?.driverAdapterError?.cause;
  return e?.code === "P2034" || cause?.originalCode === "40001" || cause?.originalCode === "40P01" || cause?.kind === "TransactionWriteConflict";
}

/**
 * Runs an interactive transaction again from the start when the store refused it for a
 * conflict with another connection (`isRetryable`): it had no effect, and the next attempt reads
 * the other's committed change. `first` runs at the start of every interactive transaction.
 */
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function retryTransactions(client: Db, isRetryable: (error: unknown) => boolean, { first }: { first?: (tx: Tx) => Promise<unknown> } = {}): Db {
  const original = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const retrying = async (...args: unknown[]) => {
    // Only the interactive form (a function) can be run again; a batch array is sent once.
    if (typeof args[0] !== "function") return original(...args);
    const fn = args[0] as (tx: Tx) => Promise<unknown>;
    const body = first ? async (tx: Tx) => (await first(tx), fn(tx)) : fn;
    for (let attempt = 1; ; attempt++) {
      try {
        return await original(body, ...args.slice(1));
      } catch (error) {
        if (!isRetryable(error) || attempt >= BUSY_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * 2 ** attempt)));
      }
    }
  };
  Object.defineProperty(client, "$transaction", { value: retrying });
  return client;
}

/** The app's Prisma client, opened once per process (on SQLite with its pragmas verified). */
export function getDb(): Promise<Db> {
  globalForDb.parleyDb ??= open().catch((error) => {
    globalForDb.parleyDb = undefined;
    throw error;
  });
  return globalForDb.parleyDb;
}

export type { Db };
