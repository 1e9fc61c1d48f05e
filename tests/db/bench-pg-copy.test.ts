// The benchmark on PostgreSQL measures the same rows as on SQLite: scripts/bench/pg.ts copies a
// SQLite file written through the app's own write path (so its timestamps, flags and texts are
// stored as the app stores them) into a PostgreSQL database, and the copy must be exact: every
// table the same row count and checksum, read back from each side independently; each id
// sequence continues after the copied ids; and the floor gives the same answers on both.
// Needs a PostgreSQL server: PARLEY_TEST_PG=postgresql://parley:parley@127.0.0.1:5432/postgres
// (the database named there is not touched: the test makes and drops bench_test_copy_<pid>).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, trashInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry } from "@/server/mutations/entries";
import { getDb } from "@/server/db";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";
import { checksumDifferences, copyFromSqlite, createSchema, pgClient, recreateDatabase, tableChecksums } from "@/scripts/bench/pg";
import { FLOOR_SQL, pgFloor, sqliteFloor, type FloorQuery } from "@/scripts/bench/floor";
import { rowDifferences } from "@/scripts/bench/stats";

const server = process.env.PARLEY_TEST_PG;
const url = (() => {
  if (!server) return "";
  const u = new URL(server);
  u.pathname = `/bench_test_copy_${process.pid}`;
  return u.toString();
})();

let file: string;
let negotiationId: number;
const ids = { party: 0, issue: 0 };

describe.skipIf(!server)("bench: the SQLite rows copied into PostgreSQL", () => {
  beforeAll(async () => {
    file = useFreshDatabase("sqlite");
    negotiationId = (await createNegotiation({ title: "Copy talks", slug: "", description: "Quotes ' and \" and \\ and ünïcødé, a tab\there" }, "test")).id;
    const party = async (name: string) => (await createInNegotiation("party", negotiationId, partySchema.parse({ name, role: "party", colour: "#112233", order: "0" }), "test")).id;
    const [a, b, gone] = [await party("A"), await party("B {with} [brackets], \"quotes\""), await party("Gone")];
    ids.party = a;
    const x = (ids.issue = (await createInNegotiation("issue", negotiationId, issueSchema.parse({ name: "X", order: "0" }), "test")).id);
    const source = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Report", publishedOn: "2024-01-01", text: "Line one\nline two, with a NULL-looking word: NULL" }), "test")).id;
    const add = (partyIds: number[], statedOn: string, stance: string) =>
      createEntry(negotiationId, entrySchema.parse({ partyIds: partyIds.map(String), issueId: String(x), sourceId: String(source), statedOn, stance, summary: `${stance} on ${statedOn}` }), "test");
    await add([a], "2024-01-05", "accepts");
    await add([a, b], "2024-02-01", "rejects");
    const trashed = await add([b], "2024-02-02", "withdraws");
    await trashEntry(negotiationId, trashed.id, 1, "test");
    await add([gone], "2024-01-15", "supports");
    await trashInNegotiation("party", negotiationId, gone, 1, "test");
    // An account with a flag (Boolean) and a session with an expiry (DateTime), as Better Auth writes them.
    const db = await getDb();
    await db.user.create({ data: { id: "u1", name: "Ana", email: "ana@example.test", emailVerified: true, role: "editor" } });
    await db.session.create({ data: { id: "s1", token: "t1", userId: "u1", expiresAt: new Date(Date.UTC(2030, 5, 1, 12, 30, 15, 250)) } });
    await recreateDatabase(url);
    await createSchema(url);
  }, 120_000);

  afterAll(async () => {
    if (!url) return;
    const admin = new URL(url);
    admin.pathname = "/postgres";
    const client = await pgClient(admin.toString());
    await client.query(`DROP DATABASE IF EXISTS "bench_test_copy_${process.pid}" WITH (FORCE)`);
    await client.end();
  });

  it("copies every table exactly: the same rows and checksum on both sides, the sequences after the last id, and the floor's answers equal", async () => {
    const sqlite = new Database(file, { readonly: true });
    const client = await pgClient(url);
    try {
      const copied = await copyFromSqlite(sqlite, client, { batch: 2 }); // batches of 2: several per table
      for (const table of ["Negotiation", "Party", "Issue", "Source", "PositionEntry", "PositionEntryParty", "Revision", "user", "session"]) {
        expect(copied.has(table), table).toBe(true);
      }
      expect(copied.get("PositionEntry")).toBe(4);
      expect(copied.get("PositionEntryParty")).toBe(5);
      expect(copied.get("Revision")).toBeGreaterThan(10);

      const sums = await tableChecksums(sqlite, client);
      expect(checksumDifferences(sums.sqlite, sums.postgres)).toEqual([]);
      expect([...sums.postgres.values()].reduce((n, t) => n + t.rows, 0)).toBeGreaterThan(25);

      // Spot checks read straight from PostgreSQL: a flag, a timestamp to the millisecond, a text with quotes and a tab.
      const user = await client.query(`SELECT "emailVerified" FROM "user" WHERE id = 'u1'`);
      expect(user.rows[0].emailVerified).toBe(true);
      const session = await client.query(`SELECT "expiresAt" FROM "session" WHERE id = 's1'`);
      expect((session.rows[0].expiresAt as Date).toISOString()).toBe("2030-06-01T12:30:15.250Z");
      const negotiation = await client.query(`SELECT description FROM "Negotiation" WHERE id = $1`, [negotiationId]);
      expect(negotiation.rows[0].description).toBe("Quotes ' and \" and \\ and ünïcødé, a tab\there");

      // A new row takes the next id: the sequence was set past the copied ones.
      const maxEntry = (sqlite.prepare(`SELECT max(id) AS id FROM PositionEntry`).get() as { id: number }).id;
      const floor = pgFloor(client);
      const reference = sqliteFloor(sqlite);
      const params = { negotiationId, asOf: "2024-12-31", days: 2, partyId: ids.party, issueId: ids.issue };
      for (const query of ["readings", "gapReadings", "profile", "cellHistory", "timeline", "sources", "counts", "span", "busiestParty", "busiestCell"] satisfies FloorQuery[]) {
        expect(query in FLOOR_SQL).toBe(true);
        expect(rowDifferences(await reference.all(query, params), await floor.all(query, params)), query).toEqual([]);
      }
      const id = await floor.createEntry({ negotiationId, issueId: ids.issue, sourceId: (await floor.all<{ id: number }>("someSource", params))[0]!.id, partyId: ids.party, statedOn: "2024-03-01" });
      expect(id).toBe(maxEntry + 1);
    } finally {
      sqlite.close();
      await client.end();
    }
  }, 120_000);
});
