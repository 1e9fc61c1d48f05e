// Full-text search (issue 9 item 4; docs/decisions/014-search.md) on a real migrated SQLite file:
// the FTS5 indexes find English, Arabic and Cyrillic words and party aliases, respect every
// filter and the live rule, stay in sync through edit, trash and restore, and no typed query
// makes SQLite fail. With PARLEY_TEST_PG the same tests run on PostgreSQL's own full-text search
// (decision 023); only the two checks of the index itself differ.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);

import { onPostgres, useFreshDatabase } from "../support/db";
import { request } from "../support/next-request";
import { createNegotiation, deleteNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, restoreInNegotiation, trashInNegotiation, updateInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry, updateEntry } from "@/server/mutations/entries";
import { trashSource, updateSource } from "@/server/mutations/sources";
import { search, searchIndex } from "@/server/queries/search";
import { getDb } from "@/server/db";
import { liveEntrySql, liveEntryWhere } from "@/server/live";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";
import { MARK_START, MARK_END, parseSearchRequest, snippetParts, type SearchFilters } from "@/lib/search";

const NONE: SearchFilters = { negotiation: null, partyId: null, issueId: null, stance: null, from: null, to: null };

let n = 0;
let hamas = 0;
let israel = 0;
let pij = 0;
let security = 0;
let hostages = 0;
let english = 0;
let arabic = 0;
let russian = 0;
const ids = { israelCorridor: 0, hamasRejects: 0, hamasArabic: 0, israelRussian: 0, pijHostages: 0, joint: 0 };

const ENGLISH_TEXT =
  "Cairo talks resumed on Sunday. Israel insisted on keeping troops along the Philadelphi corridor, the strip of land on the border with Egypt. Hamas rejected any continued presence.";
const ARABIC_TEXT = "قال مسؤول في حركة حماس إن المفاوضات في القاهرة مستمرة وإن الحركة ترفض بقاء القوات في محور فيلادلفيا.";
const RUSSIAN_TEXT = "Переговоры в Каире продолжаются. Израиль настаивает на контроле над коридором Филадельфи.";

const entry = (partyIds: number[], issueId: number, sourceId: number, stance: string, summary: string, statedOn: string, extra: { quote?: string; notes?: string } = {}) =>
  entrySchema.parse({
    partyIds: partyIds.map(String),
    issueId: String(issueId),
    sourceId: String(sourceId),
    stance,
    summary,
    statedOn,
    quote: extra.quote ?? "",
    notes: extra.notes ?? "",
  });

const version = async (table: "party" | "issue" | "source" | "positionEntry" | "negotiation", id: number) =>
  ((await (await getDb())[table as "party"].findUniqueOrThrow({ where: { id } })) as { version: number }).version;

const entryIds = async (q: string, filters: Partial<SearchFilters> = {}) => (await searchIndex(q, { ...NONE, ...filters })).entries.map((e) => e.id).sort((a, b) => a - b);
const sourceIds = async (q: string, filters: Partial<SearchFilters> = {}) => (await searchIndex(q, { ...NONE, ...filters })).sources.map((s) => s.id).sort((a, b) => a - b);
const sorted = (...xs: number[]) => [...xs].sort((a, b) => a - b);

beforeAll(() => {
  process.env.BETTER_AUTH_SECRET ??= "test-secret-for-search-0123456789abcdef";
  request.headers = new Headers({ host: "127.0.0.1:3000" });
});

