import "server-only";
import { getDb } from "../db";
import { requireReader } from "../session";

const partySelect = {
  id: true,
  name: true,
  shortName: true,
  aliases: true,
  role: true,
  colour: true,
  order: true,
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

const issueSelect = { id: true, name: true, description: true, order: true, version: true } as const;

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
