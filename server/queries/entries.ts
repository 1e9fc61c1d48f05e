import "server-only";
import { compareInForce } from "@/lib/history";
import { buildMatrix, cellKey, foldEntryParties, matrixFromAsOfRead, type CellCounts } from "@/lib/matrix";
import { quoteReader, storedSpan, type QuoteCheck, type QuoteSpan } from "@/lib/quote";
import { Prisma, type PositionEntry, type Source } from "../generated/prisma/client";
import { getDb } from "../db";
import { dependantsWhere, liveEntrySql, type DependencyKind } from "../live";
import { requireReader } from "../session";
import { pageOf, PAGE_SIZE, type Page } from "@/lib/paging";
import type { IssueMonthCount, MonthCount } from "@/lib/timeline-summary";
import type { IssueSummary } from "@/lib/party-profile";
import { positionAsOf } from "@/lib/as-of";
import { getIssue, listIssues, listParties } from "./parties-and-issues";
import { historyWindow, type HistoryOrder } from "@/lib/cell-history";
import { issueMoves, type IssuePoint } from "@/lib/issue-page";

/** What a matrix cell, a history row or a source page shows of an entry; of its source, only what is shown (never its text). */
export type EntryRow = Pick<
  PositionEntry,
  "id" | "issueId" | "sourceId" | "statedOn" | "stance" | "firmness" | "summary" | "quote" | "quoteStart" | "quoteEnd" | "notes" | "changeOverride" | "version" | "suggestedBy" | "suggestionEdited"
> & {
  /** Every party that made the statement, ascending. */
  partyIds: number[];
  source: Pick<Source, "id" | "title" | "outlet" | "url" | "publishedOn" | "language">;
};

interface PairRow extends Omit<EntryRow, "partyIds" | "source" | "id" | "issueId" | "sourceId" | "version" | "quoteStart" | "quoteEnd" | "suggestionEdited"> {
  /** SQLite gives 0/1, PostgreSQL a boolean. */
  suggestionEdited: boolean | number | bigint | null;
  quoteStart: number | bigint | null;
  quoteEnd: number | bigint | null;
  id: number | bigint;
  issueId: number | bigint;
  sourceId: number | bigint;
  version: number | bigint;
  partyId: number | bigint;
  sourceTitle: string | null;
  sourceOutlet: string;
  sourceUrl: string;
  sourcePublishedOn: string | null;
  sourceLanguage: string;
}

/**
 * The live entries (server/live.ts) matching `where` (SQL over `e`, the PositionEntry row), in
 * date then recording order. One query, one row per entry and party it names, joined in SQL:
 * a Prisma relation query would bind one parameter per entry and fail above SQLite's 32,766
 * (issue 10; tests/db/large-negotiation.test.ts). Source columns are only those lists show.
 */
async function readEntries(where: Prisma.Sql): Promise<EntryRow[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<PairRow[]>`
    SELECT e."id", e."issueId", e."sourceId", e."statedOn", e."stance", e."firmness", e."summary", e."quote", e."quoteStart", e."quoteEnd", e."notes",
      e."changeOverride", e."version", e."suggestedBy", e."suggestionEdited", ep."partyId",
      s."title" AS "sourceTitle", s."outlet" AS "sourceOutlet", s."url" AS "sourceUrl",
      s."publishedOn" AS "sourcePublishedOn", s."language" AS "sourceLanguage"
    FROM "PositionEntry" e
    JOIN "PositionEntryParty" ep ON ep."entryId" = e."id"
    JOIN "Source" s ON s."id" = e."sourceId"
    WHERE ${where} AND ${Prisma.raw(liveEntrySql("e"))}
    ORDER BY e."statedOn", e."id", ep."partyId"`;
  return foldEntryParties<PairRow, EntryRow>(rows, (r, id) => ({
    id,
    issueId: Number(r.issueId),
    sourceId: Number(r.sourceId),
    statedOn: r.statedOn,
    stance: r.stance,
    firmness: r.firmness,
    summary: r.summary,
    quote: r.quote,
    quoteStart: r.quoteStart == null ? null : Number(r.quoteStart),
    quoteEnd: r.quoteEnd == null ? null : Number(r.quoteEnd),
    notes: r.notes,
    changeOverride: r.changeOverride,
    version: Number(r.version),
    suggestedBy: r.suggestedBy,
    suggestionEdited: r.suggestionEdited == null ? null : Number(r.suggestionEdited) === 1,
    source: {
      id: Number(r.sourceId),
      title: r.sourceTitle,
      outlet: r.sourceOutlet,
      url: r.sourceUrl,
      publishedOn: r.sourcePublishedOn,
      language: r.sourceLanguage,
    },
  }));
}