beforeEach(async () => {
  useFreshDatabase();
  n = (await createNegotiation({ title: "Gaza talks", slug: "gaza", description: "" }, "t")).id;
  const party = (name: string, shortName = "", aliases = "") =>
    createInNegotiation("party", n, partySchema.parse({ name, shortName, aliases, role: "party", colour: "#000000", order: "1" }), "t").then((r) => r.id);
  hamas = await party("Hamas", "", "حماس\nХамас");
  israel = await party("Israel", "ISR");
  pij = await party("Palestinian Islamic Jihad", "Islamic Jihad", "PIJ");
  security = (await createInNegotiation("issue", n, issueSchema.parse({ name: "Security arrangements", order: "1" }), "t")).id;
  hostages = (await createInNegotiation("issue", n, issueSchema.parse({ name: "Hostage releases", order: "2" }), "t")).id;
  const source = (title: string, publishedOn: string, text: string, language = "en") =>
    createInNegotiation("source", n, sourceSchema.parse({ title, outlet: "Wire", publishedOn, language, text }), "t").then((r) => r.id);
  english = await source("Cairo talks resume", "2024-08-25", ENGLISH_TEXT);
  arabic = await source("المفاوضات في القاهرة", "2024-08-26", ARABIC_TEXT, "ar");
  russian = await source("Переговоры в Каире", "2024-08-27", RUSSIAN_TEXT, "ru");
  ids.israelCorridor = (
    await createEntry(n, entry([israel], security, english, "demands", "Keep troops on the Egypt border strip.", "2024-08-25", { quote: "Philadelphi corridor" }), "t")
  ).id;
  ids.hamasRejects = (await createEntry(n, entry([hamas], security, english, "rejects", "No continued presence of troops.", "2024-08-25"), "t")).id;
  ids.hamasArabic = (await createEntry(n, entry([hamas], security, arabic, "rejects", "ترفض بقاء القوات في محور فيلادلفيا", "2024-08-26"), "t")).id;
  ids.israelRussian = (await createEntry(n, entry([israel], security, russian, "demands", "Контроль над коридором Филадельфи", "2024-08-27"), "t")).id;
  ids.pijHostages = (await createEntry(n, entry([pij], hostages, english, "conditions", "Releases only with a full withdrawal.", "2024-09-02"), "t")).id;
  ids.joint = (
    await createEntry(n, entry([hamas, pij], hostages, english, "demands", "A joint call for a complete withdrawal.", "2024-09-10", { notes: "Statement read in Doha." }), "t")
  ).id;
});

describe("search finds words in every script", () => {
  it("English: an entry's quote and a source's text, with the word marked in the snippet, a prefix is enough", async () => {
    const results = await searchIndex("philadelphi", NONE);
    expect(results.entries.map((e) => e.id)).toEqual([ids.israelCorridor]);
    expect(results.sources.map((s) => s.id)).toEqual([english]);
    const marked = snippetParts(results.sources[0]!.snippet!).filter((p) => p.mark).map((p) => p.text);
    expect(marked).toEqual(["Philadelphi"]);
    expect(await sourceIds("Philadelph")).toEqual([english]);
    expect(results.entries[0]!).toMatchObject({ negotiation: { slug: "gaza" }, issue: { name: "Security arrangements" }, parties: [{ name: "Israel" }] });
  });

  it("Arabic: a word in a summary and in a source's title and text", async () => {
    const results = await searchIndex("فيلادلفيا", NONE);
    expect(results.entries.map((e) => e.id)).toEqual([ids.hamasArabic]);
    expect(results.sources.map((s) => s.id)).toEqual([arabic]);
    expect(snippetParts(results.sources[0]!.snippet!).filter((p) => p.mark).map((p) => p.text)).toEqual(["فيلادلفيا"]);
    expect(await sourceIds("القاهرة")).toEqual([arabic]);
  });

  it("Cyrillic: any case finds the word", async () => {
    expect(await entryIds("коридором")).toEqual([ids.israelRussian]);
    expect(await sourceIds("КАИРЕ")).toEqual([russian]);
  });

  it("Latin accents are folded: 'presence' finds 'présence'", async () => {
    await updateSource(n, english, await version("source", english), sourceSchema.parse({ title: "Cairo talks resume", outlet: "Wire", publishedOn: "2024-08-25", text: `${ENGLISH_TEXT} Le Hamas refuse toute présence.` }), "t");
    expect(await sourceIds("presence")).toEqual([english]);
  });

  it("several words must all occur; a quoted phrase keeps its words together", async () => {
    expect(await entryIds("troops border")).toEqual([ids.israelCorridor]);
    expect(await sourceIds('"corridor the strip"')).toEqual([english]);
    expect(await sourceIds('"strip corridor"')).toEqual([]);
  });
});

