import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { changeRecord, snapshot } from "./records";
import { recordRevision } from "./revisions";
import { partySchema } from "@/lib/schemas";
import { aliasesToAdd, mergeRecordOf, moveInList, withAliases, withoutAliases, type Direction, type MergeRecord } from "@/lib/taxonomy";

// Reordering and merging a negotiation's parties and issues (docs/decisions/019). Every change
// goes through the same version check and revision as any edit, all in one transaction.

type Tx = Prisma.TransactionClient;
export type TaxonomyKind = "party" | "issue";

const MATRIX_ORDER = [{ order: "asc" }, { name: "asc" }, { id: "asc" }] as const;

/** What can be moved up and down: parties and issues (the matrix's order) and sides (the gap view's column groups). */
export type OrderedKind = TaxonomyKind | "side";

function live(tx: Tx, kind: OrderedKind, negotiationId: number) {
  const args = { where: { negotiationId, deletedAt: null }, orderBy: [...MATRIX_ORDER], select: { id: true, name: true, order: true, version: true } };
  return kind === "party" ? tx.party.findMany(args) : kind === "side" ? tx.side.findMany(args) : tx.issue.findMany(args);
}

/**
 * Moves a party or issue one place up or down in the matrix order. The list is renumbered
 * 1..n (ties in `order` would otherwise make a move invisible); each record whose order changes
 * gets a revision. The moved record must still be at `version`.
 */
export async function moveInOrder(kind: OrderedKind, negotiationId: number, id: number, version: number, direction: Direction, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const list = await live(tx, kind, negotiationId);
    const moved = list.find((r) => r.id === id);
    if (!moved) throw new NotFoundError(kind === "party" ? "Party" : kind === "side" ? "Side" : "Issue");
    const ids = moveInList(
      list.map((r) => r.id),
      id,
      direction,
    );
    if (!ids) throw new ValidationError({ _form: [`${moved.name} is already ${direction === "up" ? "first" : "last"}.`] });
    const byId = new Map(list.map((r) => [r.id, r]));
    // The moved record first, so a stale form is refused before anything else is written.
    const changes = ids.map((rid, i) => ({ rid, order: i + 1 })).sort((a, b) => Number(b.rid === id) - Number(a.rid === id));
    for (const { rid, order } of changes) {
      const record = byId.get(rid)!;
      if (record.order === order && rid !== id) continue;
      await changeRecord(tx, kind, {
        id: rid,
        version: rid === id ? version : record.version,
        scope: { negotiationId },
        data: { order },
        action: "update",
        actor,
        negotiationId,
      });
    }
    return { name: moved.name, position: ids.indexOf(id) + 1, total: ids.length };
  });
}

/**
 * Rewrites a record whatever its trash state, at its current version (read in this transaction),
 * with a revision: merges move entries that are in the trash too, so that they come back in the
 * right place when restored.
 */
async function rewrite(tx: Tx, kind: "entry" | "party", id: number, negotiationId: number, actor: string, change: () => Promise<void>) {
  await change();
  const bump = { where: { id }, data: { version: { increment: 1 } }, select: { version: true } } as const;
  const { version } = kind === "entry" ? await tx.positionEntry.update(bump) : await tx.party.update(bump);
  const state = await snapshot(tx, kind, id);
  await recordRevision(tx, { entityType: kind, entityId: id, negotiationId, action: "update", version, state, actor });
}

async function findPair(tx: Tx, kind: TaxonomyKind, negotiationId: number, id: number, targetId: number) {
  const select = { id: true, name: true, version: true, shortName: true, aliases: true } as const;
  const where = (rid: number) => ({ id: rid, negotiationId, deletedAt: null });
  const [merged, target] =
    kind === "party"
      ? await Promise.all([tx.party.findFirst({ where: where(id), select }), tx.party.findFirst({ where: where(targetId), select })])
      : await Promise.all([
          tx.issue.findFirst({ where: where(id), select: { id: true, name: true, version: true } }),
          tx.issue.findFirst({ where: where(targetId), select: { id: true, name: true, version: true } }),
        ]);
  if (!merged) throw new NotFoundError(kind === "party" ? "Party" : "Issue");
  if (!target || targetId === id) {
    throw new ValidationError({ _form: [`Choose another ${kind} of this negotiation to merge “${merged.name}” into.`] });
  }
  return { merged, target } as {
    merged: { id: number; name: string; version: number; shortName?: string; aliases?: string };
    target: { id: number; name: string; version: number; shortName?: string; aliases?: string };
  };
}

/** What a merge would do, for its confirmation (nothing is written). */
export async function planMerge(tx: Tx, kind: TaxonomyKind, negotiationId: number, id: number, targetId: number) {
  const { merged, target } = await findPair(tx, kind, negotiationId, id, targetId);
  if (kind === "issue") {
    const entries = await tx.positionEntry.findMany({ where: { issueId: id }, select: { id: true }, orderBy: { id: "asc" } });
    return { merged, target, entryIds: entries.map((e) => e.id), jointEntryIds: [] as number[], addedAliases: [] as string[], aliases: "" };
  }
  const links = await tx.positionEntryParty.findMany({
    where: { partyId: id },
    select: { entryId: true, entry: { select: { parties: { where: { partyId: targetId }, select: { partyId: true } } } } },
    orderBy: { entryId: "asc" },
  });
  const addedAliases = aliasesToAdd(
    { name: target.name, shortName: target.shortName ?? "", aliases: target.aliases ?? "" },
    { name: merged.name, shortName: merged.shortName ?? "", aliases: merged.aliases ?? "" },
  );
  // The target's other names must still pass the party form's own rule (length, one name a line).
  const parsed = partySchema.shape.aliases.safeParse(withAliases(target.aliases ?? "", addedAliases));
  if (!parsed.success) {
    throw new ValidationError({
      _form: [`“${target.name}” cannot take the names of “${merged.name}” as other names: ${parsed.error.issues[0]?.message ?? "they do not fit"}`],
    });
  }
  return {
    merged,
    target,
    entryIds: links.filter((l) => l.entry.parties.length === 0).map((l) => l.entryId),
    jointEntryIds: links.filter((l) => l.entry.parties.length > 0).map((l) => l.entryId),
    addedAliases,
    aliases: parsed.data,
  };
}

