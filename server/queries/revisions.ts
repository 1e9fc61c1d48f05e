import "server-only";
import { getDb } from "../db";
import type { EntityType } from "../mutations/revisions";

export const ENTITY_TYPES = ["negotiation", "party", "issue", "source", "entry"] as const satisfies readonly EntityType[];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** A record's revisions, oldest first, with who made each (name and email when known). */
export async function listRevisions(entityType: EntityType, entityId: number) {
  const db = await getDb();
  const revisions = await db.revision.findMany({
    where: { entityType, entityId },
    orderBy: { id: "asc" },
    select: { id: true, action: true, version: true, state: true, actor: true, createdAt: true, negotiationId: true },
  });
  const actors = await namesOf(revisions.map((r) => r.actor));
  return revisions.map((r) => ({ ...r, state: JSON.parse(r.state) as Record<string, unknown>, actorName: actors.get(r.actor) ?? r.actor }));
}

async function namesOf(ids: string[]) {
  const db = await getDb();
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`]));
}

export const TRASH_PAGE_SIZE = 50;

type TrashRow = {
  entityType: EntityType;
  id: number;
  label: string;
  version: number;
  deletedAt: string;
  slug: string;
  negotiationTitle: string;
  deletedBy: string | null;
};

/**
 * One page of the trash, newest deletion first, with who deleted each record. Nothing is ever
 * hard-deleted, so the trash only grows: the page is cut in SQL (one query over the five tables,
 * each row's deleter found by its `delete` revision in the same query), never by reading every
 * trashed record, and no query binds one parameter per row (SQLite limits both the parameters
 * and the depth of an expression; a 1,000-row OR failed at about 333 records).
 */
export async function listTrash({ page = 1, pageSize = TRASH_PAGE_SIZE }: { page?: number; pageSize?: number } = {}) {
  const db = await getDb();
  const offset = (page - 1) * pageSize;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<TrashRow[]>`
      WITH trashed AS (
        SELECT 'negotiation' AS entityType, id, title AS label, version, deletedAt, id AS negotiationId FROM "Negotiation" WHERE deletedAt IS NOT NULL
        UNION ALL SELECT 'party', id, name, version, deletedAt, negotiationId FROM "Party" WHERE deletedAt IS NOT NULL
        UNION ALL SELECT 'issue', id, name, version, deletedAt, negotiationId FROM "Issue" WHERE deletedAt IS NOT NULL
        UNION ALL SELECT 'source', id, title, version, deletedAt, negotiationId FROM "Source" WHERE deletedAt IS NOT NULL
        UNION ALL SELECT 'entry', id, statedOn || ': ' || substr(summary, 1, 300), version, deletedAt, negotiationId FROM "PositionEntry" WHERE deletedAt IS NOT NULL
      )
      SELECT t.entityType, t.id, t.label, t.version, t.deletedAt, n.slug, n.title AS negotiationTitle,
        (SELECT r.actor FROM "Revision" r
          WHERE r.entityType = t.entityType AND r.entityId = t.id AND r.action = 'delete' AND r.version = t.version
          ORDER BY r.id DESC LIMIT 1) AS deletedBy
      FROM trashed t JOIN "Negotiation" n ON n.id = t.negotiationId
      ORDER BY t.deletedAt DESC, t.entityType, t.id DESC
      LIMIT ${pageSize} OFFSET ${offset}`,
    db.$queryRaw<Array<{ total: number | bigint }>>`
      SELECT (SELECT count(*) FROM "Negotiation" WHERE deletedAt IS NOT NULL)
        + (SELECT count(*) FROM "Party" WHERE deletedAt IS NOT NULL)
        + (SELECT count(*) FROM "Issue" WHERE deletedAt IS NOT NULL)
        + (SELECT count(*) FROM "Source" WHERE deletedAt IS NOT NULL)
        + (SELECT count(*) FROM "PositionEntry" WHERE deletedAt IS NOT NULL) AS total`,
  ]);
  const names = await namesOf(rows.map((r) => r.deletedBy ?? ""));
  const total = Number(totals[0]?.total ?? 0);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    rows: rows.map((r) => ({
      entityType: r.entityType,
      id: Number(r.id),
      label: r.label,
      version: Number(r.version),
      deletedAt: new Date(r.deletedAt),
      negotiation: { slug: r.slug, title: r.negotiationTitle },
      deletedBy: r.deletedBy ? (names.get(r.deletedBy) ?? r.deletedBy) : "",
    })),
  };
}
