import "server-only";
import { cache } from "react";
import { cellKey } from "@/lib/matrix";
import { overviewCellsFromReadings, type OverviewCell, type ReadingRow } from "@/lib/overview";
import type { ChangeWindow } from "@/lib/window";
import { getDb } from "../db";
import { Prisma } from "../generated/prisma/client";
import { liveEntrySql, liveEntryWhere } from "../live";
import { maySeeTrash, requireReader } from "../session";
import { listIssues, listParties } from "./parties-and-issues";

/**
 * The overview's read, in the database: for each cell (party, issue) its live entries stated on
 * the cell's two latest days up to `asOf`, one row per entry and party it names (a joint
 * statement counts for each), with only the columns a compact cell needs. The days are ranked
 * over index columns only (the covering index on PositionEntry); the ~2 rows per cell kept are
 * then joined to their entry rows for stance, firmness and override, so the read never opens the
 * rows (summaries, quotes) of the entries it drops. Portable SQL (window function, no
 * SQLite-only functions).
 */
async function readReadings(negotiationId: number, asOf: string): Promise<ReadingRow[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<Record<keyof ReadingRow, unknown>>>`
    SELECT r."id", r."issueId", r."partyId", r."statedOn", x."stance", x."firmness", x."changeOverride", r."day" FROM (
      SELECT e."id", e."issueId", ep."partyId", e."statedOn",
        DENSE_RANK() OVER (PARTITION BY ep."partyId", e."issueId" ORDER BY e."statedOn" DESC) AS "day"
      FROM "PositionEntry" e JOIN "PositionEntryParty" ep ON ep."entryId" = e."id"
      WHERE e."negotiationId" = ${negotiationId} AND e."statedOn" <= ${asOf} AND ${Prisma.raw(liveEntrySql("e"))}
    ) r JOIN "PositionEntry" x ON x."id" = r."id"
    WHERE r."day" <= 2`;
  return rows.map((r) => ({
    id: Number(r.id),
    issueId: Number(r.issueId),
    partyId: Number(r.partyId),
    statedOn: String(r.statedOn),
    stance: String(r.stance),
    firmness: r.firmness == null ? null : String(r.firmness),
    changeOverride: r.changeOverride == null ? null : String(r.changeOverride),
    day: Number(r.day),
  }));
}

/**
 * The overview matrix: per cell only what the compact view shows (stance, firmness, date,
 * change mark, entries that day). No summaries, quotes or sources reach the page: those load
 * per cell on demand (the cell panel), which keeps the page small at any size (decision 012).
 * The read (readReadings) gives each cell's two latest days up to the as-of day: the reading
 * in force and the one before it, all the change mark compares (docs/decisions/022, 025).
 */
export async function getOverview({ negotiationId, asOf, windowDays }: { negotiationId: number; asOf: string; windowDays: ChangeWindow | null }) {
  await requireReader();
  const [parties, issues, rows] = await Promise.all([listParties(negotiationId), listIssues(negotiationId), readReadings(negotiationId, asOf)]);
  const shown = overviewCellsFromReadings(rows, asOf, windowDays);
  const cells = new Map<string, OverviewCell | null>();
  for (const issue of issues) for (const party of parties) cells.set(cellKey(issue.id, party.id), shown.get(cellKey(issue.id, party.id)) ?? null);
  return { parties, issues, cells, cellKey };
}

/**
 * When a negotiation last moved: its latest statement day, its latest recorded change and how
 * many live entries it has. Cached per request (the layout and the matrix page both ask). The
 * two latest values walk an index from the newest row and stop at the first live one (the
 * statement day on the as-of index, the change on (negotiationId, updatedAt)); only the count
 * reads every entry, from the covering index, never the rows.
 */
export const getNegotiationActivity = cache(async (negotiationId: number) => {
  await requireReader();
  const db = await getDb();
  const newest = (orderBy: Prisma.PositionEntryOrderByWithRelationInput) =>
    db.positionEntry.findFirst({ where: { negotiationId, ...liveEntryWhere }, orderBy, select: { statedOn: true, updatedAt: true } });
  const [latestStated, latestUpdated, [count], sources] = await Promise.all([
    newest({ statedOn: "desc" }),
    newest({ updatedAt: "desc" }),
    db.$queryRaw<Array<{ n: number | bigint }>>`
      SELECT COUNT(*) AS "n" FROM "PositionEntry" e WHERE e."negotiationId" = ${negotiationId} AND ${Prisma.raw(liveEntrySql("e"))}`,
    db.source.aggregate({ where: { negotiationId }, _max: { updatedAt: true } }),
  ]);
  const times = [latestUpdated?.updatedAt ?? null, sources._max.updatedAt].filter((d): d is Date => d !== null);
  return {
    latestStatedOn: latestStated?.statedOn ?? null,
    lastUpdatedAt: times.length > 0 ? new Date(Math.max(...times.map((d) => d.getTime()))) : null,
    entryCount: Number(count?.n ?? 0),
  };
});

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
