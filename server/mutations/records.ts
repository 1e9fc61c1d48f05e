import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { ConflictError, NotFoundError } from "../errors";
import { recordRevision, type EntityType, type RevisionAction } from "./revisions";

// The write path every record goes through: a version check (optimistic locking), the change,
// and an append-only revision with the full new state, all in the caller's transaction.

type Tx = Prisma.TransactionClient;

/** Prisma model delegates for the versioned records, addressed by entity type. */
const MODEL = {
  negotiation: "negotiation",
  party: "party",
  side: "side",
  issue: "issue",
  source: "source",
  entry: "positionEntry",
  milestone: "milestone",
} as const satisfies Record<EntityType, keyof Tx>;

interface VersionedDelegate {
  create(args: { data: Record<string, unknown> }): Promise<{ id: number; version: number }>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  findFirst(args: { where: Record<string, unknown> }): Promise<(Record<string, unknown> & { id: number; version: number; deletedAt: Date | null }) | null>;
}

function delegate(tx: Tx, entity: EntityType): VersionedDelegate {
  return tx[MODEL[entity]] as unknown as VersionedDelegate;
}

const LABEL: Record<EntityType, string> = {
  negotiation: "Negotiation",
  party: "Party",
  side: "Side",
  issue: "Issue",
  source: "Source",
  entry: "Position entry",
  milestone: "Milestone",
};

/** The full state of a record as stored in its revision (entries add their party ids). */
export async function snapshot(tx: Tx, entity: EntityType, id: number): Promise<Record<string, unknown>> {
  if (entity === "entry") {
    const entry = await tx.positionEntry.findUniqueOrThrow({
      where: { id },
      include: { parties: { select: { partyId: true }, orderBy: { partyId: "asc" } } },
    });
    const { parties, ...rest } = entry;
    return { ...rest, partyIds: parties.map((p) => p.partyId) };
  }
  const record = await delegate(tx, entity).findFirst({ where: { id } });
  if (!record) throw new NotFoundError(LABEL[entity]);
  return record;
}

/**
 * Creates a record with its first revision. With a submission token (carried by the form
 * since it was rendered), a form sent twice creates one record: the second send gets the
 * first one's record back.
 */
export async function createRecord(
  tx: Tx,
  entity: EntityType,
  data: Record<string, unknown>,
  ctx: { actor: string; negotiationId: number | null; submissionId?: string | null; afterCreate?: (id: number) => Promise<void> },
): Promise<{ id: number; state: Record<string, unknown>; repeated?: boolean }> {
  if (ctx.submissionId) {
    const seen = await tx.submissionToken.findUnique({ where: { token: ctx.submissionId } });
    if (seen && seen.entityType === entity) return { id: seen.entityId, state: await snapshot(tx, entity, seen.entityId), repeated: true };
    if (seen) throw new NotFoundError(LABEL[entity]);
  }
  const created = await delegate(tx, entity).create({ data });
  if (ctx.submissionId) await tx.submissionToken.create({ data: { token: ctx.submissionId, entityType: entity, entityId: created.id } });
  if (ctx.afterCreate) await ctx.afterCreate(created.id);
  const state = await snapshot(tx, entity, created.id);
  const negotiationId = entity === "negotiation" ? created.id : ctx.negotiationId;
  await recordRevision(tx, { entityType: entity, entityId: created.id, negotiationId, action: "create", version: created.version, state, actor: ctx.actor });
  return { id: created.id, state };
}

/**
 * Changes a live (or, for a restore, trashed) record if it is still at `version`. A missing
 * record, or one outside `scope`, is a NotFoundError; a newer version is a ConflictError that
 * carries the record as it is now.
 */
export async function changeRecord(
  tx: Tx,
  entity: EntityType,
  args: {
    id: number;
    version: number;
    scope?: Record<string, unknown>;
    data: Record<string, unknown>;
    action: Exclude<RevisionAction, "create">;
    actor: string;
    negotiationId: number | null;
    afterChange?: () => Promise<void>;
    /** Kept in the revision beside the record's state (a merge records what it moved: server/mutations/taxonomy.ts). */
    extraState?: Record<string, unknown>;
  },
): Promise<{ id: number; version: number; state: Record<string, unknown> }> {
  const live = { deletedAt: args.action === "restore" ? { not: null } : null };
  const where = { id: args.id, ...args.scope, ...live };
  const result = await delegate(tx, entity).updateMany({
    where: { ...where, version: args.version },
    data: { ...args.data, version: { increment: 1 } },
  });
  if (result.count === 0) {
    const current = await delegate(tx, entity).findFirst({ where });
    if (!current) throw new NotFoundError(LABEL[entity]);
    throw new ConflictError(entity === "entry" ? await snapshot(tx, entity, args.id) as typeof current : current);
  }
  if (args.afterChange) await args.afterChange();
  const state = { ...(await snapshot(tx, entity, args.id)), ...args.extraState };
  const version = state.version as number;
  const negotiationId = entity === "negotiation" ? args.id : args.negotiationId;
  await recordRevision(tx, { entityType: entity, entityId: args.id, negotiationId, action: args.action, version, state, actor: args.actor });
  return { id: args.id, version, state };
}
