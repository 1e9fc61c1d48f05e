import "server-only";
import type { SourceInput } from "@/lib/schemas";
import { quoteReader, relocateQuote, storedSpan } from "@/lib/quote";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
import { changeRecord } from "./records";

/**
 * Edits a source. Its text is what the entries' quotes are checked against and highlighted in,
 * so in the same transaction every entry taken from it (in the trash or not) has its quote
 * located again (lib/quote.ts). An entry whose quote the new text no longer contains keeps its
 * quote and is flagged "Quote not found in source" wherever it is shown, and listed on the
 * negotiation's "Quotes to check" page: never dropped (docs/decisions/017-quote-positions.md).
 * The result names those entries: outside the trash and in it.
 */
export async function updateSource(negotiationId: number, id: number, version: number, input: SourceInput, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const result = await changeRecord(tx, "source", { id, version, scope: { negotiationId }, data: { ...input }, action: "update", actor, negotiationId });
    const lost = await relocateQuotesOfSource(tx, negotiationId, id, input.text);
    return {
      ...result,
      entriesWithoutQuote: lost.filter((e) => e.deletedAt === null).map((e) => e.id),
      trashedEntriesWithoutQuote: lost.filter((e) => e.deletedAt !== null).map((e) => e.id),
    };
  });
}

type Tx = Prisma.TransactionClient;

/**
 * Locates the quote of every entry taken from a source in its new text, keeping each at the
 * occurrence nearest where it was; returns the entries whose quote no longer occurs. Positions
 * are derived from the quote and the text, so they change without a new version, revision or
 * updatedAt.
 */
async function relocateQuotesOfSource(tx: Tx, negotiationId: number, sourceId: number, text: string | null) {
  const quoted = await tx.positionEntry.findMany({
    where: { sourceId, negotiationId, quote: { not: "" } },
    orderBy: { id: "asc" },
    select: { id: true, quote: true, quoteStart: true, quoteEnd: true, deletedAt: true },
  });
  const lost: typeof quoted = [];
  for (const entry of quoted) {
    const span = relocateQuote(text, entry.quote, storedSpan(entry));
    if (!span && text !== null) lost.push(entry);
    if (span?.start === entry.quoteStart && span?.end === entry.quoteEnd) continue;
    if (!span && entry.quoteStart === null && entry.quoteEnd === null) continue;
    // Raw, so updatedAt stays: the entry itself was not edited (nothing but its position moved).
    await tx.$executeRaw`UPDATE "PositionEntry" SET "quoteStart" = ${span?.start ?? null}, "quoteEnd" = ${span?.end ?? null} WHERE "id" = ${entry.id}`;
  }
  return lost;
}

/**
 * Moves a source to the trash. Its entries stay as they are and are not live while it is there
 * (server/live.ts; the delete form lists them first); restoring the source brings them back.
 */
export async function trashSource(negotiationId: number, id: number, version: number, actor: string) {
  const db = await getDb();
  return db.$transaction((tx) =>
    changeRecord(tx, "source", { id, version, scope: { negotiationId }, data: { deletedAt: new Date() }, action: "delete", actor, negotiationId }),
  );
}

/**
 * Stores the quote positions of entries saved without them (before positions were stored, or
 * written straight into the database, as the bench seed does), located by the rule every write
 * uses (lib/quote.ts quoteReader). Afterwards "no stored position, a quote and a source with
 * text" means the text does not contain the quote, which is what lets the sources list and
 * "Quotes to check" count and page in SQL (docs/decisions/024). Run at start-up
 * (scripts/setup.mjs) and by the bench. Reads and folds each such source's text once, 200 sources
 * at a time; writes only the positions found, each only if the entry's quote and the source's
 * text are still those it was located in (a save meanwhile has stored its own). Entries whose
 * quote is missing stay unplaced and are looked at again next time. Returns how many it looked
 * at and placed.
 */
export async function locateUnplacedQuotes() {
  const db = await getDb();
  const candidates = await db.$queryRaw<Array<{ id: number | bigint; sourceId: number | bigint; quote: string }>>`
    SELECT e."id", e."sourceId", e."quote"
    FROM "PositionEntry" e JOIN "Source" s ON s."id" = e."sourceId"
    WHERE e."quote" <> '' AND e."quoteStart" IS NULL AND s."text" IS NOT NULL
    ORDER BY e."sourceId", e."id"`;
  const bySource = new Map<number, Array<{ id: number; quote: string }>>();
  for (const c of candidates) {
    const list = bySource.get(Number(c.sourceId)) ?? [];
    list.push({ id: Number(c.id), quote: c.quote });
    bySource.set(Number(c.sourceId), list);
  }
  const sourceIds = [...bySource.keys()];
  let placed = 0;
  for (let i = 0; i < sourceIds.length; i += 200) {
    const sources = await db.source.findMany({ where: { id: { in: sourceIds.slice(i, i + 200) } }, select: { id: true, text: true, version: true } });
    const found: Array<{ id: number; quote: string; sourceId: number; version: number; start: number; end: number }> = [];
    for (const source of sources) {
      const read = quoteReader(source.text);
      for (const entry of bySource.get(source.id)!) {
        const { span } = read(entry.quote);
        if (span) found.push({ ...entry, sourceId: source.id, version: source.version, ...span });
      }
    }
    if (found.length === 0) continue;
    await db.$transaction(async (tx) => {
      for (const f of found) {
        // Raw, so updatedAt stays: the entry was not edited. Only while nothing it was located in has changed.
        placed += await tx.$executeRaw`UPDATE "PositionEntry" SET "quoteStart" = ${f.start}, "quoteEnd" = ${f.end}
          WHERE "id" = ${f.id} AND "quoteStart" IS NULL AND "quote" = ${f.quote}
            AND "sourceId" IN (SELECT "id" FROM "Source" WHERE "id" = ${f.sourceId} AND "version" = ${f.version})`;
      }
    });
  }
  return { sources: sourceIds.length, entries: candidates.length, placed };
}
