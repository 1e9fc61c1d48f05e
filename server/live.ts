import "server-only";
import type { Prisma } from "./generated/prisma/client";

// What trashing a party, issue or source does to the position entries that depend on it, in one
// place (docs/decisions/011-trash-and-dependent-entries.md):
//
// - An entry is *live* when it is not in the trash itself and its issue, its source and every
//   party it names are not in the trash either. Only live entries are shown, counted, edited or
//   trashed; every query and mutation of entries filters with `liveEntryWhere`.
// - Trashing a party, issue or source changes nothing in its entries: they keep every link
//   (a joint statement keeps all its parties) and simply stop being live. Restoring it brings
//   them back exactly as they were.
// - An entry is restored from the trash only when all it depends on is live (otherwise the
//   restore is refused with what to restore first), so a restored entry is always visible.

/** The entry's issue, source and every party it names are out of the trash. */
export const entryDependenciesLive = {
  issue: { deletedAt: null },
  source: { deletedAt: null },
  parties: { none: { party: { deletedAt: { not: null } } } },
} satisfies Prisma.PositionEntryWhereInput;

/** A live entry: not in the trash, and nothing it depends on is in the trash. */
export const liveEntryWhere = { deletedAt: null, ...entryDependenciesLive } satisfies Prisma.PositionEntryWhereInput;

export type DependencyKind = "party" | "issue" | "source";

/** The live entries that stop being live when this party, issue or source goes to the trash. */
export function dependantsWhere(kind: DependencyKind, id: number): Prisma.PositionEntryWhereInput {
  const link: Prisma.PositionEntryWhereInput =
    kind === "party" ? { parties: { some: { partyId: id } } } : kind === "issue" ? { issueId: id } : { sourceId: id };
  return { AND: [liveEntryWhere, link] };
}

/**
 * The same rule as `liveEntryWhere`, as SQL for the raw queries (full-text search, entry lists,
 * the as-of matrix): `e` names the PositionEntry row. tests/db/search.test.ts checks that both
 * pick exactly the same entries. Written as uncorrelated `NOT IN` lists of what is in the trash
 * (read once per query) rather than three lookups per entry: on the 50,000-entry bench database
 * that took about a third less CPU time (issue 10). The ids are never NULL, so `NOT IN` cannot misfire.
 */
export function liveEntrySql(e: string): string {
  return `(${e}."deletedAt" IS NULL
    AND ${e}."issueId" NOT IN (SELECT li."id" FROM "Issue" li WHERE li."deletedAt" IS NOT NULL)
    AND ${e}."sourceId" NOT IN (SELECT ls."id" FROM "Source" ls WHERE ls."deletedAt" IS NOT NULL)
    AND ${e}."id" NOT IN (SELECT lep."entryId" FROM "PositionEntryParty" lep
                          WHERE lep."partyId" IN (SELECT lp."id" FROM "Party" lp WHERE lp."deletedAt" IS NOT NULL)))`;
}
