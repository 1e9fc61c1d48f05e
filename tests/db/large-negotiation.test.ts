// A negotiation with more live entries than SQLite binds parameters in one statement (32,766):
// every page that reads all of a negotiation's entries must still answer (issue 10). Prisma's
// relation loading binds one parameter per parent row, so a query that `include`s parties or
// sources over every entry fails with "too many SQL variables" above that size.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { getAsOfEntries, getComparison, getMatrix, getNegotiationEntries, getPartyEntries, listEntriesOfCell, listEntriesOfSource } from "@/server/queries/entries";
import { getOverview } from "@/server/queries/overview";
import { listSources } from "@/server/queries/sources";
import { issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

const ENTRIES = 33_000; // above SQLite's 32,766 bound parameters
let ids: { negotiationId: number; parties: number[]; issues: number[]; sources: number[] };

beforeAll(async () => {
  if (onPostgres) return;
  const file = useFreshDatabase();
  const { id: negotiationId } = await createNegotiation({ title: "Years of talks", slug: "", description: "" }, "test");
  const parties: number[] = [];
  for (let i = 0; i < 4; i++) {
    parties.push((await createInNegotiation("party", negotiationId, partySchema.parse({ name: `Party ${i}`, role: "party", colour: "#000000", order: String(i) }), "test")).id);
  }
  const issues: number[] = [];
  for (let i = 0; i < 5; i++) issues.push((await createInNegotiation("issue", negotiationId, issueSchema.parse({ name: `Issue ${i}`, order: String(i) }), "test")).id);
  const sources: number[] = [];
  for (let i = 0; i < 3; i++) {
    const text = i === 0 ? "The parties demand a ceasefire now." : undefined;
    sources.push((await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: `Report ${i}`, publishedOn: "2024-01-01", ...(text ? { text } : {}) }), "test")).id);
  }
  ids = { negotiationId, parties, issues, sources };

  // Bulk insert through a second connection (WAL: the app's connection sees it at its next read).
  const db = new Database(file);
  const stamp = new Date().toISOString();
  const entry = db.prepare(
    `INSERT INTO PositionEntry (negotiationId, issueId, sourceId, statedOn, stance, summary, quote, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare(`INSERT INTO PositionEntryParty (entryId, partyId) VALUES (?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i++) {
      const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
      const id = entry.run(negotiationId, issues[i % 5], sources[i % 3], day, i % 2 ? "demands" : "rejects", `Entry ${i}`, i % 3 === 0 ? "demand a ceasefire" : "", stamp, stamp).lastInsertRowid;
      link.run(id, parties[i % 4]);
      if (i % 10 === 0) link.run(id, parties[(i + 1) % 4]); // some joint statements
    }
  })();
  db.close();
}, 120_000);

// Skipped on PostgreSQL (npm run test:db:pg): SQLite's bound-parameter limit, with a bulk insert straight into the file.
describe.skipIf(onPostgres)(`a negotiation with ${ENTRIES.toLocaleString("en")} live entries`, () => {
  it("the matrix (detailed and overview) answers", async () => {
    const m = await getMatrix({ negotiationId: ids.negotiationId, asOf: "2030-01-01" });
    expect(m.cells.get(m.cellKey(ids.issues[0]!, ids.parties[0]!))?.current).not.toBeNull();
    const o = await getOverview({ negotiationId: ids.negotiationId, asOf: "2030-01-01", windowDays: 30 });
    expect(o.cells.get(o.cellKey(ids.issues[0]!, ids.parties[0]!))).not.toBeNull();
  }, 60_000);

  it("compare, gaps, a party's profile and the timeline answer", async () => {
    const compared = await getComparison({ negotiationId: ids.negotiationId, from: "2021-01-01", to: "2030-01-01" });
    expect(compared.cells.length).toBeGreaterThan(0);
    const asOf = await getAsOfEntries({ negotiationId: ids.negotiationId, asOf: "2030-01-01" });
    expect(asOf.entries.length).toBeGreaterThan(0);
    const profile = await getPartyEntries(ids.negotiationId, ids.parties[0]!);
    expect(profile.entries.length).toBeGreaterThanOrEqual(ENTRIES / 4);
    const { entries } = await getNegotiationEntries(ids.negotiationId);
    expect(entries.length).toBe(ENTRIES);
  }, 60_000);

  it("a cell's history and a source's entries load", async () => {
    const cell = await listEntriesOfCell(ids.negotiationId, ids.parties[0]!, ids.issues[0]!);
    expect(cell.length).toBeGreaterThan(0);
    const ofSource = await listEntriesOfSource(ids.negotiationId, ids.sources[0]!);
    expect(ofSource.length).toBe(ENTRIES / 3);
    expect(ofSource.find((e) => e.quote)?.quoteStatus).toBe("verified");
  }, 60_000);

  it("the source list counts each source's entries and tells full text from link only", async () => {
    const list = await listSources(ids.negotiationId);
    expect(list.map((s) => [s.id, s.entryCount, s.hasText]).sort()).toEqual(ids.sources.map((id, i) => [id, ENTRIES / 3, i === 0]).sort());
  }, 60_000);
});
