import "server-only";
import { sourceLabel } from "@/lib/source-label";
import { NEEDED } from "@/lib/roles";
import { getDb } from "../db";
import type { EntityType } from "../mutations/revisions";
import { maySeeTrash, requireReader, requireReaderWithRole } from "../session";

export const ENTITY_TYPES = ["negotiation", "party", "side", "issue", "source", "entry"] as const satisfies readonly EntityType[];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/**
 * A record's revisions, oldest first, with who made each (by name). Empty when there is no such
 * record, and when it is in the trash and this reader may not restore it: the full state of
 * trashed records is for those who may (docs/decisions/016-who-reads-what.md).
 */
export async function listRevisions(entityType: EntityType, entityId: number) {
  await requireReader();
  if ((await inTrash(entityType, entityId)) && !(await maySeeTrash())) return [];
  const db = await getDb();
  const revisions = await db.revision.findMany({
    where: { entityType, entityId },
    orderBy: { id: "asc" },
    select: { id: true, action: true, version: true, state: true, actor: true, actorName: true, createdAt: true, negotiationId: true },
  });
  return revisions.map((r) => ({ ...r, state: JSON.parse(r.state) as Record<string, unknown>, actorName: r.actorName || r.actor }));
}

/** Is the record in the trash, itself or with its negotiation? */
async function inTrash(entityType: EntityType, id: number): Promise<boolean> {
  const db = await getDb();
  const trashed = { deletedAt: { not: null } };
  const where = { id, OR: [trashed, { negotiation: trashed }] };
  const count = {
    negotiation: () => db.negotiation.count({ where: { id, ...trashed } }),
    party: () => db.party.count({ where }),
    side: () => db.side.count({ where }),
    issue: () => db.issue.count({ where }),
    source: () => db.source.count({ where }),
    entry: () => db.positionEntry.count({ where }),
  }[entityType];
  return (await count()) > 0;
}

export const TRASH_PAGE_SIZE = 50;

type TrashRow = {
  entityType: EntityType;
  id: number;
  label: string | null;
  outlet: string | null;
  publishedOn: string | null;
  version: number;
  deletedAt: string;
  slug: string;
  negotiationTitle: string;
  deletedBy: string | null;
};

/**
 * One page of the trash, newest deletion first, with who deleted each record. Nothing is ever
 * hard-deleted, so the trash only grows: the page is cut in SQL (one query over the six tables,
 * each row's deleter found by its `delete` revision in the same query), never by reading every
 * trashed record, and no query binds one parameter per row (SQLite limits both the parameters
 * and the depth of an expression; a 1,000-row OR failed at about 333 records).
 */
export async function listTrash({ page = 1, pageSize = TRASH_PAGE_SIZE }: { page?: number; pageSize?: number } = {}) {
  await requireReaderWithRole(NEEDED.restore);
  const db = await getDb();
  const offset = (page - 1) * pageSize;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<TrashRow[]>`
      WITH trashed AS (
        SELECT 'negotiation' AS "entityType", "id", "title" AS "label", NULL AS "outlet", NULL AS "publishedOn", "version", "deletedAt", "id" AS "negotiationId" FROM "Negotiation" WHERE "deletedAt" IS NOT NULL
        UNION ALL SELECT 'party', "id", "name", NULL, NULL, "version", "deletedAt", "negotiationId" FROM "Party" WHERE "deletedAt" IS NOT NULL
        UNION ALL SELECT 'side', "id", "name", NULL, NULL, "version", "deletedAt", "negotiationId" FROM "Side" WHERE "deletedAt" IS NOT NULL
        UNION ALL SELECT 'issue', "id", "name", NULL, NULL, "version", "deletedAt", "negotiationId" FROM "Issue" WHERE "deletedAt" IS NOT NULL
        UNION ALL SELECT 'source', "id", "title", "outlet", "publishedOn", "version", "deletedAt", "negotiationId" FROM "Source" WHERE "deletedAt" IS NOT NULL
        UNION ALL SELECT 'entry', "id", "statedOn" || ': ' || substr("summary", 1, 300), NULL, NULL, "version", "deletedAt", "negotiationId" FROM "PositionEntry" WHERE "deletedAt" IS NOT NULL
      )
      SELECT t."entityType", t."id", t."label", t."outlet", t."publishedOn", t."version", t."deletedAt", n."slug", n."title" AS "negotiationTitle",
        (SELECT COALESCE(NULLIF(r."actorName", ''), r."actor") FROM "Revision" r
          WHERE r."entityType" = t."entityType" AND r."entityId" = t."id" AND r."action" = 'delete' AND r."version" = t."version"
          ORDER BY r."id" DESC LIMIT 1) AS "deletedBy"
      FROM trashed t JOIN "Negotiation" n ON n."id" = t."negotiationId"
      ORDER BY t."deletedAt" DESC, t."entityType", t."id" DESC
      LIMIT ${pageSize} OFFSET ${offset}`,
    db.$queryRaw<Array<{ total: number | bigint }>>`
      SELECT (SELECT count(*) FROM "Negotiation" WHERE "deletedAt" IS NOT NULL)
        + (SELECT count(*) FROM "Party" WHERE "deletedAt" IS NOT NULL)
        + (SELECT count(*) FROM "Side" WHERE "deletedAt" IS NOT NULL)
        + (SELECT count(*) FROM "Issue" WHERE "deletedAt" IS NOT NULL)
        + (SELECT count(*) FROM "Source" WHERE "deletedAt" IS NOT NULL)
        + (SELECT count(*) FROM "PositionEntry" WHERE "deletedAt" IS NOT NULL) AS "total"`,
  ]);
  const total = Number(totals[0]?.total ?? 0);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    rows: rows.map((r) => ({
      entityType: r.entityType,
      id: Number(r.id),
      label: r.entityType === "source" ? sourceLabel({ title: r.label, outlet: r.outlet ?? "", publishedOn: r.publishedOn }) : (r.label ?? ""),
      version: Number(r.version),
      deletedAt: new Date(r.deletedAt),
      negotiation: { slug: r.slug, title: r.negotiationTitle },
      deletedBy: r.deletedBy ?? "",
    })),
  };
}
