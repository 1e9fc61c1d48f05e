// The gap view's rows: for each issue, every party's position in force on the as-of day and
// the gap rule's verdict on them (lib/gap.ts, docs/decisions/005-gap-rule.md). Pure, no I/O:
// the page loads the negotiation's entries and this decides what each row shows and the order.
import { compareGaps, gapForIssue, GAP_STATUSES, type GapPosition, type GapResult, type GapStatus } from "./gap";
import { buildMatrix, cellKey, type MatrixEntry } from "./matrix";
import { isFirmness, isStance, PARTY_ROLES, type PartyRole } from "./vocabulary";

export const GAP_SORTS = ["gap", "matrix"] as const;
export type GapSort = (typeof GAP_SORTS)[number];
export const DEFAULT_GAP_SORT: GapSort = "gap";
export const GAP_SORT_LABELS: Record<GapSort, string> = {
  gap: "Most opposed first",
  matrix: "Matrix order",
};

/** Reads `?sort=`: "matrix" or "gap"; anything else (missing, unknown) is the default, most opposed first. */
export function parseGapSort(param: string | undefined): GapSort {
  return GAP_SORTS.find((s) => s === param) ?? DEFAULT_GAP_SORT;
}

export interface GapEntry extends MatrixEntry {
  stance: string;
  firmness: string | null;
}

export interface GapCell<E> {
  partyId: number;
  /** The entry in force on the as-of day, or null: no position recorded by then. */
  entry: E | null;
}

export interface GapRow<I, E> {
  issue: I;
  gap: GapResult;
  /** One per party, in the order the parties were given (matrix order). */
  cells: Array<GapCell<E>>;
}

function isPartyRole(value: string): value is PartyRole {
  return (PARTY_ROLES as readonly string[]).includes(value);
}

/**
 * The gap rule's input for one cell. The database hands stances, firmness and roles back as
 * strings (validated on write); a value outside the vocabulary is bad data, and is read so that
 * it can never make an issue look settled: an unknown stance is no position, an unknown
 * firmness is "not stated", an unknown role does not count (like a mediator's).
 */
export function toGapPosition(
  entry: GapEntry,
  party: { id: number; role: string; sideId?: number | null },
  sides: ReadonlyMap<number, { id: number; name: string }> = new Map(),
): GapPosition | null {
  if (!isStance(entry.stance)) return null;
  return {
    partyId: party.id,
    stance: entry.stance,
    firmness: entry.firmness !== null && isFirmness(entry.firmness) ? entry.firmness : null,
    role: isPartyRole(party.role) ? party.role : "observer",
    // A joint statement (one entry, several parties) is one voice, not two sides.
    ...(entry.partyIds.length > 1 ? { voice: `entry:${entry.id}` } : {}),
    // A party whose side is unknown here (none, or in the trash) is a side of its own.
    ...(party.sideId != null && sides.has(party.sideId) ? { side: sides.get(party.sideId)! } : {}),
  };
}

/**
 * One row per issue with each party's position as of `asOf` and the gap between them.
 * `sort` "gap": hardest to close first (compareGaps), ties in issue order; "matrix": issue order
 * as given.
 */
export function buildGapRows<I extends { id: number }, P extends { id: number; role: string; sideId?: number | null }, E extends GapEntry>(args: {
  issues: readonly I[];
  parties: readonly P[];
  /**
   * The negotiation's live sides (docs/decisions/027-sides.md); a party's side not listed here
   * counts as none. Required, so that every view that asks the rule (gap view, convergence,
   * issue page) passes the same sides: none is `[]`.
   */
  sides: ReadonlyArray<{ id: number; name: string }>;
  entries: readonly E[];
  asOf: string;
  sort: GapSort;
}): Array<GapRow<I, E>> {
  const matrix = buildMatrix({
    issueIds: args.issues.map((i) => i.id),
    partyIds: args.parties.map((p) => p.id),
    entries: args.entries,
    asOf: args.asOf,
  });
  const sides = new Map(args.sides.map((s) => [s.id, { id: s.id, name: s.name }]));
  const rows = args.issues.map((issue, index) => {
    const cells = args.parties.map((party) => ({ partyId: party.id, entry: matrix.get(cellKey(issue.id, party.id))?.current ?? null }));
    const positions = cells.map((cell, i) => (cell.entry ? toGapPosition(cell.entry, args.parties[i]!, sides) : null));
    return { row: { issue, gap: gapForIssue(positions), cells }, index };
  });
  if (args.sort === "gap") rows.sort((a, b) => compareGaps(a.row.gap, b.row.gap) || a.index - b.index);
  return rows.map((r) => r.row);
}

/** How many issues have each status (for the line above the table). */
export function countGapStatuses(rows: ReadonlyArray<{ gap: Pick<GapResult, "status"> }>): Record<GapStatus, number> {
  const counts = Object.fromEntries(GAP_STATUSES.map((s) => [s, 0])) as Record<GapStatus, number>;
  for (const row of rows) counts[row.gap.status]++;
  return counts;
}

const BYSTANDER_HEADINGS: Record<Exclude<PartyRole, "party">, string> = { mediator: "Mediators", observer: "Observers" };

/**
 * Mediators' and observers' positions in words, listed beside the gap because they never decide
 * it: "Mediators: United States proposes; Qatar accepts. Observers: UN supports". Empty when none.
 */
export function describeBystanders(
  bystanders: GapResult["bystanders"],
  parties: ReadonlyArray<{ id: number; name: string; shortName?: string }>,
): string {
  const byId = new Map(parties.map((p) => [p.id, p]));
  const parts: string[] = [];
  for (const role of ["mediator", "observer"] as const) {
    const words = bystanders
      .filter((b) => b.role === role)
      .map((b) => {
        const party = byId.get(b.partyId);
        return `${party ? party.shortName || party.name : `Party ${b.partyId}`} ${b.stance}`;
      });
    if (words.length > 0) parts.push(`${BYSTANDER_HEADINGS[role]}: ${words.join("; ")}`);
  }
  return parts.join(". ");
}

export interface SideGroup<P, S> {
  /** null: parties without a (live) side, each a side of its own. */
  side: S | null;
  parties: P[];
}

/**
 * The gap view's column groups: each live side (in side order) with its parties (in the order
 * given), then the parties without a side. Sides without parties are left out.
 */
export function groupPartiesBySide<P extends { sideId?: number | null }, S extends { id: number }>(
  parties: readonly P[],
  sides: readonly S[],
): Array<SideGroup<P, S>> {
  const groups: Array<SideGroup<P, S>> = sides.map((side) => ({ side, parties: parties.filter((p) => p.sideId === side.id) }));
  const known = new Set(sides.map((s) => s.id));
  const ungrouped = parties.filter((p) => p.sideId == null || !known.has(p.sideId));
  return [...groups, { side: null, parties: ungrouped }].filter((g) => g.parties.length > 0);
}