export type EntryView = Omit<EntryRow, "quoteStart" | "quoteEnd"> & { quoteStatus: QuoteCheck["status"]; quoteSpan: QuoteSpan | null };

/** How many ids one `IN (...)` binds at most: far below SQLite's limit of 32,766 parameters. */
const ID_CHUNK = 500;

/**
 * Adds to each entry whether its quote occurs in its source's text as the text is *now*
 * (lib/quote.ts), and where: a quote the text no longer contains shows "Quote not found in
 * source" instead of a stale "found". The stored position is kept while it still holds the quote;
 * an entry saved before positions were stored is located here (docs/decisions/017). The one place
 * that reads sources' text for a list, and only for entries whose quote status is shown (a
 * cell's history, a source's entries, the matrix's cells in force); the texts are read and folded
 * once per source, a bounded number of ids at a time.
 */
async function withQuoteStatus(rows: EntryRow[]): Promise<EntryView[]> {
  const needText = [...new Set(rows.filter((r) => r.quote).map((r) => r.sourceId))];
  const readers = new Map<number, ReturnType<typeof quoteReader>>();
  const db = await getDb();
  for (let i = 0; i < needText.length; i += ID_CHUNK) {
    const sources = await db.source.findMany({ where: { id: { in: needText.slice(i, i + ID_CHUNK) } }, select: { id: true, text: true } });
    for (const source of sources) readers.set(source.id, quoteReader(source.text));
  }
  const noText = quoteReader(null);
  return rows.map(({ quoteStart, quoteEnd, ...row }) => {
    const { status, span } = (readers.get(row.sourceId) ?? noText)(row.quote, storedSpan({ quoteStart, quoteEnd }));
    return { ...row, quoteStatus: status, quoteSpan: span };
  });
}

/** Live entries matching `where`, with their quote status. */
async function liveEntries(where: Prisma.Sql) {
  await requireReader();
  return withQuoteStatus(await readEntries(where));
}

const inNegotiation = (negotiationId: number) => Prisma.sql`e."negotiationId" = ${negotiationId}`;

/** The entry names this party among those who made it (a joint statement counts for each); starts from the party's links (index on partyId). */
const madeBy = (partyId: number) => Prisma.sql`e."id" IN (SELECT mp."entryId" FROM "PositionEntryParty" mp WHERE mp."partyId" = ${partyId})`;

/**
 * The as-of read, in the database: for each cell (party, issue), its live entries stated on
 * the cell's two latest days up to `asOf` (window function over every party an entry names, so
 * a joint statement counts for each party). Those days hold all a cell shows: the entry in
 * force (latest day, then latest recorded: lib/as-of.ts, decision 004), the one before it, its
 * reading and the previous day's reading. lib/matrix.ts matrixFromAsOfRead applies the as-of
 * rule to them; tests/db/as-of-sql.property.test.ts checks the result equals the rule applied
 * to every entry.
 */
const inAsOfRead = (negotiationId: number, asOf: string) => Prisma.sql`e."id" IN (
  SELECT r."id" FROM (
    SELECT a."id", DENSE_RANK() OVER (PARTITION BY ap."partyId", a."issueId" ORDER BY a."statedOn" DESC) AS "day"
    FROM "PositionEntry" a JOIN "PositionEntryParty" ap ON ap."entryId" = a."id"
    WHERE a."negotiationId" = ${negotiationId} AND a."statedOn" <= ${asOf} AND ${Prisma.raw(liveEntrySql("a"))}
  ) r WHERE r."day" <= 2)`;

