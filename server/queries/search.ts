import "server-only";
import { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
import { textHits, textMatchIds, textSnippets } from "../dialect";
import { liveEntrySql } from "../live";
import { requireReader } from "../session";
import {
  SEARCH_LIMITS,
  searchTerms,
  type SearchFilters,
  type SearchRequest,
  type SearchTerm,
} from "@/lib/search";

// Full-text search over position entries (summary, quote, notes) and sources (title, outlet,
// text) through the full-text indexes of prisma/migrations/*_search (SQLite FTS5) or
// prisma/postgres/migrations/*_search (PostgreSQL; server/dialect.ts holds what differs)
// (docs/decisions/014-search.md, 023).
// The index holds every record; what may be shown is decided here: live entries only
// (server/live.ts), sources and negotiations out of the trash.

export interface EntryHit {
  id: number;
  negotiation: { slug: string; title: string };
  statedOn: string;
  stance: string;
  summary: string;
  quote: string;
  issue: { id: number; name: string };
  parties: Array<{ id: number; name: string }>;
  source: { id: number; title: string | null; outlet: string; publishedOn: string | null };
  /** Matched words between MARK_START and MARK_END (lib/search.ts snippetParts); null when the entry matched through its party only. */
  snippet: string | null;
}

export interface SourceHit {
  id: number;
  negotiation: { slug: string; title: string };
  title: string | null;
  outlet: string;
  publishedOn: string | null;
  language: string;
  snippet: string | null;
}

export interface SearchResults {
  terms: SearchTerm[];
  entries: EntryHit[];
  sources: SourceHit[];
  /** More hits than listed (SEARCH_LIMITS per kind). */
  moreEntries: boolean;
  moreSources: boolean;
  /** Sources are not listed when the search filters by party, issue or stance (those describe positions). */
  sourcesFiltered: boolean;
}

const EMPTY = (terms: SearchTerm[], sourcesFiltered = false): SearchResults => ({
  terms,
  entries: [],
  sources: [],
  moreEntries: false,
  moreSources: false,
  sourcesFiltered,
});

/**
 * The search page's query. A reader check comes first (anonymous only with public reading on,
 * server/session.ts), so no page can list hits without it.
 */
export async function search(request: Pick<SearchRequest, "q" | "filters">): Promise<SearchResults> {
  await requireReader();
  return searchIndex(request.q, request.filters);
}

/** Hits for a typed query and filters, at most `limits` of each kind. */
export async function searchIndex(q: string, filters: SearchFilters, limits: { entries: number; sources: number } = SEARCH_LIMITS): Promise<SearchResults> {
  await requireReader();
  const db = await getDb();
  const parties = await db.party.findMany({
    where: { deletedAt: null, negotiation: { deletedAt: null, ...(filters.negotiation ? { slug: filters.negotiation } : {}) } },
    select: { id: true, name: true, shortName: true, aliases: true },
  });
  const terms = searchTerms(q, parties);
  const sourcesFiltered = filters.partyId !== null || filters.issueId !== null || filters.stance !== null;
  if (terms.length === 0) return EMPTY(terms, sourcesFiltered);

  const [entryIds, sourceIds] = await Promise.all([
    matchingEntryIds(terms, filters, limits.entries + 1),
    sourcesFiltered ? Promise.resolve([]) : matchingSourceIds(terms, filters, limits.sources + 1),
  ]);
  const [entries, sources] = await Promise.all([entryHits(entryIds.slice(0, limits.entries), terms), sourceHits(sourceIds.slice(0, limits.sources))]);
  return { terms, entries, sources, moreEntries: entryIds.length > limits.entries, moreSources: sourceIds.length > limits.sources, sourcesFiltered };
}

const raw = Prisma.raw;

type Hit = { id: number; snippet: string | null };

async function matchingEntryIds(terms: SearchTerm[], filters: SearchFilters, limit: number): Promise<Hit[]> {
  const db = await getDb();
  const conditions: Prisma.Sql[] = [raw(liveEntrySql("e"))];
  const plain = terms.filter((t) => t.partyIds.length === 0);
  const naming = terms.filter((t) => t.partyIds.length > 0);
  // A term naming a party matches the party's entries as well as entries that mention it. Each
  // IN list below is computed once (a party's names are rare words in the index).
  for (const t of naming) {
    conditions.push(Prisma.sql`(e."id" IN (${textMatchIds("entry", [t])})
      OR EXISTS (SELECT 1 FROM "PositionEntryParty" tp WHERE tp."entryId" = e."id" AND tp."partyId" IN (${Prisma.join(t.partyIds)})))`);
  }
  if (filters.negotiation) conditions.push(Prisma.sql`n."slug" = ${filters.negotiation}`);
  if (filters.partyId !== null) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "PositionEntryParty" fp WHERE fp."entryId" = e."id" AND fp."partyId" = ${filters.partyId})`);
  }
  if (filters.issueId !== null) conditions.push(Prisma.sql`e."issueId" = ${filters.issueId}`);
  if (filters.stance !== null) conditions.push(Prisma.sql`e."stance" = ${filters.stance}`);
  if (filters.from !== null) conditions.push(Prisma.sql`e."statedOn" >= ${filters.from}`);
  if (filters.to !== null) conditions.push(Prisma.sql`e."statedOn" <= ${filters.to}`);
  // Newest recorded first, and the scan stops at the limit: ranking every hit by bm25 costs
  // 200-300 ms for a common word at the bench size (docs/decisions/014-search.md).
  if (plain.length > 0) {
    // The words drive the query: the index's hits in descending id order, each checked against
    // the other conditions. The ORDER BY must be the outer query's: SQLite (3.49, in better-sqlite3)
    // drops an ORDER BY inside a FROM subquery, and the hits came oldest first. The snippets
    // also mark the party names of the query (server/dialect.ts textHits).
    const rows = await db.$queryRaw<Array<{ id: number | bigint; snippet: string | null }>>`
    SELECT e."id" AS "id", h."snippet" AS "snippet"
    FROM ${textHits("entry", plain, naming, "e")}
    JOIN "Negotiation" n ON n."id" = e."negotiationId" AND n."deletedAt" IS NULL
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY h."hit" DESC
    LIMIT ${limit}`;
    return rows.map((r) => ({ id: Number(r.id), snippet: r.snippet }));
  }
  // Only party names: the entries are walked newest first and each is looked up in the set of the
  // parties' entries and text hits (`+` keeps SQLite from turning that set into the driving loop,
  // which would visit every one of the party's entries before sorting them).
  const rows = await db.$queryRaw<Array<{ id: number | bigint }>>`
    SELECT e."id" AS "id"
    FROM "PositionEntry" e
    JOIN "Negotiation" n ON n."id" = e."negotiationId" AND n."deletedAt" IS NULL
    WHERE +e."id" IN (${textMatchIds("entry", naming)}
                     UNION SELECT pp."entryId" FROM "PositionEntryParty" pp WHERE pp."partyId" IN (${Prisma.join(naming.flatMap((t) => t.partyIds))}))
      AND ${Prisma.join(conditions, " AND ")}
    ORDER BY e."id" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: Number(r.id), snippet: null }));
}

