import "server-only";
import { getDb } from "../db";
import { requireReader, requireReaderWithRole } from "../session";
import { NEEDED } from "@/lib/roles";
import { NotFoundError, ValidationError } from "../errors";
import { planMerge } from "../mutations/taxonomy";

const partySelect = {
  id: true,
  name: true,
  shortName: true,
  aliases: true,
  role: true,
  colour: true,
  order: true,
  sideId: true,
  version: true,
} as const;

/** A negotiation's live parties in matrix order. */
export async function listParties(negotiationId: number) {
  await requireReader();
  const db = await getDb();
  return db.party.findMany({
    where: { negotiationId, deletedAt: null },
    orderBy: [{ order: "asc" }, { name: "asc" }, { id: "asc" }],
    select: partySelect,
  });
}

export async function getParty(negotiationId: number, id: number) {
  await requireReader();
  const db = await getDb();
  return db.party.findFirst({ where: { id, negotiationId, deletedAt: null }, select: partySelect });
}

const issueSelect = { id: true, name: true, description: true, keywords: true, order: true, version: true } as const;

/** A negotiation's live issues in matrix order. */
export async function listIssues(negotiationId: number) {
  await requireReader();
  const db = await getDb();
  return db.issue.findMany({
    where: { negotiationId, deletedAt: null },
    orderBy: [{ order: "asc" }, { name: "asc" }, { id: "asc" }],
    select: issueSelect,
  });
}

export async function getIssue(negotiationId: number, id: number) {
  await requireReader();
  const db = await getDb();
  return db.issue.findFirst({ where: { id, negotiationId, deletedAt: null }, select: issueSelect });
}

export type PartyRow = Awaited<ReturnType<typeof listParties>>[number];
export type IssueRow = Awaited<ReturnType<typeof listIssues>>[number];

/**
 * What merging one party or issue into another would do, for the confirmation page: how many
 * entries move (and, for parties, how many are joint statements and which names the target
 * takes), or why it cannot be done. Nothing is written.
 */
export async function getMergePlan(kind: "party" | "issue", negotiationId: number, id: number, targetId: number) {
  await requireReaderWithRole(NEEDED.write);
  const db = await getDb();
  try {
    const plan = await db.$transaction((tx) => planMerge(tx, kind, negotiationId, id, targetId));
    return { ok: true as const, entries: plan.entryIds.length + plan.jointEntryIds.length, joint: plan.jointEntryIds.length, addedAliases: plan.addedAliases, target: plan.target };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false as const, message: Object.values(error.fieldErrors).flat().join(" ") };
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
