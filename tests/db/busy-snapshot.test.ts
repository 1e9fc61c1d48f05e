// Two app servers on one SQLite file (npm run test:multi, issue 10 item 4): a transaction starts
// with a plain BEGIN and reads first, so its snapshot is taken then; when another process
// commits a write after that, SQLite refuses the transaction's own first write with
// SQLITE_BUSY_SNAPSHOT (waiting cannot help: the snapshot is stale). The app must run the
// transaction again from the start, as for SQLITE_BUSY (server/db.ts), so that a stale edit
// ends in the version conflict and not in "Something went wrong". The Prisma error carries that
// code at its top level (`code: 'SQLITE_BUSY_SNAPSHOT'`), not under meta.driverAdapterError.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { getDb, isBusyError, type Db } from "@/server/db";

let file = "";
let db: Db;
let negotiationId = 0;
/** The other process: its own connection to the same file. */
let other: Database.Database;

// SQLite's own locking between two processes on one file; PostgreSQL has no such error.
const describeSqlite = describe.skipIf(onPostgres);

beforeAll(async () => {
  if (onPostgres) return;
  file = useFreshDatabase();
  db = await getDb();
  negotiationId = (await createNegotiation({ title: "Snapshots", slug: "", description: "" }, "test")).id;
  other = new Database(file);
  other.pragma("busy_timeout = 5000");
});

afterAll(() => other?.close());

describeSqlite("a write after another process's commit, in a transaction that read first", () => {
  it("is run again from the start instead of failing with SQLITE_BUSY_SNAPSHOT", async () => {
    let attempts = 0;
    const title = await db.$transaction(async (tx) => {
      attempts++;
      const before = await tx.negotiation.findUniqueOrThrow({ where: { id: negotiationId }, select: { title: true, version: true } });
      // Between this transaction's read and its write, the other process commits (once).
      if (attempts === 1) other.prepare('UPDATE "Negotiation" SET "title" = ?, "version" = "version" + 1 WHERE "id" = ?').run("Renamed elsewhere", negotiationId);
      await tx.negotiation.updateMany({ where: { id: negotiationId, version: before.version }, data: { description: "written here", version: { increment: 1 } } });
      return before.title;
    });
    expect(attempts).toBe(2);
    // The second run read the other process's commit, and its own write landed after it.
    expect(title).toBe("Renamed elsewhere");
    const row = other.prepare('SELECT "title", "description" FROM "Negotiation" WHERE "id" = ?').get(negotiationId);
    expect(row).toEqual({ title: "Renamed elsewhere", description: "written here" });
  });

  it("counts the error's shape as busy whichever field carries the code", () => {
    expect(isBusyError({ code: "SQLITE_BUSY_SNAPSHOT", meta: { modelName: "PositionEntry" } })).toBe(true);
    expect(isBusyError({ meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY" } } } })).toBe(true);
    expect(isBusyError({ code: "P2002" })).toBe(false);
    expect(isBusyError(null)).toBe(false);
  });
});
