import "server-only";
import type { MilestoneMark } from "@/lib/milestones";
import { pageOf, PAGE_SIZE } from "@/lib/paging";
import { getDb } from "../db";
import { requireReader } from "../session";

// Reads of milestones (docs/decisions/028-milestones.md). A milestone in the trash, or of a
// negotiation other than the one asked for, is never returned.

/**
 * The negotiation's milestones as marks, oldest first (same day: in recording order): what the
 * as-of quick picks, the timeline, the convergence chart and the issue page show.
 */
export async function listMilestoneMarks(negotiationId: number): Promise<MilestoneMark[]> {
  await requireReader();
  const db = await getDb();
  return db.milestone.findMany({
    where: { negotiationId, deletedAt: null },
    orderBy: [{ day: "asc" }, { id: "asc" }],
    select: { id: true, day: true, title: true },
  });
}

/**
 * One page of the milestones list, newest first, each with the source it cites (named as the
 * source list names it; `inTrash` when that source has been deleted since). Null past the last page.
 */
export async function listMilestonesPage(negotiationId: number, page: number, pageSize = PAGE_SIZE) {
  await requireReader();
  const db = await getDb();
  const where = { negotiationId, deletedAt: null };
  const at = pageOf(page, await db.milestone.count({ where }), pageSize);
  if (!at) return null;
  const rows = await db.milestone.findMany({
    where,
    orderBy: [{ day: "desc" }, { id: "desc" }],
    skip: at.offset,
    take: pageSize,
    select: {
      id: true,
      day: true,
      title: true,
      note: true,
      source: { select: { id: true, title: true, outlet: true, publishedOn: true, language: true, deletedAt: true } },
    },
  });
  return {
    page: at,
    milestones: rows.map(({ source, ...m }) => ({
      ...m,
      source: source ? { id: source.id, title: source.title, outlet: source.outlet, publishedOn: source.publishedOn, language: source.language, inTrash: source.deletedAt !== null } : null,
    })),
  };
}

/** A live milestone of the negotiation (its edit form), or null (404). */
export async function getMilestone(negotiationId: number, id: number) {
  await requireReader();
  const db = await getDb();
  return db.milestone.findFirst({
    where: { id, negotiationId, deletedAt: null },
    select: { id: true, day: true, title: true, sourceId: true, note: true, version: true },
  });
}
