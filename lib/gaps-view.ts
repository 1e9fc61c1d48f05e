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
export function toGapPosition(entry: GapEntry, party: { id: number; role: string }): GapPosition | null {
  if (!isStance(entry.stance)) return null;
  return {
    partyId: party.id,
    stance: entry.stance,
    firmness: entry.firmness !== null && isFirmness(entry.firmness) ? entry.firmness : null,
    role: isPartyRole(party.role) ? party.role : "observer",
    // A joint statement (one entry, several parties) is one voice, not two sides.
    ...(entry.partyIds.length > 1 ? { voice: `entry:${entry.id}` } : {}),
  };
}

/**
 * One row per issue with each party's position as of `asOf` and the gap between them.
 * `sort` "gap": hardest to close first (compareGaps), ties in issue order; "matrix": issue order
 * as given.
 */
export function buildGapRows<I extends { id: number }, P extends { id: number; role: string }, E extends GapEntry>(args: {
  issues: readonly I[];
  parties: readonly P[];
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
  const rows = args.issues.map((issue, index) => {
    const cells = args.parties.map((party) => ({ partyId: party.id, entry: matrix.get(cellKey(issue.id, party.id))?.current ?? null }));
    const positions = cells.map((cell, i) => (cell.entry ? toGapPosition(cell.entry, args.parties[i]!) : null));
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
