import "server-only";
import { getDb } from "../db";
import { ValidationError } from "../errors";

// Sides (docs/decisions/027-sides.md): a side is written like any record of a negotiation
// (server/mutations/scoped.ts, with revisions, trash and restore); these are its own rules.

/** A new side goes after the others in the gap view's column groups. */
export async function nextSideOrder(negotiationId: number): Promise<number> {
  const db = await getDb();
  const last = await db.side.aggregate({ where: { negotiationId, deletedAt: null }, _max: { order: true } });
  return (last._max.order ?? 0) + 1;
}

/** A party may only join a live side of its own negotiation; anything else is refused by the field. */
export async function requireLiveSide(negotiationId: number, sideId: number): Promise<void> {
  const db = await getDb();
  const side = await db.side.findFirst({ where: { id: sideId, negotiationId, deletedAt: null }, select: { id: true } });
  if (!side) throw new ValidationError({ sideId: ["Choose a side from the list (that side no longer exists)."] });
}
