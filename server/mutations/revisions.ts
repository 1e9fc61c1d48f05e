import "server-only";
import type { Prisma } from "../generated/prisma/client";

export type EntityType = "negotiation" | "party" | "side" | "issue" | "source" | "entry" | "milestone";
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
  // The author's name as it is now, kept with the change: a later rename of the account does
  // not rewrite who made past changes (issue 7, finding 4). The demo loader has no account.
  const author = args.actor ? await tx.user.findUnique({ where: { id: args.actor }, select: { name: true } }) : null;
  await tx.revision.create({
    data: {
      entityType: args.entityType,
      entityId: args.entityId,
      negotiationId: args.negotiationId,
      action: args.action,
      version: args.version,
      state: JSON.stringify(args.state),
      actor: args.actor,
      actorName: author?.name ?? "",
    },
  });
}