/** Per cell, how many live entries are stated up to `asOf` and after it (the matrix's "earlier"/"later" marks). */
async function readCellCounts(negotiationId: number, asOf: string): Promise<Map<string, CellCounts>> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ partyId: number | bigint; issueId: number | bigint; upTo: number | bigint; after: number | bigint }>>`
    SELECT ep."partyId", e."issueId",
      SUM(CASE WHEN e."statedOn" <= ${asOf} THEN 1 ELSE 0 END) AS "upTo",
      SUM(CASE WHEN e."statedOn" > ${asOf} THEN 1 ELSE 0 END) AS "after"
    FROM "PositionEntry" e JOIN "PositionEntryParty" ep ON ep."entryId" = e."id"
    WHERE ${inNegotiation(negotiationId)} AND ${Prisma.raw(liveEntrySql("e"))}
    GROUP BY ep."partyId", e."issueId"`;
  return new Map(rows.map((r) => [cellKey(Number(r.issueId), Number(r.partyId)), { upTo: Number(r.upTo), after: Number(r.after) }]));
}

/** The matrix as of a day with its cells' neighbour counts; `quoteStatus` adds each shown entry's quote check. */
async function readMatrix(negotiationId: number, asOf: string) {
  const [parties, issues, entries, counts] = await Promise.all([
    listParties(negotiationId),
    listIssues(negotiationId),
    readEntries(inAsOfRead(negotiationId, asOf)),
    readCellCounts(negotiationId, asOf),
  ]);
  return { parties, issues, entries, counts };
}

/**
 * The party-by-issue matrix as of a day (the detailed matrix, the matrix export): computed in
 * the database (the as-of read above), so the page never loads a negotiation's entries.
 */
export async function getMatrix({ negotiationId, asOf }: { negotiationId: number; asOf: string }) {
  await requireReader();
  const { parties, issues, entries, counts } = await readMatrix(negotiationId, asOf);
  const shown = await withQuoteStatus(entries);
  const cells = matrixFromAsOfRead({ issueIds: issues.map((i) => i.id), partyIds: parties.map((p) => p.id), entries: shown, asOf, counts });
  return { parties, issues, cells, cellKey };
}

/**
 * For each cell (party, issue), the live entry in force on `asOf`: the latest day up to it, then
 * the latest recorded (the tie-break of lib/as-of.ts, decision 004), picked in the database with
 * ROW_NUMBER over every party an entry names (a joint statement counts for each).
 */
const inForceRead = (negotiationId: number, asOf: string) => Prisma.sql`e."id" IN (
  SELECT r."id" FROM (
    SELECT a."id", ROW_NUMBER() OVER (PARTITION BY ap."partyId", a."issueId" ORDER BY a."statedOn" DESC, a."id" DESC) AS "n"
    FROM "PositionEntry" a JOIN "PositionEntryParty" ap ON ap."entryId" = a."id"
    WHERE a."negotiationId" = ${negotiationId} AND a."statedOn" <= ${asOf} AND ${Prisma.raw(liveEntrySql("a"))}
  ) r WHERE r."n" = 1)`;

/**
 * A negotiation's live parties and issues, and of its entries only those in force on `asOf`
 * (one per cell, a joint one once): buildGapRows finds the same entry in force in them as in
 * all entries (tests/db/as-of-sql.property.test.ts).
 */
export async function getAsOfEntries({ negotiationId, asOf }: { negotiationId: number; asOf: string }) {
  await requireReader();
  const [parties, issues, entries] = await Promise.all([listParties(negotiationId), listIssues(negotiationId), readEntries(inForceRead(negotiationId, asOf))]);
  return { parties, issues, entries };
}

