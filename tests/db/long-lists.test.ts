// Long lists paged in SQL (issue 10, docs/decisions/024): on a generated negotiation with
// thousands of entries (same-day entries, joint statements, entries in the trash and entries of
// a party in the trash), every page of every list holds exactly the rows the whole list holds,
// in order, none dropped or repeated; totals count the whole list; a page past the last is null.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import {
  countTimelineMonths,
  getNegotiationEntries,
  getPartyEntries,
  getPartyProfilePage,
  getTimelineEntries,
  listEntriesOfCell,
  listEntriesOfCellPage,
  type EntryRow,
} from "@/server/queries/entries";
import { listIssues, listParties } from "@/server/queries/parties-and-issues";
import { listSources, listSourcesPage } from "@/server/queries/sources";
import { buildPartyProfile, buildPartyProfilePage } from "@/lib/party-profile";
import { timelineLanes } from "@/lib/timeline";
import { issueSchema, partySchema, sourceSchema } from "@/lib/schemas";
import { PAGE_SIZE } from "@/lib/paging";

const ENTRIES = 6_000;
let ids: { negotiationId: number; parties: number[]; issues: number[]; sources: number[] };

// The 6,000 entries are bulk-inserted through a second SQLite connection; on PostgreSQL the same
// paging SQL is exercised by tests/e2e/long-lists.spec.ts in npm run test:e2e:pg.
beforeAll(async () => {
  if (onPostgres) return;
  const file = useFreshDatabase();
  const { id: negotiationId } = await createNegotiation({ title: "Long lists", slug: "", description: "" }, "test");
  const parties: number[] = [];
  for (let i = 0; i < 4; i++) {
    parties.push((await createInNegotiation("party", negotiationId, partySchema.parse({ name: `Party ${i}`, role: "party", colour: "#000000", order: String(i) }), "test")).id);
  }
  const issues: number[] = [];
  for (let i = 0; i < 3; i++) issues.push((await createInNegotiation("issue", negotiationId, issueSchema.parse({ name: `Issue ${i}`, order: String(i) }), "test")).id);
  const sources: number[] = [];
  for (let i = 0; i < 130; i++) {
    const text = i % 2 === 0 ? "The parties demand a ceasefire now." : undefined;
    sources.push((await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: `Report ${i}`, publishedOn: "2024-01-01", ...(text ? { text } : {}) }), "test")).id);
  }
  ids = { negotiationId, parties, issues, sources };

  // Bulk insert through a second connection (WAL: the app's connection sees it at its next read).
  const db = new Database(file);
  const stamp = new Date().toISOString();
  const entry = db.prepare(
    `INSERT INTO PositionEntry (negotiationId, issueId, sourceId, statedOn, stance, summary, quote, deletedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare(`INSERT INTO PositionEntryParty (entryId, partyId) VALUES (?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i++) {
      // Four entries a day, days out of recording order (paging must follow the day, then the id),
      // and a cell's entries of one day with different stances (a page may start inside a day).
      const day = new Date(Date.UTC(2022, 0, 1) + ((i * 7) % 1500) * 86_400_000).toISOString().slice(0, 10);
      const stance = ["demands", "rejects", "supports", "concedes"][(i + Math.floor(i / 1500)) % 4]!;
      const quote = i % 5 === 0 ? "demand a ceasefire" : i % 5 === 1 ? "words the text lacks" : "";
      const id = entry.run(negotiationId, issues[i % 3], sources[i % 130], day, stance, `Entry ${i}`, quote, i % 97 === 0 ? stamp : null, stamp, stamp).lastInsertRowid;
      link.run(id, parties[i % 4 === 3 && i % 8 !== 3 ? 0 : i % 4]);
      if (i % 10 === 0) link.run(id, parties[(i + 1) % 4]); // some joint statements
    }
  })();
  db.close();
}, 120_000);

/** Every page in turn, until the one past the last (null). */
async function allPages<T>(read: (page: number) => Promise<T | null>): Promise<T[]> {
  const pages: T[] = [];
  for (let n = 1; ; n++) {
    const page = await read(n);
    if (!page) break;
    pages.push(page);
  }
  return pages;
}