describe("party names and aliases", () => {
  it("“PIJ” finds Palestinian Islamic Jihad's entries, joint statements included, though no text says PIJ", async () => {
    const results = await searchIndex("PIJ", NONE);
    expect(results.entries.map((e) => e.id).sort((a, b) => a - b)).toEqual(sorted(ids.pijHostages, ids.joint));
    expect(results.terms[0]!.partyIds).toEqual([pij]);
  });
  it("a party's alias combines with other words: “PIJ withdrawal” and a multi-word name “Islamic Jihad withdrawal”", async () => {
    expect(await entryIds("PIJ withdrawal")).toEqual(sorted(ids.pijHostages, ids.joint));
    expect(await entryIds("Islamic Jihad full")).toEqual([ids.pijHostages]);
  });
  it("newest recorded first and only up to the limit: words, a party's name, both (docs/decisions/020)", async () => {
    const newest = Math.max(ids.pijHostages, ids.joint);
    for (const q of ["withdrawal", "PIJ", "PIJ withdrawal"]) {
      const one = await searchIndex(q, NONE, { entries: 1, sources: 1 });
      expect(one.entries.map((e) => e.id), q).toEqual([newest]);
      expect(one.moreEntries, q).toBe(true);
      const all = await searchIndex(q, NONE);
      expect(all.entries.map((e) => e.id), q).toEqual(sorted(ids.pijHostages, ids.joint).reverse());
      expect(all.moreEntries, q).toBe(false);
    }
  });
  it("sources too are listed newest recorded first, up to the limit", async () => {
    const one = await searchIndex("Hamas", NONE, { entries: 1, sources: 1 });
    expect(one.sources.map((s) => s.id)).toEqual([Math.max(english, arabic)]);
    expect(one.moreSources).toBe(true);
  });
  it("a snippet marks the other words of a query that names a party", async () => {
    const hit = (await searchIndex("PIJ withdrawal", NONE)).entries.find((e) => e.id === ids.pijHostages)!;
    expect(hit.snippet).toContain(`${MARK_START}withdrawal${MARK_END}`);
  });
  it("an alias in another script: “Хамас” finds Hamas's entries, and a source that names Hamas in Arabic is found by its alias", async () => {
    expect(await entryIds("Хамас")).toEqual(sorted(ids.hamasRejects, ids.hamasArabic, ids.joint));
    // The English name searches the text for the party's other names too.
    expect(await sourceIds("Hamas")).toEqual(sorted(english, arabic));
  });
});

describe("filters", () => {
  it("by negotiation, party, issue, stance and date range", async () => {
    const other = (await createNegotiation({ title: "Other talks", slug: "other", description: "" }, "t")).id;
    const p = (await createInNegotiation("party", other, partySchema.parse({ name: "Egypt", role: "mediator", colour: "#000000", order: "1" }), "t")).id;
    const i = (await createInNegotiation("issue", other, issueSchema.parse({ name: "Crossings", order: "1" }), "t")).id;
    const s = (await createInNegotiation("source", other, sourceSchema.parse({ title: "Withdrawal plans", publishedOn: "2024-09-01", text: "A withdrawal plan." }), "t")).id;
    const elsewhere = (await createEntry(other, entry([p], i, s, "proposes", "Proposes a phased withdrawal.", "2024-09-01"), "t")).id;

    expect(await entryIds("withdrawal")).toEqual(sorted(ids.pijHostages, ids.joint, elsewhere));
    expect(await entryIds("withdrawal", { negotiation: "gaza" })).toEqual(sorted(ids.pijHostages, ids.joint));
    expect(await sourceIds("withdrawal", { negotiation: "other" })).toEqual([s]);
    expect(await entryIds("withdrawal", { partyId: hamas })).toEqual([ids.joint]);
    expect(await entryIds("troops", { issueId: hostages })).toEqual([]);
    expect(await entryIds("troops", { issueId: security })).toEqual(sorted(ids.israelCorridor, ids.hamasRejects));
    expect(await entryIds("troops", { stance: "rejects" })).toEqual([ids.hamasRejects]);
    expect(await entryIds("withdrawal", { from: "2024-09-02", to: "2024-09-02" })).toEqual([ids.pijHostages]);
    expect(await entryIds("withdrawal", { from: "2024-09-03" })).toEqual([ids.joint]);
    expect(await sourceIds("Cairo", { to: "2024-08-24" })).toEqual([]);
    // Party, issue and stance describe positions: sources are then left out, and the page says so.
    const filtered = await searchIndex("Cairo", { ...NONE, partyId: hamas });
    expect(filtered.sources).toEqual([]);
    expect(filtered.sourcesFiltered).toBe(true);
  });

  it("the URL's filters are read and checked: bad values are named, never searched with", () => {
    const ok = parseSearchRequest({ q: "PIJ", negotiation: "gaza", party: "3", issue: "4", stance: "rejects", from: "2024-01-01", to: "2024-12-31" });
    expect(ok.errors).toEqual({});
    expect(ok.filters).toEqual({ negotiation: "gaza", partyId: 3, issueId: 4, stance: "rejects", from: "2024-01-01", to: "2024-12-31" });
    const bad = parseSearchRequest({ q: "x", party: "abc", stance: "shouts", from: "2023-02-30", to: "1999-01-01" });
    expect(Object.keys(bad.errors).sort()).toEqual(["from", "partyId", "stance"]);
    expect(bad.typed.from).toBe("2023-02-30");
  });
});