/** Per cell, how many live entries are stated after `from` up to `to` (whether the two entries in force are consecutive). */
async function readCountsBetween(negotiationId: number, from: string, to: string): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ partyId: number | bigint; issueId: number | bigint; n: number | bigint }>>`
    SELECT ep."partyId", e."issueId", COUNT(*) AS "n"
    FROM "PositionEntry" e JOIN "PositionEntryParty" ep ON ep."entryId" = e."id"
    WHERE ${inNegotiation(negotiationId)} AND e."statedOn" > ${from} AND e."statedOn" <= ${to} AND ${Prisma.raw(liveEntrySql("e"))}
    GROUP BY ep."partyId", e."issueId"`;
  return new Map(rows.map((r) => [cellKey(Number(r.issueId), Number(r.partyId)), Number(r.n)]));
}

/**
 * What changed between two days (swapped if given backwards), in the database: the entry in
 * force per cell on each day and each cell's count of entries between them, compared by
 * lib/history.ts compareInForce. Never each cell's whole history.
 */
export async function getComparison({ negotiationId, from: a, to: b }: { negotiationId: number; from: string; to: string }) {
  await requireReader();
  const [from, to] = a <= b ? [a, b] : [b, a];
  const [parties, issues, before, after, between] = await Promise.all([
    listParties(negotiationId),
    listIssues(negotiationId),
    readEntries(inForceRead(negotiationId, from)),
    readEntries(inForceRead(negotiationId, to)),
    readCountsBetween(negotiationId, from, to),
  ]);
  const issueIds = issues.map((i) => i.id);
  const partyIds = parties.map((p) => p.id);
  const inForce = (entries: EntryRow[], asOf: string) => new Map([...buildMatrix({ issueIds, partyIds, entries, asOf })].map(([key, cell]) => [key, cell.current]));
  return { parties, issues, ...compareInForce({ issueIds, partyIds, from, to, before: inForce(before, from), after: inForce(after, to), between }) };
}

/** A negotiation's live parties and issues, and every live entry one party made (its profile), in date order. */
export async function getPartyEntries(negotiationId: number, partyId: number) {
  await requireReader();
  const [parties, issues, entries] = await Promise.all([
    listParties(negotiationId),
    listIssues(negotiationId),
    readEntries(Prisma.sql`${inNegotiation(negotiationId)} AND ${madeBy(partyId)}`),
  ]);
  return { parties, issues, entries };
}

/**
 * A negotiation's live parties, issues and entries (date order): what the timeline and the
 * exports compute from (lib/history.ts). Without sources' text or quote checks.
 */
export async function getNegotiationEntries(negotiationId: number) {
  await requireReader();
  const [parties, issues, entries] = await Promise.all([listParties(negotiationId), listIssues(negotiationId), readEntries(inNegotiation(negotiationId))]);
  return { parties, issues, entries };
}

export async function listEntriesOfSource(negotiationId: number, sourceId: number) {
  return liveEntries(Prisma.sql`${inNegotiation(negotiationId)} AND e."sourceId" = ${sourceId}`);
}

/** Every entry of one party on one issue (the cell's history), in date order. */
export async function listEntriesOfCell(negotiationId: number, partyId: number, issueId: number) {
  return liveEntries(cellWhere(negotiationId, partyId, issueId));
}

const cellWhere = (negotiationId: number, partyId: number, issueId: number) =>
  Prisma.sql`${inNegotiation(negotiationId)} AND e."issueId" = ${issueId} AND ${madeBy(partyId)}`;

/** How many live entries match `where` (SQL over `e`): the total a paged list shows. */
async function countEntries(where: Prisma.Sql): Promise<number> {
  const db = await getDb();
  const [row] = await db.$queryRaw<Array<{ n: number | bigint }>>`
    SELECT COUNT(*) AS "n" FROM "PositionEntry" e WHERE ${where} AND ${Prisma.raw(liveEntrySql("e"))}`;
  return Number(row?.n ?? 0);
}

/**
 * The live entries matching `where` from the `offset`-th (0-based) in date then recording order,
 * at most `limit` of them: the page is picked in SQL, by entry (not by entry and party row).
 */
