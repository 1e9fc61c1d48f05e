import "server-only";
import { getDb } from "../db";
import { liveEntryWhere } from "../live";
import { checkQuote } from "@/lib/quote";
import { requireReader } from "../session";
import { pageOf, PAGE_SIZE } from "@/lib/paging";

/**
 * The source list: newest first, undated last, with how many entries each gave. Never the
 * sources' text (issue 10: it can be whole articles): whether a source has one comes from a
 * second query that selects ids only.
 */
export async function listSources(negotiationId: number) {
  await requireReader();
  const db = await getDb();
  const where = { negotiationId, deletedAt: null };
  const [sources, withText] = await Promise.all([
    db.source.findMany({
      where,
      orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      select: {
        id: true,
        title: true,
        outlet: true,
        url: true,
        publishedOn: true,
        language: true,
        _count: { select: { entries: { where: liveEntryWhere } } },
      },
    }),
    db.source.findMany({ where: { ...where, text: { not: null } }, select: { id: true } }),
  ]);
  const hasText = new Set(withText.map((s) => s.id));
  return sources.map(({ _count, ...s }) => ({ ...s, hasText: hasText.has(s.id), entryCount: _count.entries }));
}

/**
 * One page of the source list (newest first, undated last, PAGE_SIZE sources) with how many
 * live entries each gave and whether it has a text, and the total; null past the last page.
 * Never the sources' text: whether a source has one is a second query over the page's ids.
 */
export async function listSourcesPage(negotiationId: number, page: number, pageSize = PAGE_SIZE) {
  await requireReader();
  const db = await getDb();
  const where = { negotiationId, deletedAt: null };
  const at = pageOf(page, await db.source.count({ where }), pageSize);
  if (!at) return null;
  const sources = await db.source.findMany({
    where,
    orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    skip: at.offset,
    take: pageSize,
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
  const withText = await db.source.findMany({ where: { id: { in: sources.map((s) => s.id) }, text: { not: null } }, select: { id: true } });
  const hasText = new Set(withText.map((s) => s.id));
  return { page: at, sources: sources.map(({ _count, ...s }) => ({ ...s, hasText: hasText.has(s.id), entryCount: _count.entries })) };
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
