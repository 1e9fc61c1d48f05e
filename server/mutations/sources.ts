import "server-only";
import type { SourceInput } from "@/lib/schemas";
import { checkQuote } from "@/lib/quote";
import { getDb } from "../db";
import { ValidationError } from "../errors";
import { changeRecord } from "./records";

/**
 * Edits a source. Its text is what the entries' quotes are checked against, so a new text
 * that drops a quote one of its entries (outside the trash) relies on is refused: the entry
 * would silently become unverifiable evidence. Entries in the trash do not hold the text back;
 * the result lists those whose quote the new text no longer contains, so the editor is told
 * after the save, and if one is restored it comes back flagged "Quote not found in source".
 */
export async function updateSource(negotiationId: number, id: number, version: number, input: SourceInput, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const quoted = await tx.positionEntry.findMany({
      where: { sourceId: id, negotiationId, quote: { not: "" } },
      select: { id: true, quote: true, deletedAt: true },
    });
    const broken = quoted.filter((e) => checkQuote(e.quote, input.text).status === "missing");
    const brokenOutsideTrash = broken.filter((e) => e.deletedAt === null);
    if (brokenOutsideTrash.length) {
      const n = brokenOutsideTrash.length;
      throw new ValidationError({
        text: [
          `The new text no longer contains the quote of ${n} position ${n === 1 ? "entry" : "entries"} taken from this source (#${brokenOutsideTrash.map((e) => e.id).join(", #")}). Keep those passages or edit the entries first.`,
        ],
      });
    }
    const result = await changeRecord(tx, "source", { id, version, scope: { negotiationId }, data: { ...input }, action: "update", actor, negotiationId });
    return { ...result, trashedEntriesWithoutQuote: broken.map((e) => e.id) };
  });
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