function inDateOrderSlice(where: Prisma.Sql, offset: number, limit: number) {
  return Prisma.sql`e."id" IN (
    SELECT e."id" FROM "PositionEntry" e WHERE ${where} AND ${Prisma.raw(liveEntrySql("e"))}
    ORDER BY e."statedOn", e."id" LIMIT ${limit} OFFSET ${offset})`;
}

/** What strips and the issue page read of an entry: its day, stance, firmness and parties; no wording, no source. */
async function readPoints(where: Prisma.Sql): Promise<IssuePoint[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ id: number | bigint; issueId: number | bigint; statedOn: string; stance: string; firmness: string | null; partyId: number | bigint }>>`
    SELECT e."id", e."issueId", e."statedOn", e."stance", e."firmness", ep."partyId"
    FROM "PositionEntry" e JOIN "PositionEntryParty" ep ON ep."entryId" = e."id"
    WHERE ${where} AND ${Prisma.raw(liveEntrySql("e"))}
    ORDER BY e."statedOn", e."id", ep."partyId"`;
  const out: IssuePoint[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.id === Number(r.id)) last.partyIds.push(Number(r.partyId));
    else out.push({ id: Number(r.id), issueId: Number(r.issueId), statedOn: r.statedOn, stance: r.stance, firmness: r.firmness, partyIds: [Number(r.partyId)] });
  }
  return out;
}

/** Full entries (with quote status) by id, in date order; a bounded list (one page). */
async function entriesById(ids: readonly number[]) {
  return ids.length > 0 ? withQuoteStatus(await readEntries(Prisma.sql`e."id" IN (${Prisma.join([...ids])})`)) : [];
}

/**
 * One page of a cell's history (PAGE_SIZE entries, newest or oldest first: lib/cell-history.ts)
 * or null when the page does not exist (past the last: the page answers 404). `points` are all
 * the cell's entries, day, stance and firmness only (the stance strip, the entry in force on a
 * day); `entries` the page's in full with their quote status, in date order, and `previous` the
 * entry just before the page's oldest (what it is compared with), or null.
 */
export async function listEntriesOfCellPage(
  negotiationId: number,
  partyId: number,
  issueId: number,
  page: number,
  order: HistoryOrder = "oldest",
  pageSize = PAGE_SIZE,
) {
  await requireReader();
  const points = await readPoints(cellWhere(negotiationId, partyId, issueId));
  const at = pageOf(page, points.length, pageSize);
  if (!at) return null;
  const { lo, hi } = historyWindow(at, order);
  const rows = await entriesById(points.slice(Math.max(0, lo - 1), hi).map((p) => p.id));
  const previous = lo > 0 ? (rows.shift() ?? null) : null;
  return { page: at satisfies Page, points, entries: rows, previous };
}

/**
 * The issue page: the issue, the negotiation's live parties, every live entry on the issue (day,
 * stance, firmness, parties: never their wording, and never another issue's), and one page of the
 * entries that moved it (lib/issue-page.ts issueMoves), newest first, in full. Null when the issue
 * is unknown or in the trash, or the page does not exist.
 */
export async function getIssuePage(negotiationId: number, issueId: number, page: number, pageSize = PAGE_SIZE) {
  await requireReader();
  const [issue, parties, points] = await Promise.all([
    getIssue(negotiationId, issueId),
    listParties(negotiationId),
    readPoints(Prisma.sql`${inNegotiation(negotiationId)} AND e."issueId" = ${issueId}`),
  ]);
  if (!issue) return null;
  const moves = issueMoves(points);
  const at = pageOf(page, moves.length, pageSize);
  if (!at) return null;
  const shown = moves.slice(at.offset, at.offset + pageSize);
  const byId = new Map((await entriesById(shown.map((m) => m.id))).map((e) => [e.id, e]));
  return { issue, parties, points, page: at, moved: shown.map((m) => ({ ...m, entry: byId.get(m.id)! })) };
}