describe.skipIf(onPostgres)(`long lists of a negotiation with ${ENTRIES.toLocaleString("en")} entries, paged`, () => {
  it("a cell's history: the pages together are the whole history, in order, each compared with the entry before it", async () => {
    const [party, issue] = [ids.parties[0]!, ids.issues[0]!];
    const whole = await listEntriesOfCell(ids.negotiationId, party, issue);
    expect(whole.length).toBeGreaterThan(PAGE_SIZE * 5);
    const pages = await allPages((n) => listEntriesOfCellPage(ids.negotiationId, party, issue, n));
    expect(pages.length).toBe(Math.ceil(whole.length / PAGE_SIZE));
    expect(pages.flatMap((p) => p.entries.map((e) => e.id))).toEqual(whole.map((e) => e.id));
    for (const [i, p] of pages.entries()) {
      expect(p.page.total).toBe(whole.length);
      expect(p.entries.length).toBe(i < pages.length - 1 ? PAGE_SIZE : whole.length - PAGE_SIZE * i);
      expect(p.previous?.id ?? null).toBe(i === 0 ? null : whole[i * PAGE_SIZE - 1]!.id);
    }
    expect(pages[0]!.entries.map((e) => e.quoteStatus)).toEqual(whole.slice(0, PAGE_SIZE).map((e) => e.quoteStatus));
    expect(await listEntriesOfCellPage(ids.negotiationId, party, issue, pages.length + 1)).toBeNull();
  }, 60_000);

  it("the timeline's month counts add up to every live mark, per party and month", async () => {
    const { entries } = await getNegotiationEntries(ids.negotiationId);
    const scope = { negotiationId: ids.negotiationId, issueId: null, from: "1900-01-01", to: "2100-01-01" };
    const groups = await countTimelineMonths(scope);
    const expected = new Map<string, number>();
    for (const e of entries) for (const p of e.partyIds) expected.set(`${p} ${e.statedOn.slice(0, 7)} ${e.stance}`, (expected.get(`${p} ${e.statedOn.slice(0, 7)} ${e.stance}`) ?? 0) + 1);
    expect(new Map(groups.map((g) => [`${g.partyId} ${g.month} ${g.stance}`, g.n]))).toEqual(expected);
    const marks = (groups: Array<{ n: number }>) => groups.reduce((n, g) => n + g.n, 0);
    expect(marks(groups)).toBe(entries.reduce((n, e) => n + e.partyIds.length, 0));
    const onIssue = { ...scope, issueId: ids.issues[1]! };
    expect(marks(await countTimelineMonths(onIssue))).toBe(entries.filter((e) => e.issueId === ids.issues[1]).reduce((n, e) => n + e.partyIds.length, 0));
  }, 60_000);

  it("a period's entries, whole or a page at a time, carry the change types the whole history gives them", async () => {
    const { entries: all } = await getNegotiationEntries(ids.negotiationId);
    const partyIds = (await listParties(ids.negotiationId)).map((p) => p.id);
    const changes = (list: EntryRow[], shown: Set<number>) =>
      new Map(timelineLanes(list, partyIds).flatMap((l) => l.marks.filter((m) => shown.has(m.entry.id)).map((m) => [m.key, `${m.entry.change} ${m.entry.overridden}`])));
    const month = { negotiationId: ids.negotiationId, issueId: null, from: "2023-03-01", to: "2023-05-01" };
    const inMonth = all.filter((e) => e.statedOn >= month.from && e.statedOn < month.to);
    expect(inMonth.length).toBeGreaterThan(PAGE_SIZE * 2);
    const expected = changes(all, new Set(inMonth.map((e) => e.id)));

    const whole = (await getTimelineEntries(month))!;
    expect(whole.entries.map((e) => e.id)).toEqual(inMonth.map((e) => e.id));
    expect(changes([...whole.context, ...whole.entries], new Set(whole.entries.map((e) => e.id)))).toEqual(expected);

    const pages = await allPages((n) => getTimelineEntries(month, n));
    expect(pages.flatMap((p) => p.entries.map((e) => e.id))).toEqual(inMonth.map((e) => e.id));
    expect(pages.every((p) => p.page!.total === inMonth.length)).toBe(true);
    const paged = new Map(pages.flatMap((p) => [...changes([...p.context, ...p.entries], new Set(p.entries.map((e) => e.id)))]));
    expect(paged).toEqual(expected);
  }, 60_000);

  it("a party's profile: the pages together are every entry by issue, classified and marked as the whole history gives them", async () => {
    const party = ids.parties[0]!;
    const asOf = "2024-06-30";
    const issues = await listIssues(ids.negotiationId);
    const { entries: own } = await getPartyEntries(ids.negotiationId, party);
    const whole = buildPartyProfile({ partyId: party, issues, entries: own, asOf });
    const expected = whole.issues.flatMap((i) =>
      i.history.map((h) => ({ id: h.entry.id, issue: i.issue.id, change: h.entry.change, overridden: h.entry.overridden, inForce: h.inForce, afterAsOf: h.afterAsOf })),
    );
    expect(expected.length).toBeGreaterThan(PAGE_SIZE * 5);

    const pages = await allPages((n) => getPartyProfilePage(ids.negotiationId, party, asOf, n));
    expect(pages.length).toBe(Math.ceil(expected.length / PAGE_SIZE));
    const shown = pages.flatMap((read) => {
      const p = buildPartyProfilePage({
        partyId: party,
        issues,
        summaries: read.summaries,
        entries: [...read.context, ...read.entries],
        pageIds: new Set(read.entries.map((e) => e.id)),
        asOf,
      });
      // What summarises the whole history is the same on every page.
      expect(p.entryCount).toBe(expected.length);
      expect(p.overview.map((o) => [o.issue.id, o.summary.count, o.summary.current?.id ?? null])).toEqual(
        whole.issues.map((i) => [i.issue.id, i.history.length, i.current?.id ?? null]),
      );
      expect(p.unrecorded).toEqual(whole.unrecorded);
      return p.sections.flatMap((s) =>
        s.history.map((h) => ({ id: h.entry.id, issue: s.issue.id, change: h.entry.change, overridden: h.entry.overridden, inForce: h.inForce, afterAsOf: h.afterAsOf })),
      );
    });
    expect(shown).toEqual(expected);
    expect(await getPartyProfilePage(ids.negotiationId, party, asOf, pages.length + 1)).toBeNull();
  }, 60_000);

  it("the sources list: the pages together are the whole list, newest first, with counts and text flags", async () => {
    const whole = await listSources(ids.negotiationId);
    expect(whole.length).toBe(130);
    const pages = await allPages((n) => listSourcesPage(ids.negotiationId, n));
    expect(pages.map((p) => p.sources.length)).toEqual([50, 50, 30]);
    expect(pages.flatMap((p) => p.sources)).toEqual(whole);
    expect(pages.every((p) => p.page.total === 130)).toBe(true);
  }, 60_000);
});