describe("the index stays in sync with every write, trash and restore", () => {
  it("an edited entry is found by its new words only", async () => {
    await updateEntry(n, ids.hamasRejects, await version("positionEntry", ids.hamasRejects), entry([hamas], security, english, "rejects", "Refuses any buffer zone.", "2024-08-25"), "t");
    expect(await entryIds("buffer")).toEqual([ids.hamasRejects]);
    expect(await entryIds("continued")).toEqual([]);
  });

  it("an edited source is found by its new title and text only", async () => {
    await updateSource(n, english, await version("source", english), sourceSchema.parse({ title: "Doha round", outlet: "Wire", publishedOn: "2024-08-25", text: "Talks moved to Doha. Philadelphi corridor remains open." }), "t");
    expect(await sourceIds("Doha")).toEqual([english]);
    expect(await sourceIds("Egypt")).toEqual([]);
  });

  it("a trashed entry is not found; restored, it is found again", async () => {
    await trashEntry(n, ids.israelCorridor, await version("positionEntry", ids.israelCorridor), "t");
    expect(await entryIds("Philadelphi")).toEqual([]);
    await restoreInNegotiation("entry", n, ids.israelCorridor, await version("positionEntry", ids.israelCorridor), "t");
    expect(await entryIds("Philadelphi")).toEqual([ids.israelCorridor]);
  });

  it("a trashed party takes its entries, joint ones included, out of the results until restored", async () => {
    await trashInNegotiation("party", n, pij, await version("party", pij), "t");
    expect(await entryIds("withdrawal")).toEqual([]);
    // and its alias no longer names a party: only the text is searched
    expect((await searchIndex("PIJ", NONE)).terms[0]!.partyIds).toEqual([]);
    await restoreInNegotiation("party", n, pij, await version("party", pij), "t");
    expect(await entryIds("withdrawal")).toEqual(sorted(ids.pijHostages, ids.joint));
  });

  it("a trashed issue or source takes its entries (and the source) out of the results until restored", async () => {
    await trashInNegotiation("issue", n, security, await version("issue", security), "t");
    expect(await entryIds("troops")).toEqual([]);
    await restoreInNegotiation("issue", n, security, await version("issue", security), "t");
    await trashSource(n, russian, await version("source", russian), "t");
    expect(await entryIds("коридором")).toEqual([]);
    expect(await sourceIds("Каире")).toEqual([]);
    await restoreInNegotiation("source", n, russian, await version("source", russian), "t");
    expect(await entryIds("коридором")).toEqual([ids.israelRussian]);
    expect(await sourceIds("Каире")).toEqual([russian]);
  });

  it("a trashed negotiation's records are not found", async () => {
    await deleteNegotiation(n, await version("negotiation", n), "t");
    expect(await entryIds("Philadelphi")).toEqual([]);
    expect(await sourceIds("Philadelphi")).toEqual([]);
  });

  it("a renamed party's new alias is matched at once", async () => {
    await updateInNegotiation("party", n, israel, await version("party", israel), partySchema.parse({ name: "Israel", shortName: "ISR", aliases: "IDF", role: "party", colour: "#000000", order: "1" }), "t");
    expect(await entryIds("IDF")).toEqual(sorted(ids.israelCorridor, ids.israelRussian));
  });

  it("the index matches the tables exactly after all of the above (FTS5 integrity check; on PostgreSQL the index finds what a full scan finds)", async () => {
    await updateEntry(n, ids.joint, await version("positionEntry", ids.joint), entry([hamas, pij], hostages, english, "demands", "Edited.", "2024-09-10"), "t");
    await trashEntry(n, ids.joint, await version("positionEntry", ids.joint), "t");
    const db = await getDb();
    if (onPostgres) {
      // PostgreSQL's index is an expression index over the tables (nothing stored beside them to
      // drift), so the check is that reading through it finds what reading every row finds.
      const through = async (index: boolean) =>
        db.$transaction(async (tx) => {
          if (!index) await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
          return tx.$queryRawUnsafe<Array<{ id: number }>>(
            `SELECT "id" FROM "PositionEntry" x WHERE "parley_search_vector"(x."summary", x."quote", x."notes") @@ to_tsquery('parley_search', $1) ORDER BY "id"`,
            "'troops':* | 'withdrawal':* | 'Филадельфи':* | 'محور':*",
          );
        });
      const indexed = await through(true);
      expect(indexed.length).toBeGreaterThan(2);
      expect(await through(false)).toEqual(indexed);
      return;
    }
    await db.$executeRawUnsafe(`INSERT INTO "EntrySearch"("EntrySearch", rank) VALUES ('integrity-check', 1)`);
    await db.$executeRawUnsafe(`INSERT INTO "SourceSearch"("SourceSearch", rank) VALUES ('integrity-check', 1)`);
  });
});