export async function getEntry(negotiationId: number, id: number) {
  const [row] = await liveEntries(Prisma.sql`${inNegotiation(negotiationId)} AND e."id" = ${id}`);
  return row ?? null;
}

/**
 * The live entries that would leave the matrix if this party, issue or source went to the trash
 * (shown on its delete confirmation): how many, and the first `limit` of them, newest first.
 */
export async function listDependants(negotiationId: number, kind: DependencyKind, id: number, limit = 50) {
  await requireReader();
  const db = await getDb();
  const where = { AND: [{ negotiationId }, dependantsWhere(kind, id)] };
  const [count, entries] = await Promise.all([
    db.positionEntry.count({ where }),
    db.positionEntry.findMany({
      where,
      orderBy: [{ statedOn: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, statedOn: true, summary: true, issueId: true, parties: { select: { partyId: true }, orderBy: { partyId: "asc" } } },
    }),
  ]);
  return { count, entries: entries.map(({ parties, ...e }) => ({ ...e, partyIds: parties.map((p) => p.partyId) })) };
}

/**
 * Whether a live entry's quote occurs in its source's current text, with where to check it
 * (the message after a restore), or null when the entry is not live.
 */
export async function getQuoteStatus(id: number) {
  await requireReader();
  const db = await getDb();
  const [view] = await withQuoteStatus(await readEntries(Prisma.sql`e."id" = ${id}`));
  if (!view) return null;
  const negotiation = await db.positionEntry.findUniqueOrThrow({ where: { id }, select: { negotiation: { select: { slug: true } } } });
  return { status: view.quoteStatus, slug: negotiation.negotiation.slug, sourceId: view.sourceId };
}

/**
 * A live entry whose quote its source's text does not contain: it has a quote, its source has a
 * text, and no stored position. Every write stores the position of a quote the text contains
 * (decision 017), and entries saved without one are located at start-up
 * (server/mutations/sources.ts locateUnplacedQuotes), so this is SQL alone (decision 024).
 */
const quoteToCheck = (negotiationId: number) =>
  Prisma.sql`${inNegotiation(negotiationId)} AND e."quote" <> '' AND e."quoteStart" IS NULL
    AND e."sourceId" IN (SELECT ts."id" FROM "Source" ts WHERE ts."negotiationId" = ${negotiationId} AND ts."text" IS NOT NULL)`;

/** How many of the negotiation's live entries quote words their source no longer contains (the sources list's notice). */
export async function countQuotesToCheck(negotiationId: number): Promise<number> {
  await requireReader();
  return countEntries(quoteToCheck(negotiationId));
}

/**
 * One page of the negotiation's live entries whose quote their source's text no longer contains
 * (the "Quotes to check" page), in date order, with the total; null past the last page. The
 * page's entries are checked against the current text as every shown entry is (withQuoteStatus).
 */
export async function listQuotesToCheckPage(negotiationId: number, page: number, pageSize = PAGE_SIZE) {
  await requireReader();
  const where = quoteToCheck(negotiationId);
  const at = pageOf(page, await countEntries(where), pageSize);
  if (!at) return null;
  return { page: at, entries: await withQuoteStatus(await readEntries(inDateOrderSlice(where, at.offset, pageSize))) };
}

/** The timeline's scope: a negotiation's live entries stated from `from` (inclusive) to `to` (exclusive), on one issue or all. */
export interface TimelineScope {
  negotiationId: number;
  issueId: number | null;
  /** One party's entries (its own and the joint statements it made), or every party's. */
  partyId?: number | null;
  from: string;
  to: string;
}

const inTimelineScope = ({ negotiationId, issueId, partyId = null, from, to }: TimelineScope) =>
  Prisma.sql`${inNegotiation(negotiationId)} AND e."statedOn" >= ${from} AND e."statedOn" < ${to}${issueId === null ? Prisma.empty : Prisma.sql` AND e."issueId" = ${issueId}`}${partyId === null ? Prisma.empty : Prisma.sql` AND ${madeBy(partyId)}`}`;

/**
 * Marks (one per entry and party that made it) per party, month ("YYYY-MM") and stance in the
 * scope, counted in SQL: the summarised timeline, and by their sum whether the page can draw the
 * scope mark by mark (lib/timeline-summary.ts TIMELINE_DETAIL_LIMIT).
 */
export async function countTimelineMonths(scope: TimelineScope): Promise<MonthCount[]> {
  await requireReader();
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ partyId: number | bigint; month: string; stance: string; n: number | bigint }>>`
    SELECT ep."partyId", SUBSTR(e."statedOn", 1, 7) AS "month", e."stance", COUNT(*) AS "n"
    FROM "PositionEntry" e JOIN "PositionEntryParty" ep ON ep."entryId" = e."id"
    WHERE ${inTimelineScope(scope)} AND ${Prisma.raw(liveEntrySql("e"))}${scope.partyId == null ? Prisma.empty : Prisma.sql` AND ep."partyId" = ${scope.partyId}`}
    GROUP BY ep."partyId", SUBSTR(e."statedOn", 1, 7), e."stance"`;
  return rows.map((r) => ({ partyId: Number(r.partyId), month: r.month, stance: r.stance, n: Number(r.n) }));
}

