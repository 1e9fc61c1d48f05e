// The as-of matrix computed in the database (window functions, server/queries/entries.ts) gives
// exactly what the as-of rule of lib/as-of.ts and lib/matrix.ts gives over all of a negotiation's
// live entries: same entry in force, same previous entry and readings, same neighbour counts, and
// so the same overview cells, gaps and comparison of two dates. Random negotiations with
// same-day ties, joint statements, overrides and trashed entries, parties, issues and sources.
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../support/db";
import { getDb } from "@/server/db";
import { getAsOfEntries, getComparison, getMatrix, getNegotiationEntries, getPartyEntries } from "@/server/queries/entries";
import { getOverview } from "@/server/queries/overview";
import { buildMatrix, type MatrixCell, type MatrixEntry } from "@/lib/matrix";
import { compareDates } from "@/lib/history";
import { buildGapRows } from "@/lib/gaps-view";
import { buildPartyProfile } from "@/lib/party-profile";
import { overviewCellOf } from "@/lib/overview";
import { CHANGE_TYPES } from "@/lib/change";
import { FIRMNESS, STANCES } from "@/lib/vocabulary";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const DAYS = ["2024-01-01", "2024-01-02", "2024-01-05", "2024-02-01", "2024-03-01"];
// As-of days: before everything, on each entry day, between them and after them.
const AS_OF = ["2023-12-31", ...DAYS, "2024-01-03", "2024-02-15", "2030-01-01"];

const entryArb = fc.record({
  parties: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 3 }),
  issue: fc.nat(1),
  source: fc.nat(1),
  day: fc.constantFrom(...DAYS),
  stance: fc.constantFrom(...STANCES),
  firmness: fc.option(fc.constantFrom(...FIRMNESS), { nil: null }),
  summary: fc.constantFrom("a", "b"),
  override: fc.option(fc.constantFrom(...CHANGE_TYPES), { nil: null, freq: 4 }),
  trashed: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
});
const negotiationArb = fc.record({
  entries: fc.array(entryArb, { maxLength: 30 }),
  trashedParty: fc.option(fc.nat(3), { nil: null, freq: 3 }),
  trashedIssue: fc.option(fc.nat(1), { nil: null, freq: 5 }),
  trashedSource: fc.option(fc.nat(1), { nil: null, freq: 5 }),
  roles: fc.array(fc.constantFrom("party", "mediator"), { minLength: 4, maxLength: 4 }),
  asOf: fc.constantFrom(...AS_OF),
  other: fc.constantFrom(...AS_OF),
});

let file = "";
let db: Database.Database;
let counter = 0;

beforeAll(() => {
  file = useFreshDatabase();
  if (!onPostgres) db = new Database(file);
});
afterAll(() => db?.close());

/** On PostgreSQL the same rows go in through Prisma, in one transaction (no second file connection to open). */
async function insertOnPostgres(n: RandomNegotiation): Promise<number> {
  const stamp = new Date();
  const gone = (yes: boolean) => (yes ? stamp : null);
  const app = await getDb();
  return app.$transaction(async (tx) => {
    const slug = `n${++counter}`;
    const { id: negotiationId } = await tx.negotiation.create({ data: { slug, title: slug } });
    const parties: number[] = [];
    for (const [i, role] of n.roles.entries()) {
      parties.push((await tx.party.create({ data: { negotiationId, name: `P${i}`, role, colour: "#000000", order: i, deletedAt: gone(n.trashedParty === i) } })).id);
    }
    const issues: number[] = [];
    for (const i of [0, 1]) issues.push((await tx.issue.create({ data: { negotiationId, name: `I${i}`, order: i, deletedAt: gone(n.trashedIssue === i) } })).id);
    const sources: number[] = [];
    for (const i of [0, 1]) sources.push((await tx.source.create({ data: { negotiationId, title: `S${i}`, deletedAt: gone(n.trashedSource === i) } })).id);
    for (const e of n.entries) {
      await tx.positionEntry.create({
        data: {
          negotiationId,
          issueId: issues[e.issue]!,
          sourceId: sources[e.source]!,
          statedOn: e.day,
          stance: e.stance,
          firmness: e.firmness,
          summary: e.summary,
          changeOverride: e.override,
          deletedAt: gone(e.trashed),
          parties: { create: e.parties.map((p) => ({ partyId: parties[p]! })) },
        },
      });
    }
    return negotiationId;
  });
}

