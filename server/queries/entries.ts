import "server-only";
import { buildMatrix, cellKey } from "@/lib/matrix";
import { quoteReader, storedSpan, type QuoteCheck, type QuoteSpan } from "@/lib/quote";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
import { dependantsWhere, liveEntryWhere, type DependencyKind } from "../live";
import { requireReader } from "../session";
import { listIssues, listParties } from "./parties-and-issues";

/** What a matrix cell, a history row or a source page shows of an entry. */
const entrySelect = {
  id: true,
  issueId: true,
  sourceId: true,
  statedOn: true,
  stance: true,
  firmness: true,
  summary: true,
  quote: true,
  quoteStart: true,
  quoteEnd: true,
  notes: true,
  changeOverride: true,
  version: true,
  parties: { select: { partyId: true }, orderBy: { partyId: "asc" } },
  source: { select: { id: true, title: true, outlet: true, url: true, publishedOn: true, language: true } },
} satisfies Prisma.PositionEntrySelect;

type EntryRow = Prisma.PositionEntryGetPayload<{ select: typeof entrySelect }>;

function shape({ parties, quoteStart, quoteEnd, ...entry }: EntryRow, { status, span }: { status: QuoteCheck["status"]; span: QuoteSpan | null }) {
  return { ...entry, partyIds: parties.map((p) => p.partyId), quoteStatus: status, quoteSpan: span };
}
export type EntryView = ReturnType<typeof shape>;

/**
 * Adds to each entry whether its quote occurs in its source's text as the text is *now*
 * (lib/quote.ts), and where: a quote the text no longer contains shows "Quote not found in
 * source" instead of a stale "found". The stored position is kept while it still holds the quote;
 * an entry saved before positions were stored is located here (docs/decisions/017). The texts
 * are read and folded once per source, not once per entry.
 */
async function withQuoteStatus(rows: EntryRow[]): Promise<EntryView[]> {
  const needText = [...new Set(rows.filter((r) => r.quote).map((r) => r.sourceId))];
  const readers = new Map<number, ReturnType<typeof quoteReader>>();
  if (needText.length) {
    const db = await getDb();
    const sources = await db.source.findMany({ where: { id: { in: needText } }, select: { id: true, text: true } });
    for (const source of sources) readers.set(source.id, quoteReader(source.text));
  }
  const noText = quoteReader(null);
  return rows.map((row) => shape(row, (readers.get(row.sourceId) ?? noText)(row.quote, storedSpan(row))));
}

/** Live entries (server/live.ts) of a negotiation in date order. */
async function liveEntries(where: Prisma.PositionEntryWhereInput) {
  await requireReader();
  const db = await getDb();
  const rows = await db.positionEntry.findMany({
    where: { AND: [where, liveEntryWhere] },
    orderBy: [{ statedOn: "asc" }, { id: "asc" }],
    select: entrySelect,
  });
  return withQuoteStatus(rows);
}

/**
 * The party-by-issue matrix as of a day. Reads the negotiation's entries once (one indexed
 * query) and applies the as-of rule in lib/matrix.ts.
 */
export async function getMatrix({ negotiationId, asOf }: { negotiationId: number; asOf: string }) {
  const { parties, issues, entries } = await getNegotiationEntries(negotiationId);
  const cells = buildMatrix({ issueIds: issues.map((i) => i.id), partyIds: parties.map((p) => p.id), entries, asOf });
  return { parties, issues, cells, entryCount: entries.length, cellKey };
}

/**
 * A negotiation's live parties, issues and entries (date order): what the timeline, the
 * comparison of two dates, party profiles and the gap view compute from (lib/history.ts).
 */
export async function getNegotiationEntries(negotiationId: number) {
  const [parties, issues, entries] = await Promise.all([
    listParties(negotiationId),
    listIssues(negotiationId),
    liveEntries({ negotiationId }),
  ]);
  return { parties, issues, entries };
}

export async function listEntriesOfSource(negotiationId: number, sourceId: number) {
  return liveEntries({ negotiationId, sourceId });
}

/** Every entry of one party on one issue (the cell's history), in date order. */
export async function listEntriesOfCell(negotiationId: number, partyId: number, issueId: number) {
  return liveEntries({ negotiationId, issueId, parties: { some: { partyId } } });
}

export async function getEntry(negotiationId: number, id: number) {
  await requireReader();
  const db = await getDb();
  const row = await db.positionEntry.findFirst({ where: { id, negotiationId, ...liveEntryWhere }, select: entrySelect });
  return row ? (await withQuoteStatus([row]))[0]! : null;
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
  const row = await db.positionEntry.findFirst({ where: { id, ...liveEntryWhere }, select: { ...entrySelect, negotiation: { select: { slug: true } } } });
  if (!row) return null;
  const { negotiation, ...entry } = row;
  const [view] = await withQuoteStatus([entry]);
  return { status: view!.quoteStatus, slug: negotiation.slug, sourceId: entry.sourceId };
}

/**
 * The negotiation's live entries whose quote their source's text no longer contains (the
 * "Quotes to check" page), in date order. A located quote has a stored position, so only entries
 * without one are read and checked.
 */
export async function listEntriesWithQuoteToCheck(negotiationId: number) {
  const entries = await liveEntries({ negotiationId, quote: { not: "" }, quoteStart: null, source: { text: { not: null } } });
  return entries.filter((e) => e.quoteStatus === "missing");
}
