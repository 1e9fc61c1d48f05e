import "server-only";
import { getDb } from "../db";
import { requireReader } from "../session";

const sideSelect = { id: true, name: true, colour: true, order: true, version: true } as const;

/** A negotiation's live sides in order (docs/decisions/027-sides.md). */
export async function listSides(negotiationId: number) {
  await requireReader();
  const db = await getDb();
  return db.side.findMany({
    where: { negotiationId, deletedAt: null },
    orderBy: [{ order: "asc" }, { name: "asc" }, { id: "asc" }],
    select: sideSelect,
  });
}

export async function getSide(negotiationId: number, id: number) {
  await requireReader();
  const db = await getDb();
  return db.side.findFirst({ where: { id, negotiationId, deletedAt: null }, select: sideSelect });
}

export type SideRow = Awaited<ReturnType<typeof listSides>>[number];
