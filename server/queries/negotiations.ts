import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { liveEntryWhere } from "../live";
import { requireReader } from "../session";

export async function listNegotiations() {
  await requireReader();
  const db = await getDb();
  const live = { where: { deletedAt: null } };
  const [negotiations, lastEntries] = await Promise.all([
    db.negotiation.findMany({
      where: { deletedAt: null },
      orderBy: { title: "asc" },
      select: {
        id: true,
        slug: true,
        title: true,
        description: true,
        _count: { select: { parties: live, issues: live, sources: live, entries: { where: liveEntryWhere } } },
      },
    }),
    db.positionEntry.groupBy({ by: ["negotiationId"], where: liveEntryWhere, _max: { statedOn: true } }),
  ]);
  const last = new Map(lastEntries.map((g) => [g.negotiationId, g._max.statedOn]));
  return negotiations.map((n) => ({ ...n, counts: n._count, lastEntryOn: last.get(n.id) ?? null }));
}

/** A live negotiation by its slug, or null (the page then calls notFound()). Cached per request: metadata, layout and page all ask. */
export const getNegotiation = cache(async (slug: string) => {
  await requireReader();
  const db = await getDb();
  return db.negotiation.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, slug: true, title: true, description: true, version: true },
  });
});
