import "server-only";
import type { MilestoneInput } from "@/lib/schemas";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
import { ValidationError } from "../errors";
import { changeRecord, createRecord } from "./records";

// Writes of milestones (docs/decisions/028-milestones.md): the shared write path (version check,
// revision) plus the one rule only the database can judge, that the source cited is one of the
// negotiation's own sources and not in the trash. Delete and restore are the scoped ones
// (server/mutations/scoped.ts), as for parties, issues and sources.

type Tx = Prisma.TransactionClient;

export const SOURCE_NOT_HERE = "Choose one of this negotiation's sources, or none: that source is not among them (or is in the trash).";

async function requireSourceHere(tx: Tx, negotiationId: number, sourceId: number | null) {
  if (sourceId === null) return;
  const found = await tx.source.count({ where: { id: sourceId, negotiationId, deletedAt: null } });
  if (found === 0) throw new ValidationError({ sourceId: [SOURCE_NOT_HERE] });
}

export async function createMilestone(negotiationId: number, input: MilestoneInput, actor: string, submissionId: string | null = null) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await requireSourceHere(tx, negotiationId, input.sourceId);
    return createRecord(tx, "milestone", { ...input, negotiationId }, { actor, negotiationId, submissionId });
  });
}

export async function updateMilestone(negotiationId: number, id: number, version: number, input: MilestoneInput, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await requireSourceHere(tx, negotiationId, input.sourceId);
    return changeRecord(tx, "milestone", { id, version, scope: { negotiationId }, data: { ...input }, action: "update", actor, negotiationId });
  });
}
