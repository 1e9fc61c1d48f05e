import "server-only";
import { getDb } from "../db";
import { requireReader } from "../session";

/** The source list: newest first, undated last, with how many entries each gave. */
export async function listSources(negotiationId: number) {
  await requireReader();
  const db = await getDb();
  const sources = await db.source.findMany({
    where: { negotiationId, deletedAt: null },
    orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      publishedOn: true,
      language: true,
      text: true,
      _count: { select: { entries: { where: { deletedAt: null } } } },
    },
  });
  return sources.map(({ text, _count, ...s }) => ({ ...s, hasText: text !== null, entryCount: _count.entries }));
}

export async function getSource(negotiationId: number, id: number) {
  await requireReader();
  const db = await getDb();
  return db.source.findFirst({
    where: { id, negotiationId, deletedAt: null },
    select: { id: true, title: true, outlet: true, url: true, publishedOn: true, language: true, text: true, version: true },
  });
}
