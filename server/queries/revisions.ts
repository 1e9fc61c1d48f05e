import "server-only";
import { NEEDED } from "@/lib/roles";
import { getDb } from "../db";
import type { EntityType } from "../mutations/revisions";
import { maySeeTrash, requireReader, requireReaderWithRole } from "../session";

export const ENTITY_TYPES = ["negotiation", "party", "issue", "source", "entry"] as const satisfies readonly EntityType[];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/**
 * A record's revisions, oldest first, with who made each (by name). Empty when there is no such
 * record, and when it is in the trash and this reader may not restore it: the full state of
 * trashed records is for those who may (docs/decisions/020-who-reads-what.md).
 */
export async function listRevisions(entityType: EntityType, entityId: number) {
  await requireReader();
  if ((await inTrash(entityType, entityId)) && !(await maySeeTrash())) return [];
  const db = await getDb();
  const revisions = await db.revision.findMany({
    where: { entityType, entityId },
    orderBy: { id: "asc" },
    select: { id: true, action: true, version: true, state: true, actor: true, createdAt: true, negotiationId: true },
  });
  const actors = await namesOf(revisions.map((r) => r.actor));
  return revisions.map((r) => ({ ...r, state: JSON.parse(r.state) as Record<string, unknown>, actorName: actors.get(r.actor) ?? r.actor }));
}

/** Who made a change, as every reader sees it: the account's name, never its email address. */
async function namesOf(ids: string[]) {
  const db = await getDb();
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Is the record in the trash, itself or with its negotiation? */
async function inTrash(entityType: EntityType, id: number): Promise<boolean> {
  const db = await getDb();
  const trashed = { deletedAt: { not: null } };
  const where = { id, OR: [trashed, { negotiation: trashed }] };
  const count = {
    negotiation: () => db.negotiation.count({ where: { id, ...trashed } }),
    party: () => db.party.count({ where }),
    issue: () => db.issue.count({ where }),
    source: () => db.source.count({ where }),
    entry: () => db.positionEntry.count({ where }),
  }[entityType];
  return (await count()) > 0;
}

/** Everything in the trash, newest deletion first, with who deleted it. For those who may restore. */
export async function listTrash() {
  await requireReaderWithRole(NEEDED.restore);
  const db = await getDb();
  const trashed = { deletedAt: { not: null } };
  const negotiation = { select: { slug: true, title: true } };
  const [negotiations, parties, issues, sources, entries] = await Promise.all([
    db.negotiation.findMany({ where: trashed, select: { id: true, title: true, slug: true, version: true, deletedAt: true } }),
    db.party.findMany({ where: trashed, select: { id: true, name: true, version: true, deletedAt: true, negotiation } }),
    db.issue.findMany({ where: trashed, select: { id: true, name: true, version: true, deletedAt: true, negotiation } }),
    db.source.findMany({ where: trashed, select: { id: true, title: true, version: true, deletedAt: true, negotiation } }),
    db.positionEntry.findMany({ where: trashed, select: { id: true, summary: true, statedOn: true, version: true, deletedAt: true, negotiation } }),
  ]);
  const rows = [
    ...negotiations.map((n) => ({ entityType: "negotiation" as const, id: n.id, label: n.title, version: n.version, deletedAt: n.deletedAt!, negotiation: { slug: n.slug, title: n.title } })),
    ...parties.map((p) => ({ entityType: "party" as const, id: p.id, label: p.name, version: p.version, deletedAt: p.deletedAt!, negotiation: p.negotiation })),
    ...issues.map((i) => ({ entityType: "issue" as const, id: i.id, label: i.name, version: i.version, deletedAt: i.deletedAt!, negotiation: i.negotiation })),
    ...sources.map((s) => ({ entityType: "source" as const, id: s.id, label: s.title, version: s.version, deletedAt: s.deletedAt!, negotiation: s.negotiation })),
    ...entries.map((e) => ({ entityType: "entry" as const, id: e.id, label: `${e.statedOn}: ${e.summary}`, version: e.version, deletedAt: e.deletedAt!, negotiation: e.negotiation })),
  ].sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime());
  const deleters = await db.revision.findMany({
    where: { action: "delete", OR: rows.map((r) => ({ entityType: r.entityType, entityId: r.id, version: r.version })) },
    select: { entityType: true, entityId: true, actor: true },
  });
  const names = await namesOf(deleters.map((d) => d.actor));
  const by = new Map(deleters.map((d) => [`${d.entityType}:${d.entityId}`, names.get(d.actor) ?? d.actor]));
  return rows.map((r) => ({ ...r, deletedBy: by.get(`${r.entityType}:${r.id}`) ?? "" }));
}