async function matchingSourceIds(terms: SearchTerm[], filters: SearchFilters, limit: number): Promise<Hit[]> {
  const db = await getDb();
  const conditions: Prisma.Sql[] = [Prisma.sql`s."deletedAt" IS NULL`];
  if (filters.negotiation) conditions.push(Prisma.sql`n."slug" = ${filters.negotiation}`);
  if (filters.from !== null) conditions.push(Prisma.sql`s."publishedOn" >= ${filters.from}`);
  if (filters.to !== null) conditions.push(Prisma.sql`s."publishedOn" <= ${filters.to}`);
  const rows = await db.$queryRaw<Array<{ id: number | bigint; snippet: string | null }>>`
    SELECT s."id" AS "id", h."snippet" AS "snippet"
    FROM ${textHits("source", terms, [], "s")}
    JOIN "Negotiation" n ON n."id" = s."negotiationId" AND n."deletedAt" IS NULL
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY h."hit" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: Number(r.id), snippet: r.snippet }));
}

/**
 * Snippets of the listed hits that matched through a party's name: any term's words marked
 * (server/dialect.ts textSnippets).
 */
async function snippets(ids: number[], terms: SearchTerm[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const wanted = new Set(ids);
  const rows = await db.$queryRaw<Array<{ id: number | bigint; snippet: string }>>(textSnippets("entry", ids, terms));
  return new Map(rows.filter((r) => wanted.has(Number(r.id))).map((r) => [Number(r.id), r.snippet]));
}

/**
 * What the page shows of each listed entry: two plain queries by id (the entries with their
 * negotiation, issue and source; their parties), not a nested findMany, which Prisma splits into a
 * query per relation and which took a third of a search's time at the bench size.
 */
async function entryHits(hits: Hit[], terms: SearchTerm[]): Promise<EntryHit[]> {
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.id);
  const missing = hits.filter((h) => h.snippet === null).map((h) => h.id);
  const db = await getDb();
  type Row = {
    id: number | bigint;
    statedOn: string;
    stance: string;
    summary: string;
    quote: string;
    slug: string;
    negotiationTitle: string;
    issueId: number | bigint;
    issueName: string;
    sourceId: number | bigint;
    sourceTitle: string | null;
    outlet: string;
    publishedOn: string | null;
  };
  const [rows, links, marked] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT e."id", e."statedOn", e."stance", e."summary", e."quote", n."slug", n."title" AS "negotiationTitle",
             i."id" AS "issueId", i."name" AS "issueName", s."id" AS "sourceId", s."title" AS "sourceTitle", s."outlet", s."publishedOn"
      FROM "PositionEntry" e
      JOIN "Negotiation" n ON n."id" = e."negotiationId"
      JOIN "Issue" i ON i."id" = e."issueId"
      JOIN "Source" s ON s."id" = e."sourceId"
      WHERE e."id" IN (${Prisma.join(ids)})`,
    db.$queryRaw<Array<{ entryId: number | bigint; id: number | bigint; name: string; order: number | bigint }>>`
      SELECT pep."entryId", p."id", p."name", p."order"
      FROM "PositionEntryParty" pep JOIN "Party" p ON p."id" = pep."partyId"
      WHERE pep."entryId" IN (${Prisma.join(ids)})`,
    snippets(missing, terms),
  ]);
  for (const h of hits) if (h.snippet !== null) marked.set(h.id, h.snippet);
  const partiesOf = new Map<number, Array<{ id: number; name: string; order: number }>>();
  for (const l of links) {
    const list = partiesOf.get(Number(l.entryId)) ?? [];
    list.push({ id: Number(l.id), name: l.name, order: Number(l.order) });
    partiesOf.set(Number(l.entryId), list);
  }
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id,
        negotiation: { slug: r.slug, title: r.negotiationTitle },
        statedOn: r.statedOn,
        stance: r.stance,
        summary: r.summary,
        quote: r.quote,
        issue: { id: Number(r.issueId), name: r.issueName },
        parties: (partiesOf.get(id) ?? []).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)).map(({ id, name }) => ({ id, name })),
        source: { id: Number(r.sourceId), title: r.sourceTitle, outlet: r.outlet, publishedOn: r.publishedOn },
        snippet: marked.get(id) ?? null,
      },
    ];
  });
}

