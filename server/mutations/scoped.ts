import "server-only";
import { sourceLabel } from "@/lib/source-label";
import { getDb } from "../db";
import { changeRecord, createRecord } from "./records";
import { ValidationError } from "../errors";

// Writes for records that live inside one negotiation and need no rule beyond their schema
// (parties and issues; sources and entries add their own checks around these).

type Scoped = "party" | "issue" | "source";

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
 * Takes a trashed record out of the trash, exactly as it was (nothing else changes). An entry
 * whose source is in the trash stays there until its source is restored: a live entry must
 * always have its evidence (the same rule that stops a cited source from being trashed).
 */
export async function restoreInNegotiation(entity: Scoped | "entry", negotiationId: number, id: number, version: number, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (entity === "entry") {
      const entry = await tx.positionEntry.findFirst({ where: { id, negotiationId }, select: { source: { select: { title: true, outlet: true, publishedOn: true, deletedAt: true } } } });
      if (entry?.source.deletedAt) {
        throw new ValidationError({ _form: [`This entry's source, “${sourceLabel(entry.source)}”, is in the trash: restore the source first.`] });
      }
    }
    return changeRecord(tx, entity, { id, version, scope: { negotiationId }, data: { deletedAt: null }, action: "restore", actor, negotiationId });
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
