import "server-only";
import { sourceLabel } from "@/lib/source-label";
import { getDb } from "../db";
import { changeRecord, createRecord } from "./records";
import { undoMerge } from "./taxonomy";
import { ValidationError } from "../errors";
import { entryDependenciesLive } from "../live";
import { checkQuote, type QuoteCheck } from "@/lib/quote";

// Writes for records that live inside one negotiation and need no rule beyond their schema
// (parties, sides and issues; sources and entries add their own checks around these).

type Scoped = "party" | "side" | "issue" | "source" | "milestone";

export async function createInNegotiation(
  entity: Scoped,
  negotiationId: number,
  data: Record<string, unknown>,
  actor: string,
  submissionId: string | null = null,
) {
  const db = await getDb();
  return db.$transaction((tx) => createRecord(tx, entity, { ...data, negotiationId }, { actor, negotiationId, submissionId }));
}

/**
 * Takes a trashed record out of the trash, exactly as it was (nothing else changes). Restoring
 * a party, issue or source makes its entries live again (server/live.ts). An entry is restored
 * only when its issue, source and parties are all out of the trash, so it is visible again at
 * once; otherwise the refusal names what to restore first.
 *
 * The result says whether a restored entry's quote still occurs in its source's text: the text
 * may have been edited while the entry was in the trash, and the entry is then flagged
 * ("Quote not found in source"), never dropped.
 */
export async function restoreInNegotiation(entity: Scoped | "entry", negotiationId: number, id: number, version: number, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    let quote: QuoteCheck["status"] = "none";
    if (entity === "entry") {
      const entry = await tx.positionEntry.findFirst({
        where: { id, negotiationId },
        select: {
          quote: true,
          issue: { select: { name: true, deletedAt: true } },
          source: { select: { title: true, outlet: true, publishedOn: true, text: true, deletedAt: true } },
          parties: { select: { party: { select: { name: true, deletedAt: true } } }, orderBy: { partyId: "asc" } },
        },
      });
      // The decision is the shared rule's; the details only name what is in the trash.
      const dependenciesLive = entry && (await tx.positionEntry.count({ where: { id, ...entryDependenciesLive } })) > 0;
      if (entry && !dependenciesLive) {
        const waiting = [
          ...entry.parties.filter((p) => p.party.deletedAt).map((p) => `the party “${p.party.name}”`),
          ...(entry.issue.deletedAt ? [`the issue “${entry.issue.name}”`] : []),
          ...(entry.source.deletedAt ? [`the source “${sourceLabel(entry.source)}”`] : []),
        ];
        throw new ValidationError({
          _form: [`This entry depends on ${waiting.join(", ")}, in the trash: restore ${waiting.length === 1 ? "it" : "them"} first.`],
        });
      }
      if (entry) quote = checkQuote(entry.quote, entry.source.text).status;
    }
    const result = await changeRecord(tx, entity, { id, version, scope: { negotiationId }, data: { deletedAt: null }, action: "restore", actor, negotiationId });
    // A party or issue that went to the trash by a merge takes its entries back (decision 019).
    const unmerged = entity === "party" || entity === "issue" ? await undoMerge(tx, entity, negotiationId, id, version, actor) : null;
    return { ...result, quote, unmerged };
  });
}

export async function updateInNegotiation(
  entity: Scoped,
  negotiationId: number,
  id: number,
  version: number,
  data: Record<string, unknown>,
  actor: string,
) {
  const db = await getDb();
  return db.$transaction((tx) =>
    changeRecord(tx, entity, { id, version, scope: { negotiationId }, data, action: "update", actor, negotiationId }),
  );
}

/** Moves a record to the trash (restorable); nothing in Parley hard-deletes. */
export async function trashInNegotiation(entity: Scoped, negotiationId: number, id: number, version: number, actor: string) {
  const db = await getDb();
  return db.$transaction((tx) =>
    changeRecord(tx, entity, { id, version, scope: { negotiationId }, data: { deletedAt: new Date() }, action: "delete", actor, negotiationId }),
  );
}
