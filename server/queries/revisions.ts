import "server-only";
import { sourceLabel } from "@/lib/source-label";
import { referencedIds, type NamedKind, type RecordName, type RecordNames, type RecordPlace } from "@/lib/revision-history";
import { NEEDED } from "@/lib/roles";
import { getDb } from "../db";
import type { EntityType } from "../mutations/revisions";
import { maySeeTrash, requireReader, requireReaderWithRole } from "../session";

export const ENTITY_TYPES = ["negotiation", "party", "side", "issue", "source", "entry", "milestone"] as const satisfies readonly EntityType[];

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

/**
 * A record's history page: its revisions (listRevisions: the read check and the trash rule), the
 * names of the parties, issues, sources and negotiation they refer to, read in SQL for exactly
 * those ids, trashed ones too (lib/revision-history.ts says "in the trash"), and where the record
 * is now, for the link back to it. Null when there is nothing this reader may see.
 */
export async function getRevisionHistory(entityType: EntityType, entityId: number) {
  const revisions = await listRevisions(entityType, entityId);
  if (revisions.length === 0) return null;
  const ids = referencedIds(entityType, revisions.map((r) => r.state));
  const db = await getDb();
  const byId = <T extends { id: number; deletedAt: Date | null }>(rows: T[], name: (row: T) => string): ReadonlyMap<number, RecordName> =>
    new Map(rows.map((row) => [row.id, { name: name(row), trashed: row.deletedAt !== null }]));
  const [negotiations, parties, sides, issues, sources, place] = await Promise.all([
    db.negotiation.findMany({ where: { id: { in: ids.negotiation } }, select: { id: true, title: true, deletedAt: true } }),
    db.party.findMany({ where: { id: { in: ids.party } }, select: { id: true, name: true, deletedAt: true } }),
    db.side.findMany({ where: { id: { in: ids.side } }, select: { id: true, name: true, deletedAt: true } }),
    db.issue.findMany({ where: { id: { in: ids.issue } }, select: { id: true, name: true, deletedAt: true } }),
    db.source.findMany({ where: { id: { in: ids.source } }, select: { id: true, title: true, outlet: true, publishedOn: true, deletedAt: true } }),
    recordPlace(entityType, entityId),
  ]);
  const names: RecordNames = {
    negotiation: byId(negotiations, (n) => n.title),
    party: byId(parties, (p) => p.name),
    side: byId(sides, (p) => p.name),
    issue: byId(issues, (i) => i.name),
    source: byId(sources, sourceLabel),
  } satisfies Record<NamedKind, unknown>;
  return { revisions, names, place };
}

/** Where the record is now (its negotiation's address, in the trash or not), for the link back to it. */
async function recordPlace(entityType: EntityType, id: number): Promise<RecordPlace | null> {
  const db = await getDb();
  const negotiation = { select: { slug: true, deletedAt: true } };
  const place = (row: { deletedAt: Date | null; negotiation: { slug: string; deletedAt: Date | null } } | null): RecordPlace | null =>
    row && { slug: row.negotiation.slug, status: row.deletedAt !== null || row.negotiation.deletedAt !== null ? "trashed" : "live" };
  switch (entityType) {
    case "negotiation": {
      const n = await db.negotiation.findUnique({ where: { id }, select: { slug: true, deletedAt: true } });
      return place(n && { deletedAt: n.deletedAt, negotiation: n });
    }
    case "entry": {
      const e = await db.positionEntry.findUnique({ where: { id }, select: { deletedAt: true, sourceId: true, source: { select: { deletedAt: true } }, negotiation } });
      const found = place(e);
      if (!e || !found) return null;
      return { ...found, sourceId: e.sourceId, status: found.status === "live" && e.source.deletedAt !== null ? "source-trashed" : found.status };
    }
    case "party":
      return place(await db.party.findUnique({ where: { id }, select: { deletedAt: true, negotiation } }));
    case "issue":
      return place(await db.issue.findUnique({ where: { id }, select: { deletedAt: true, negotiation } }));
    case "source":
      return place(await db.source.findUnique({ where: { id }, select: { deletedAt: true, negotiation } }));
    case "side":
      return place(await db.side.findUnique({ where: { id }, select: { deletedAt: true, negotiation } }));
    case "milestone":
      return place(await db.milestone.findUnique({ where: { id }, select: { deletedAt: true, negotiation } }));
  }
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
    milestone: () => db.milestone.count({ where }),
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
        UNION ALL SELECT 'milestone', "id", "day" || ': ' || "title", NULL, NULL, "version", "deletedAt", "negotiationId" FROM "Milestone" WHERE "deletedAt" IS NOT NULL
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
        + (SELECT count(*) FROM "PositionEntry" WHERE "deletedAt" IS NOT NULL)
        + (SELECT count(*) FROM "Milestone" WHERE "deletedAt" IS NOT NULL) AS "total"`,
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