describe("any typed query is safe", () => {
  it.each([
    '"',
    '""',
    "AND",
    "OR NOT",
    "NEAR(troops border, 2)",
    "troops*",
    "^troops",
    "summary:troops",
    "(troops",
    "troops)",
    "-troops",
    "+",
    "'; DROP TABLE Source; --",
    "\u0000",
    "\uE000troops\uE001",
    "x".repeat(5000),
    "troops ".repeat(200),
  ])("%#: a query with FTS syntax, quotes or extreme length gives results or none, never an error", async (q) => {
    const results = await searchIndex(q, NONE);
    expect(Array.isArray(results.entries)).toBe(true);
  });
  it("FTS operators typed as words are searched as words", async () => {
    expect(await entryIds("troops AND")).toEqual([]);
    expect(await entryIds("summary:troops")).toEqual([]);
    expect(await entryIds("(troops")).toEqual(sorted(ids.israelCorridor, ids.hamasRejects));
  });
});

describe("reading", () => {
  it("search() checks the reader first: with public reading off an anonymous visitor is sent to sign in", async () => {
    process.env.PARLEY_PUBLIC_READ = "off";
    try {
      const error = await search({ q: "troops", filters: NONE }).catch((e) => e);
      expect(String((error as { digest?: string }).digest)).toContain("/sign-in?next=");
    } finally {
      delete process.env.PARLEY_PUBLIC_READ;
    }
    expect((await search({ q: "troops", filters: NONE })).entries).toHaveLength(2);
  });

  it("the SQL live rule picks exactly the entries liveEntryWhere picks", async () => {
    await trashInNegotiation("party", n, pij, await version("party", pij), "t");
    await trashEntry(n, ids.israelCorridor, await version("positionEntry", ids.israelCorridor), "t");
    await trashSource(n, russian, await version("source", russian), "t");
    const db = await getDb();
    const prismaIds = (await db.positionEntry.findMany({ where: liveEntryWhere, select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id);
    const sqlIds = (await db.$queryRawUnsafe<Array<{ id: number }>>(`SELECT e."id" AS id FROM "PositionEntry" e WHERE ${liveEntrySql("e")} ORDER BY e."id"`)).map((e) => Number(e.id));
    expect(sqlIds).toEqual(prismaIds);
    expect(sqlIds).toEqual(sorted(ids.hamasRejects, ids.hamasArabic));
  });

  it("the migrated database has the search indexes and their six triggers (on PostgreSQL: the two GIN indexes)", async () => {
    const db = await getDb();
    if (onPostgres) {
      const indexes = await db.$queryRawUnsafe<Array<{ indexname: string; indexdef: string }>>(
        `SELECT indexname::text AS indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%search%' ORDER BY indexname`,
      );
      expect(indexes.map((r) => r.indexname)).toEqual(["PositionEntry_search_idx", "Source_search_idx"]);
      for (const r of indexes) expect(r.indexdef).toMatch(/USING gin \(parley_search_vector/);
      return;
    }
    const rows = await db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%' ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual([
      "PositionEntry_search_delete",
      "PositionEntry_search_insert",
      "PositionEntry_search_update",
      "Source_search_delete",
      "Source_search_insert",
      "Source_search_update",
    ]);
  });
});
