import "server-only";
import type { SourceInput } from "@/lib/schemas";
import { checkQuote } from "@/lib/quote";
import { getDb } from "../db";
import { ValidationError } from "../errors";
import { changeRecord } from "./records";

/**
 * Edits a source. Its text is what the entries' quotes are checked against, so a new text
 * that drops a quote one of its entries relies on is refused (the entry would silently become
 * unverifiable evidence).
 */
export async function updateSource(negotiationId: number, id: number, version: number, input: SourceInput, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (input.text !== null) {
      const entries = await tx.positionEntry.findMany({
        where: { sourceId: id, deletedAt: null, quote: { not: "" } },
        select: { id: true, quote: true },
      });
      const broken = entries.filter((e) => checkQuote(e.quote, input.text).status === "missing");
      if (broken.length) {
        throw new ValidationError({
          text: [
            `The new text no longer contains the quote of ${broken.length} position ${broken.length === 1 ? "entry" : "entries"} taken from this source (#${broken.map((e) => e.id).join(", #")}). Keep those passages or edit the entries first.`,
          ],
        });
      }
    }
    return changeRecord(tx, "source", { id, version, scope: { negotiationId }, data: { ...input }, action: "update", actor, negotiationId });
  });
}

/** Trashes a source unless live entries still cite it (they would lose their evidence). */
export async function trashSource(negotiationId: number, id: number, version: number, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const citing = await tx.positionEntry.count({ where: { sourceId: id, deletedAt: null } });
    if (citing > 0) {
      throw new ValidationError({
        _form: [`${citing} position ${citing === 1 ? "entry cites" : "entries cite"} this source. Delete or move ${citing === 1 ? "it" : "them"} first.`],
      });
    }
    return changeRecord(tx, "source", { id, version, scope: { negotiationId }, data: { deletedAt: new Date() }, action: "delete", actor, negotiationId });
  });
}
