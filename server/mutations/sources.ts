import "server-only";
import type { SourceInput } from "@/lib/schemas";
import { relocateQuote, storedSpan } from "@/lib/quote";
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