/**
 * Entries (each once, a joint statement too) per issue and month in the scope, counted in SQL:
 * the summarised timeline's lanes by issue (lib/timeline-summary.ts buildIssueRows).
 */
export async function countTimelineIssueMonths(scope: TimelineScope): Promise<IssueMonthCount[]> {
  await requireReader();
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ issueId: number | bigint; month: string; n: number | bigint }>>`
    SELECT e."issueId", SUBSTR(e."statedOn", 1, 7) AS "month", COUNT(*) AS "n"
    FROM "PositionEntry" e
    WHERE ${inTimelineScope(scope)} AND ${Prisma.raw(liveEntrySql("e"))}
    GROUP BY e."issueId", SUBSTR(e."statedOn", 1, 7)`;
  return rows.map((r) => ({ issueId: Number(r.issueId), month: r.month, n: Number(r.n) }));
}

/**
 * The live entries (date order) of each cell's two latest days before `before` (an entry's day
 * and id: entries of that day recorded earlier count as before): what a page of entries needs
 * to classify each entry's change against the reading before it (lib/history.ts), when the
 * entries before the page are not read. Two days, not one, because the page may start inside a
 * day whose first entries are on the previous page: then that day's earlier entries and the day
 * before them are both needed.
 */
function beforeInCell(scope: Pick<TimelineScope, "negotiationId" | "issueId">, before: { statedOn: string; id: number }) {
  return Prisma.sql`e."id" IN (
    SELECT r."id" FROM (
      SELECT a."id", DENSE_RANK() OVER (PARTITION BY ap."partyId", a."issueId" ORDER BY a."statedOn" DESC) AS "day"
      FROM "PositionEntry" a JOIN "PositionEntryParty" ap ON ap."entryId" = a."id"
      WHERE a."negotiationId" = ${scope.negotiationId}${scope.issueId === null ? Prisma.empty : Prisma.sql` AND a."issueId" = ${scope.issueId}`}
        AND (a."statedOn" < ${before.statedOn} OR (a."statedOn" = ${before.statedOn} AND a."id" < ${before.id}))
        AND ${Prisma.raw(liveEntrySql("a"))}
    ) r WHERE r."day" <= 2)`;
}

/**
 * The timeline's entries in the scope (date order), all of them or one page (`page`, PAGE_SIZE
 * entries), with `context`: the entries just before them in their cells, which are not shown but
 * give the first shown entries their change types. Null when the page does not exist.
 */
export async function getTimelineEntries(scope: TimelineScope, page: number | null = null) {
  await requireReader();
  const where = inTimelineScope(scope);
  let at: Page | null = null;
  let entries: EntryRow[];
  if (page === null) entries = await readEntries(where);
  else {
    at = pageOf(page, await countEntries(where));
    if (!at) return null;
    entries = await readEntries(inDateOrderSlice(where, at.offset, at.pageSize));
  }
  const first = entries[0];
  const context = first ? await readEntries(beforeInCell(scope, first)) : [];
  return { entries, context, page: at };
}