/** Writes one random negotiation straight into the file (a second connection; the app's sees it at its next read). */
type RandomNegotiation = typeof negotiationArb extends fc.Arbitrary<infer T> ? T : never;
function insert(n: RandomNegotiation) {
  const stamp = new Date().toISOString();
  const gone = (yes: boolean) => (yes ? stamp : null);
  return db.transaction(() => {
    const slug = `n${++counter}`;
    const negotiationId = Number(db.prepare(`INSERT INTO Negotiation (slug, title, description, createdAt, updatedAt) VALUES (?, ?, '', ?, ?)`).run(slug, slug, stamp, stamp).lastInsertRowid);
    const parties = n.roles.map((role, i) =>
      Number(
        db
          .prepare(`INSERT INTO Party (negotiationId, name, role, colour, "order", deletedAt, createdAt, updatedAt) VALUES (?, ?, ?, '#000000', ?, ?, ?, ?)`)
          .run(negotiationId, `P${i}`, role, i, gone(n.trashedParty === i), stamp, stamp).lastInsertRowid,
      ),
    );
    const issues = [0, 1].map((i) =>
      Number(db.prepare(`INSERT INTO Issue (negotiationId, name, "order", deletedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`).run(negotiationId, `I${i}`, i, gone(n.trashedIssue === i), stamp, stamp).lastInsertRowid),
    );
    const sources = [0, 1].map((i) =>
      Number(db.prepare(`INSERT INTO Source (negotiationId, title, deletedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`).run(negotiationId, `S${i}`, gone(n.trashedSource === i), stamp, stamp).lastInsertRowid),
    );
    const entry = db.prepare(
      `INSERT INTO PositionEntry (negotiationId, issueId, sourceId, statedOn, stance, firmness, summary, changeOverride, deletedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = db.prepare(`INSERT INTO PositionEntryParty (entryId, partyId) VALUES (?, ?)`);
    for (const e of n.entries) {
      const id = entry.run(negotiationId, issues[e.issue], sources[e.source], e.day, e.stance, e.firmness, e.summary, e.override, gone(e.trashed), stamp, stamp).lastInsertRowid;
      for (const p of e.parties) link.run(id, parties[p]);
    }
    return negotiationId;
  })();
}

/** A cell by entry ids, so the two reads compare whatever objects they hold. */
const idsOf = (cell: MatrixCell<MatrixEntry> | undefined) =>
  cell && {
    current: cell.current?.id ?? null,
    previous: cell.previous?.id ?? null,
    reading: cell.reading.map((e) => e.id),
    previousReading: cell.previousReading?.map((e) => e.id) ?? null,
    earlier: cell.earlier,
    later: cell.later,
  };
const byIds = (m: Map<string, MatrixCell<MatrixEntry>>) => Object.fromEntries([...m].map(([k, c]) => [k, idsOf(c)]));

describe("the as-of matrix in SQL equals lib/as-of.ts over all entries", () => {
  it("matrix, overview, gaps, comparison and party profile", async () => {
    await fc.assert(
      fc.asyncProperty(negotiationArb, async (n) => {
        const negotiationId = onPostgres ? await insertOnPostgres(n) : insert(n);
        const all = await getNegotiationEntries(negotiationId);
        const issueIds = all.issues.map((i) => i.id);
        const partyIds = all.parties.map((p) => p.id);
        const reference = buildMatrix({ issueIds, partyIds, entries: all.entries, asOf: n.asOf });

        const sql = await getMatrix({ negotiationId, asOf: n.asOf });
        expect(byIds(sql.cells)).toEqual(byIds(reference));

        const overview = await getOverview({ negotiationId, asOf: n.asOf, windowDays: 30 });
        expect(Object.fromEntries(overview.cells)).toEqual(Object.fromEntries([...reference].map(([k, c]) => [k, overviewCellOf(c, n.asOf, 30)])));

        const asOfRead = await getAsOfEntries({ negotiationId, asOf: n.asOf });
        const gaps = (entries: typeof all.entries) => buildGapRows({ issues: all.issues, parties: all.parties, sides: [], entries, asOf: n.asOf, sort: "gap" });
        expect(gaps(asOfRead.entries)).toEqual(gaps(all.entries));

        const compared = await getComparison({ negotiationId, from: n.asOf, to: n.other });
        const expected = compareDates({ entries: all.entries, issueIds, partyIds, from: n.asOf, to: n.other });
        expect(compared.cells.map((c) => [c.issueId, c.partyId, c.before?.id ?? null, c.after.id, c.change, c.overridden])).toEqual(
          expected.cells.map((c) => [c.issueId, c.partyId, c.before?.id ?? null, c.after.id, c.change, c.overridden]),
        );
        expect([compared.from, compared.to, compared.total, [...compared.byParty]]).toEqual([expected.from, expected.to, expected.total, [...expected.byParty]]);

        for (const partyId of partyIds) {
          const own = await getPartyEntries(negotiationId, partyId);
          expect(buildPartyProfile({ partyId, issues: all.issues, entries: own.entries, asOf: n.asOf })).toEqual(
            buildPartyProfile({ partyId, issues: all.issues, entries: all.entries, asOf: n.asOf }),
          );
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
