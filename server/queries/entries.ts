import "server-only";
import { buildMatrix, cellKey } from "@/lib/matrix";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
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
  notes: true,
  changeOverride: true,
  version: true,
  parties: { select: { partyId: true }, orderBy: { partyId: "asc" } },
  source: { select: { id: true, title: true, outlet: true, url: true, publishedOn: true, language: true, text: true } },
} satisfies Prisma.PositionEntrySelect;

type EntryRow = Prisma.PositionEntryGetPayload<{ select: typeof entrySelect }>;

function shape({ parties, source, ...entry }: EntryRow) {
  // `hasText` rather than the text itself: a cell only needs to know if the quote was checkable.
  const { text, ...sourceInfo } = source;
  return { ...entry, partyIds: parties.map((p) => p.partyId), source: { ...sourceInfo, hasText: text !== null } };
}
export type EntryView = ReturnType<typeof shape>;

/** Live entries of a negotiation in date order; the party, issue and source must be live too. */
async function liveEntries(where: Prisma.PositionEntryWhereInput) {
  const db = await getDb();
  const rows = await db.positionEntry.findMany({
    where: { ...where, deletedAt: null, issue: { deletedAt: null }, source: { deletedAt: null } },
    orderBy: [{ statedOn: "asc" }, { id: "asc" }],
    select: entrySelect,
  });
  return rows.map(shape);
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
  const db = await getDb();
  const row = await db.positionEntry.findFirst({ where: { id, negotiationId, deletedAt: null }, select: entrySelect });
  return row ? shape(row) : null;
}