/**
 * Entries of the scope's negotiation (and issue) dated outside `first` … `last` (stored before
 * Parley's range of days was enforced): how many, and the first 50, which the timeline lists
 * instead of drawing.
 */
export async function listEntriesOutsideDays(scope: Pick<TimelineScope, "negotiationId" | "issueId">, first: string, last: string) {
  await requireReader();
  const where = Prisma.sql`${inNegotiation(scope.negotiationId)}${scope.issueId === null ? Prisma.empty : Prisma.sql` AND e."issueId" = ${scope.issueId}`}
    AND (e."statedOn" < ${first} OR e."statedOn" > ${last})`;
  const [total, entries] = await Promise.all([countEntries(where), readEntries(inDateOrderSlice(where, 0, 50))]);
  return { total, entries };
}

/**
 * One page of a party's profile (docs/decisions/024): the party's live entries ordered by issue
 * (matrix order) then date, PAGE_SIZE at a time, so a page holds whole stretches of issue
 * histories; for the page's first issue, the party's entries of its two latest days before the
 * page (their change types); and over the whole history, counted in SQL, each issue's number of
 * entries, first day and entry in force on `asOf`. Null past the last page.
 */
export async function getPartyProfilePage(negotiationId: number, partyId: number, asOf: string, page: number, pageSize = PAGE_SIZE) {
  await requireReader();
  const db = await getDb();
  const own = Prisma.sql`${inNegotiation(negotiationId)} AND ${madeBy(partyId)} AND ${Prisma.raw(liveEntrySql("e"))}`;
  const [counts, current] = await Promise.all([
    db.$queryRaw<Array<{ issueId: number | bigint; n: number | bigint; first: string }>>`
      SELECT e."issueId", COUNT(*) AS "n", MIN(e."statedOn") AS "first" FROM "PositionEntry" e WHERE ${own} GROUP BY e."issueId"`,
    // The entries of each issue's latest day up to asOf: the one in force is among them (lib/as-of.ts picks it).
    readEntries(Prisma.sql`e."id" IN (
      SELECT r."id" FROM (
        SELECT e."id", DENSE_RANK() OVER (PARTITION BY e."issueId" ORDER BY e."statedOn" DESC) AS "day"
        FROM "PositionEntry" e WHERE ${own} AND e."statedOn" <= ${asOf}
      ) r WHERE r."day" = 1)`),
  ]);
  const at = pageOf(page, counts.reduce((n, c) => n + Number(c.n), 0), pageSize);
  if (!at) return null;
  const order = await db.$queryRaw<Array<{ id: number | bigint; issueId: number | bigint; statedOn: string }>>`
    SELECT e."id", e."issueId", e."statedOn" FROM "PositionEntry" e JOIN "Issue" i ON i."id" = e."issueId" WHERE ${own}
    ORDER BY i."order", i."name", i."id", e."statedOn", e."id" LIMIT ${pageSize} OFFSET ${at.offset}`;
  const first = order[0];
  const [entries, context] = await Promise.all([
    order.length ? readEntries(Prisma.sql`e."id" IN (${Prisma.join(order.map((o) => Number(o.id)))})`) : Promise.resolve([]),
    first
      ? readEntries(beforeInCell({ negotiationId, issueId: Number(first.issueId) }, { statedOn: first.statedOn, id: Number(first.id) }))
      : Promise.resolve([]),
  ]);
  const currentByIssue = new Map<number, EntryRow[]>();
  for (const e of current) currentByIssue.set(e.issueId, [...(currentByIssue.get(e.issueId) ?? []), e]);
  const summaries: Array<IssueSummary<EntryRow>> = counts.map((c) => ({
    issueId: Number(c.issueId),
    count: Number(c.n),
    firstStated: c.first,
    current: positionAsOf(currentByIssue.get(Number(c.issueId)) ?? [], asOf),
  }));
  return { page: at, summaries, entries, context };
}
