// Two saves of the same entry from the same loaded version, sent through two separate Prisma
// clients (two SQLite connections, as two app processes or a script beside the app would have)
// on one real file: exactly one wins, the other gets a version conflict, under the
// interleavings fast-check's scheduler tries. One client would not do: the adapter serialises
// the transactions of a client, so a race could never happen and the test could not fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { onPostgres, useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { createEntry, updateEntry } from "@/server/mutations/entries";
import { ConflictError } from "@/server/errors";
import { getDb, readPragmas, REQUIRED_PRAGMAS, type Db } from "@/server/db";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 50);
const cached = globalThis as { parleyDb?: Promise<Db> };

let negotiationId = 0;
let base: Record<string, unknown> = {};
let first: Promise<Db>;
let second: Promise<Db>;

/**
 * Runs `write` with getDb() answering `client`. Mutations call getDb() synchronously when they
 * are called, so the write keeps that client for the whole transaction.
 */
function through<T>(client: Promise<Db>, write: () => Promise<T>): Promise<T> {
  const before = cached.parleyDb;
  cached.parleyDb = client;
  try {
    return write();
  } finally {
    cached.parleyDb = before;
  }
}

beforeAll(async () => {
  useFreshDatabase();
  first = getDb();
  await first;
  cached.parleyDb = undefined; // the next getDb() opens a second client on the same file
  second = getDb();
  await second;
  negotiationId = (await createNegotiation({ title: "Races", slug: "", description: "" }, "test")).id;
  const party = (await createInNegotiation("party", negotiationId, partySchema.parse({ name: "P", role: "party", colour: "#000000", order: "1" }), "test")).id;
  const issue = (await createInNegotiation("issue", negotiationId, issueSchema.parse({ name: "I", order: "1" }), "test")).id;
  const source = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "S", publishedOn: "2025-01-01" }), "test")).id;
  base = { partyIds: [String(party)], issueId: String(issue), sourceId: String(source), stance: "demands", summary: "start" };
});

afterAll(async () => {
  await (await second).$disconnect();
});

describe("optimistic locking across two connections", () => {
  // SQLite only: pragmas are per connection there; PostgreSQL has none (its clients are pools).
  it.skipIf(onPostgres)("the two clients are separate connections with the required pragmas (SQLite only)", async () => {
    const [a, b] = [await first, await second];
    expect(a).not.toBe(b);
    // A temporary table lives in one connection only.
    await a.$executeRawUnsafe("CREATE TEMP TABLE only_in_first (x)");
    await expect(b.$queryRawUnsafe("SELECT * FROM only_in_first")).rejects.toThrow();
    await a.$executeRawUnsafe("DROP TABLE only_in_first");
    expect(await readPragmas(a)).toEqual(REQUIRED_PRAGMAS);
    expect(await readPragmas(b)).toEqual(REQUIRED_PRAGMAS);
  });

  it("one of two concurrent saves of the same version wins; the other sees a conflict", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (s, a, b) => {
        runs++;
        const { id, state } = await createEntry(negotiationId, entrySchema.parse(base), "test");
        const version = state.version as number;
        const save = (client: Promise<Db>, summary: string, who: string) =>
          through(client, () => updateEntry(negotiationId, id, version, entrySchema.parse({ ...base, summary: summary.trim() || who }), who)).then(
            () => ({ who, outcome: "saved" as const, summary: summary.trim() || who }),
            (e) => (e instanceof ConflictError ? { who, outcome: "conflict" as const, summary: "" } : Promise.reject(e)),
          );
        const results = Promise.all([
          s.schedule(Promise.resolve("first")).then(() => save(first, a, "first")),
          s.schedule(Promise.resolve("second")).then(() => save(second, b, "second")),
        ]);
        await s.waitAll();
        const outcome = await results;
        expect(outcome.map((o) => o.outcome).sort()).toEqual(["conflict", "saved"]);
        const winner = outcome.find((o) => o.outcome === "saved")!;
        // Read through the other client than the winner's: the save is in the file, not in a cache.
        const reader = await (winner.who === "first" ? second : first);
        const row = await reader.positionEntry.findUniqueOrThrow({ where: { id } });
        expect(row.version).toBe(version + 1);
        expect(row.summary).toBe(winner.summary);
        const revisions = await reader.revision.findMany({ where: { entityType: "entry", entityId: id }, select: { action: true, actor: true } });
        expect(revisions).toEqual([
          { action: "create", actor: "test" },
          { action: "update", actor: winner.who },
        ]);
      }),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  }, 120_000);
});
