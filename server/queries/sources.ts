import "server-only";
import { getDb } from "../db";
import { liveEntryWhere } from "../live";
import { checkQuote } from "@/lib/quote";
import { requireReader } from "../session";
import { pageOf, PAGE_SIZE } from "@/lib/paging";

/**
 * Sources of the list, newest first, undated last, with how many live entries each gave; all of
 * them or the slice `skip`/`take`. Never the sources' text (issue 10: it can be whole articles):
 * whether a source has one comes from a second query that selects ids only (over the slice's
 * ids when sliced, so it binds at most a page of them).
 */
async function readSourceList(negotiationId: number, slice?: { skip: number; take: number }) {
  const db = await getDb();
  const where = { negotiationId, deletedAt: null };
  const sources = await db.source.findMany({
    where,
    orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    ...slice,
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      publishedOn: true,
      language: true,
      _count: { select: { entries: { where: liveEntryWhere } } },
    },
  });
  const withText = await db.source.findMany({
    where: { ...where, text: { not: null }, ...(slice ? { id: { in: sources.map((s) => s.id) } } : {}) },
    select: { id: true },
  });
  const hasText = new Set(withText.map((s) => s.id));
  return sources.map(({ _count, ...s }) => ({ ...s, hasText: hasText.has(s.id), entryCount: _count.entries }));
}

/** The whole source list (the entry form's choice of source). */
export async function listSources(negotiationId: number) {
  await requireReader();
  return readSourceList(negotiationId);
}

/** One page of the source list (PAGE_SIZE sources) and the total; null past the last page. */
export async function listSourcesPage(negotiationId: number, page: number, pageSize = PAGE_SIZE) {
  await requireReader();
  const db = await getDb();
  const at = pageOf(page, await db.source.count({ where: { negotiationId, deletedAt: null } }), pageSize);
  if (!at) return null;
  return { page: at, sources: await readSourceList(negotiationId, { skip: at.offset, take: pageSize }) };
}

export async function getSource(negotiationId: number, id: number) {
  await requireReader();
  const db = await getDb();
  return db.source.findFirst({
    where: { id, negotiationId, deletedAt: null },
    select: { id: true, title: true, outlet: true, url: true, publishedOn: true, language: true, text: true, version: true },
  });
}

/**
 * Entries taken from a source whose quote its current text no longer contains (lib/quote.ts):
 * those in the trash (the text was edited after they were trashed; a restore brings them back
 * flagged) and those outside it (already flagged on their cards).
 */
export async function listQuotesMissingFromSource(negotiationId: number, sourceId: number) {
  await requireReader();
  const db = await getDb();
  const source = await db.source.findFirst({ where: { id: sourceId, negotiationId }, select: { text: true } });
  if (!source) return { inTrash: [], outsideTrash: [] };
  const entries = await db.positionEntry.findMany({
    where: { negotiationId, sourceId, quote: { not: "" } },
    orderBy: { id: "asc" },
    select: { id: true, quote: true, deletedAt: true },
  });
  const missing = entries.filter((e) => checkQuote(e.quote, source.text).status === "missing");
  return {
    inTrash: missing.filter((e) => e.deletedAt !== null).map((e) => e.id),
    outsideTrash: missing.filter((e) => e.deletedAt === null).map((e) => e.id),
  };
}
