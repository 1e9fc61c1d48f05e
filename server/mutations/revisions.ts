import "server-only";
import type { Prisma } from "../generated/prisma/client";

export type EntityType = "negotiation" | "party" | "issue" | "source" | "entry";
export type RevisionAction = "create" | "update" | "delete" | "restore";

/** Appends one revision with the record's full state after the change (never updated). */
export async function recordRevision(
  tx: Prisma.TransactionClient,
  args: {
    entityType: EntityType;
    entityId: number;
    negotiationId: number | null;
    action: RevisionAction;
    version: number;
    state: unknown;
    actor: string;
  },
) {
  await tx.revision.create({
    data: {
      entityType: args.entityType,
      entityId: args.entityId,
      negotiationId: args.negotiationId,
      action: args.action,
      version: args.version,
      state: JSON.stringify(args.state),
      actor: args.actor,
    },
  });
}