/**
 * Merges a party or issue (at `version`) into another of the same negotiation: every entry of
 * the merged one moves to the target (each with a revision); for a party, a joint statement
 * that already names the target just loses the merged party's link, and the target takes the
 * merged party's names as other names. The merged record goes to the trash with a revision
 * that records the merge, which a restore undoes (undoMerge).
 */
export async function mergeInto(kind: TaxonomyKind, negotiationId: number, id: number, version: number, targetId: number, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const plan = await planMerge(tx, kind, negotiationId, id, targetId);
    // Same refusal as any stale form, with the record as it is now.
    if (plan.merged.version !== version) throw new ConflictError((await snapshot(tx, kind, id)) as Record<string, unknown> & { version: number });
    for (const entryId of plan.entryIds) {
      await rewrite(tx, "entry", entryId, negotiationId, actor, async () => {
        if (kind === "issue") await tx.positionEntry.update({ where: { id: entryId }, data: { issueId: targetId } });
        else await tx.positionEntryParty.update({ where: { entryId_partyId: { entryId, partyId: id } }, data: { partyId: targetId } });
      });
    }
    for (const entryId of plan.jointEntryIds) {
      await rewrite(tx, "entry", entryId, negotiationId, actor, async () => {
        await tx.positionEntryParty.delete({ where: { entryId_partyId: { entryId, partyId: id } } });
      });
    }
    if (kind === "party" && plan.addedAliases.length > 0) {
      await changeRecord(tx, "party", { id: targetId, version: plan.target.version, scope: { negotiationId }, data: { aliases: plan.aliases }, action: "update", actor, negotiationId });
    }
    const merge: MergeRecord = {
      kind,
      targetId,
      targetName: plan.target.name,
      entryIds: plan.entryIds,
      jointEntryIds: plan.jointEntryIds,
      addedAliases: plan.addedAliases,
    };
    await changeRecord(tx, kind, {
      id,
      version,
      scope: { negotiationId },
      data: { deletedAt: new Date() },
      action: "delete",
      actor,
      negotiationId,
      extraState: { mergedInto: `${plan.target.name} (#${targetId})`, merge },
    });
    return { target: plan.target, moved: plan.entryIds.length + plan.jointEntryIds.length };
  });
}

/**
 * Called by a restore (in its transaction, after the version check): when the record went to
 * the trash by a merge, its entries come back from the target, each with a revision, and the
 * names it gave the target are taken back. Entries edited since the merge come back with their
 * edits; an entry moved by hand to a third issue or party since the merge stays where it was put
 * (docs/decisions/019). Returns how many entries came back, or null when there was no merge.
 */
export async function undoMerge(tx: Tx, kind: TaxonomyKind, negotiationId: number, id: number, deletedVersion: number, actor: string) {
  const deletion = await tx.revision.findFirst({
    where: { entityType: kind, entityId: id, action: "delete", version: deletedVersion },
    orderBy: { id: "desc" },
    select: { state: true },
  });
  const merge = deletion ? mergeRecordOf(JSON.parse(deletion.state) as Record<string, unknown>) : null;
  if (!merge) return null;
  let back = 0;
  if (kind === "issue") {
    const still = await tx.positionEntry.findMany({ where: { id: { in: merge.entryIds }, issueId: merge.targetId }, select: { id: true } });
    for (const { id: entryId } of still) {
      await rewrite(tx, "entry", entryId, negotiationId, actor, async () => {
        await tx.positionEntry.update({ where: { id: entryId }, data: { issueId: id } });
      });
      back++;
    }
    return back;
  }
  const linkedToTarget = async (entryIds: number[]) => {
    const rows = await tx.positionEntry.findMany({
      where: { id: { in: entryIds }, parties: { some: { partyId: merge.targetId }, none: { partyId: id } } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  };
  for (const entryId of await linkedToTarget(merge.entryIds)) {
    await rewrite(tx, "entry", entryId, negotiationId, actor, async () => {
      await tx.positionEntryParty.update({ where: { entryId_partyId: { entryId, partyId: merge.targetId } }, data: { partyId: id } });
    });
    back++;
  }
  for (const entryId of await linkedToTarget(merge.jointEntryIds)) {
    await rewrite(tx, "entry", entryId, negotiationId, actor, async () => {
      await tx.positionEntryParty.create({ data: { entryId, partyId: id } });
    });
    back++;
  }
  const target = await tx.party.findUnique({ where: { id: merge.targetId }, select: { aliases: true } });
  if (target) {
    const aliases = withoutAliases(target.aliases, merge.addedAliases);
    if (aliases !== target.aliases) {
      await rewrite(tx, "party", merge.targetId, negotiationId, actor, async () => {
        await tx.party.update({ where: { id: merge.targetId }, data: { aliases } });
      });
    }
  }
  return back;
}