async function sourceHits(hits: Hit[]): Promise<SourceHit[]> {
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.id);
  const marked = new Map(hits.map((h) => [h.id, h.snippet]));
  const db = await getDb();
  const rows = await db.source.findMany({
    where: { id: { in: ids } },
    select: { id: true, title: true, outlet: true, publishedOn: true, language: true, negotiation: { select: { slug: true, title: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, snippet: marked.get(id) ?? null }] : [];
  });
}

/** What the search form offers: live negotiations, and the parties and issues of the chosen one. */
export async function searchFilterOptions(negotiationSlug: string | null) {
  await requireReader();
  const db = await getDb();
  const negotiations = await db.negotiation.findMany({ where: { deletedAt: null }, orderBy: { title: "asc" }, select: { id: true, slug: true, title: true } });
  const chosen = negotiationSlug ? (negotiations.find((x) => x.slug === negotiationSlug) ?? null) : null;
  const [parties, issues] = chosen
    ? await Promise.all([
        db.party.findMany({ where: { negotiationId: chosen.id, deletedAt: null }, orderBy: [{ order: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
        db.issue.findMany({ where: { negotiationId: chosen.id, deletedAt: null }, orderBy: [{ order: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
      ])
    : [[], []];
  return { negotiations, chosen, parties, issues };
}

/**
 * Everything the search page shows, behind the reader check: the form's options, problems with
 * the URL's values (shown by their fields; nothing is searched then) and the hits.
 */
export async function getSearchPage(request: SearchRequest) {
  await requireReader();
  const options = await searchFilterOptions(request.filters.negotiation);
  const errors = { ...request.errors };
  if (request.filters.negotiation && !options.chosen) errors.negotiation = "No negotiation has this address: choose one from the list.";
  const ready = request.q.trim() !== "" && Object.keys(errors).length === 0;
  const results = ready ? await searchIndex(request.q, request.filters) : null;
  return { options, errors, results };
}
