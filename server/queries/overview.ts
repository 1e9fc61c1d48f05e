import "server-only";
import { buildMatrix, cellKey } from "@/lib/matrix";
import { overviewCellOf } from "@/lib/overview";
import type { ChangeWindow } from "@/lib/window";
import { getDb } from "../db";
import { liveEntryWhere } from "../live";
import { maySeeTrash, requireReader } from "../session";
import { getAsOfEntries } from "./entries";

/**
 * The overview matrix: per cell only what the compact view shows (stance, firmness, date,
 * change mark, entries that day). No summaries, quotes or sources reach the page: those load
 * per cell on demand (getCellDetails), which keeps the page small at any size (decision 012).
 * The as-of read (docs/decisions/022) gives each cell's two latest days up to the as-of day:
 * the reading in force and the one before it, all the change mark compares.
 */
export async function getOverview({ negotiationId, asOf, windowDays }: { negotiationId: number; asOf: string; windowDays: ChangeWindow | null }) {
  await requireReader();
  // The as-of read (server/queries/entries.ts): only each cell's two latest days up to the day.
  const { parties, issues, entries } = await getAsOfEntries({ negotiationId, asOf });
  const matrix = buildMatrix({ issueIds: issues.map((i) => i.id), partyIds: parties.map((p) => p.id), entries, asOf });
  const cells = new Map([...matrix].map(([key, cell]) => [key, overviewCellOf(cell, asOf, windowDays)]));
  return { parties, issues, cells, cellKey };
}

/** When a negotiation last moved: its latest statement day and its latest recorded change. */
export async function getNegotiationActivity(negotiationId: number) {
  await requireReader();
  const db = await getDb();
  const [entries, sources] = await Promise.all([
    db.positionEntry.aggregate({ where: { negotiationId, ...liveEntryWhere }, _max: { statedOn: true, updatedAt: true }, _count: true }),
    db.source.aggregate({ where: { negotiationId }, _max: { updatedAt: true } }),
  ]);
  const times = [entries._max.updatedAt, sources._max.updatedAt].filter((d): d is Date => d !== null);
  return {
    latestStatedOn: entries._max.statedOn ?? null,
    lastUpdatedAt: times.length > 0 ? new Date(Math.max(...times.map((d) => d.getTime()))) : null,
    entryCount: entries._count,
  };
}

/** Each live negotiation's latest recorded change to an entry or source (the home cards). */
export async function lastUpdatedByNegotiation() {
  await requireReader();
  const db = await getDb();
  const [entries, sources] = await Promise.all([
    db.positionEntry.groupBy({ by: ["negotiationId"], _max: { updatedAt: true } }),
    db.source.groupBy({ by: ["negotiationId"], _max: { updatedAt: true } }),
  ]);
  const out = new Map<number, Date>();
  for (const g of [...entries, ...sources]) {
    const at = g._max.updatedAt;
    const seen = out.get(g.negotiationId);
    if (at && (!seen || at > seen)) out.set(g.negotiationId, at);
  }
  return out;
}

/** The day an entry was stated (to reopen the matrix there after an undo). */
export async function restoredDay(negotiationId: number, id: number) {
  await requireReader();
  const db = await getDb();
  const row = await db.positionEntry.findFirst({ where: { id, negotiationId }, select: { statedOn: true } });
  return row?.statedOn ?? null;
}

/** An entry in the trash, as the matrix's "deleted · Undo" message names it; null when it is not in the trash. */
export async function getDeletedEntry(negotiationId: number, id: number) {
  await requireReader();
  // What is in the trash is for those who may restore it (docs/decisions/016).
  if (!(await maySeeTrash())) return null;
  const db = await getDb();
  const row = await db.positionEntry.findFirst({
    where: { id, negotiationId, deletedAt: { not: null } },
    select: { id: true, version: true, issueId: true, stance: true, statedOn: true, parties: { select: { partyId: true } } },
  });
  return row ? { ...row, partyIds: row.parties.map((p) => p.partyId) } : null;
}
