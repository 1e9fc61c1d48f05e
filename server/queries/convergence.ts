import "server-only";
import { cache } from "react";
import { convergenceSeries, type ConvergenceSeries } from "@/lib/convergence";
import type { GapEntry } from "@/lib/gaps-view";
import { foldEntryParties } from "@/lib/matrix";
import { getDb } from "../db";
import { Prisma } from "../generated/prisma/client";
import { liveEntrySql } from "../live";
import { requireReader } from "../session";
import { listIssues, listParties } from "./parties-and-issues";
import { listSides } from "./sides";

/**
 * The negotiation's live entries with only what the gap rule reads of them (day, issue, the
 * parties that made it, stance, firmness): one row per entry and party, no summaries, quotes or
 * sources. Date then recording order, as the sweep wants them.
 */
async function readGapEntries(negotiationId: number): Promise<GapEntry[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ id: number | bigint; issueId: number | bigint; statedOn: string; stance: string; firmness: string | null; partyId: number | bigint }>>`
    SELECT e."id", e."issueId", e."statedOn", e."stance", e."firmness", ep."partyId"
    FROM "PositionEntry" e JOIN "PositionEntryParty" ep ON ep."entryId" = e."id"
    WHERE e."negotiationId" = ${negotiationId} AND ${Prisma.raw(liveEntrySql("e"))}
    ORDER BY e."statedOn", e."id", ep."partyId"`;
  return foldEntryParties(rows, (r, id) => ({ id, issueId: Number(r.issueId), statedOn: r.statedOn, stance: r.stance, firmness: r.firmness }));
}

/**
 * What the series depends on, read in one cheap statement: the newest change to the
 * negotiation's entries (trashed ones too: trashing and restoring update them), parties, issues,
 * sides and sources (a role change, a trash, a merge), how many entries it has (a row written with an
 * old timestamp, as the seeds do), and its newest revision (every change through the app appends
 * one, so two changes within one millisecond still differ). Any change the gap rule sees changes it.
 */
async function readDataVersion(negotiationId: number): Promise<string> {
  const db = await getDb();
  const [row] = await db.$queryRaw<Array<Record<string, unknown>>>`
    SELECT
      (SELECT MAX(x."updatedAt") FROM "PositionEntry" x WHERE x."negotiationId" = ${negotiationId}) AS "entries",
      (SELECT COUNT(*) FROM "PositionEntry" x WHERE x."negotiationId" = ${negotiationId}) AS "entryCount",
      (SELECT MAX(x."updatedAt") FROM "Party" x WHERE x."negotiationId" = ${negotiationId}) AS "parties",
      (SELECT MAX(x."updatedAt") FROM "Issue" x WHERE x."negotiationId" = ${negotiationId}) AS "issues",
      (SELECT MAX(x."updatedAt") FROM "Side" x WHERE x."negotiationId" = ${negotiationId}) AS "sides",
      (SELECT MAX(x."updatedAt") FROM "Source" x WHERE x."negotiationId" = ${negotiationId}) AS "sources",
      (SELECT MAX(x."id") FROM "Revision" x WHERE x."negotiationId" = ${negotiationId}) AS "revision"`;
  const part = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  return [process.env.DATABASE_URL ?? "", negotiationId, ...["entries", "entryCount", "parties", "issues", "sides", "sources", "revision"].map((k) => part(row?.[k]))].join("|");
}

/**
 * The series of the last few negotiations read, keyed by their data version: the sweep over
 * 50,000 entries takes seconds of CPU (decision 029), the version check a few milliseconds.
 * Per server process; a promise, so that simultaneous first readers share one sweep.
 */
const recent = new Map<string, Promise<ConvergenceSeries>>();
const RECENT_MAX = 8;

function remember(key: string, compute: () => Promise<ConvergenceSeries>): Promise<ConvergenceSeries> {
  const hit = recent.get(key);
  if (hit) {
    recent.delete(key);
    recent.set(key, hit);
    return hit;
  }
  const made = compute();
  recent.set(key, made);
  made.catch(() => recent.delete(key));
  while (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  return made;
}

/**
 * How many issues were opposed, open and compatible on each day an entry was stated (the
 * convergence chart): the gap view's rule applied to the matrix as of each day
 * (lib/convergence.ts). Parties and issues come from the same queries the gap view uses, so the
 * rule sees the same party records. Kept per data version (above) and per request.
 */
export const getConvergence = cache(async (negotiationId: number): Promise<ConvergenceSeries> => {
  await requireReader();
  const version = await readDataVersion(negotiationId);
  return remember(version, async () => {
    const [parties, issues, sides, entries] = await Promise.all([listParties(negotiationId), listIssues(negotiationId), listSides(negotiationId), readGapEntries(negotiationId)]);
    return convergenceSeries({ issues, parties, sides, entries });
  });
});
