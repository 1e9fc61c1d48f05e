// The issue page's view model (issue 11): every party's position in force on the as-of day, one
// stance strip per party, the gap status over time and which entries moved the issue. Pure, no
// I/O: the query (server/queries/entries.ts getIssuePage) reads only this issue's entries, and
// only their day, stance, firmness and parties; this decides what the page shows.
// The gap status on each day is the gap view's own computation (lib/gaps-view.ts buildGapRows,
// lib/gap.ts), fed the entries in force that day and the parties as the query returns them.
import { compareDated, positionAsOf } from "./as-of";
import type { GapResult, GapStatus } from "./gap";
import { buildGapRows, type GapEntry } from "./gaps-view";
import { samePosition, type Position } from "./position-words";
import { axisFraction, axisOf, stanceStrip, stripSegments, type StanceValue, type StripAxis, type StripSegment } from "./stance-strip";

/** What the page reads of an entry on this issue: its day, stance, firmness and the parties that stated it. */
export type IssuePoint = GapEntry;

/** The entries that name `partyId` (a joint statement counts for each of its parties), in the order given. */
export function pointsOfParty<E extends { partyIds: number[] }>(points: readonly E[], partyId: number): E[] {
  return points.filter((p) => p.partyIds.includes(partyId));
}

export interface IssueMove {
  id: number;
  /** Each party the entry moved, with that party's position just before it (null: its first). */
  moves: Array<{ partyId: number; previous: Position | null }>;
}

/**
 * The entries that moved the issue, newest first: an entry moved it when, for at least one party
 * it names, its stance or firmness differs from that party's entry just before it on the issue (a
 * party's first entry is a move). Rewordings and repeats did not move it.
 */
export function issueMoves(points: readonly IssuePoint[]): IssueMove[] {
  const sorted = [...points].sort(compareDated);
  const last = new Map<number, IssuePoint>();
  const out: IssueMove[] = [];
  for (const point of sorted) {
    const moves: IssueMove["moves"] = [];
    for (const partyId of point.partyIds) {
      const before = last.get(partyId) ?? null;
      if (!before || !samePosition(before, point)) moves.push({ partyId, previous: before && { stance: before.stance, firmness: before.firmness } });
      last.set(partyId, point);
    }
    if (moves.length > 0) out.push({ id: point.id, moves });
  }
  return out.reverse();
}

/**
 * The gap status after each day on which the issue has entries, oldest first: buildGapRows (the
 * gap view's rows) as of that day, given the entries in force that day. Days on which the status
 * and its reason stay the same are kept (the strip merges them).
 */
export function gapOverTime<I extends { id: number }, P extends { id: number; role: string; sideId?: number | null }>(
  issue: I,
  parties: readonly P[],
  sides: ReadonlyArray<{ id: number; name: string }>,
  points: readonly IssuePoint[],
): Array<{ day: string; gap: GapResult }> {
  const sorted = [...points].sort(compareDated);
  const inForce = new Map<number, IssuePoint>();
  const out: Array<{ day: string; gap: GapResult }> = [];
  for (let i = 0; i < sorted.length; i++) {
    const point = sorted[i]!;
    for (const partyId of point.partyIds) inForce.set(partyId, point);
    const next = sorted[i + 1];
    if (next && next.statedOn === point.statedOn) continue;
    const entries = [...new Set(inForce.values())];
    const [row] = buildGapRows({ issues: [issue], parties, sides, entries, asOf: point.statedOn, sort: "matrix" });
    out.push({ day: point.statedOn, gap: row!.gap });
  }
  return out;
}

export interface IssuePartyRow<P> {
  party: P;
  /** The entry in force on the as-of day (the matrix's rule), or null. */
  current: IssuePoint | null;
  strip: Array<StripSegment<StanceValue>>;
}

export interface IssueView<P> {
  /** From the issue's first entry (or the as-of day, if earlier) to its last entry (or the as-of day, if later); null without entries. */
  axis: StripAxis | null;
  /** Where the as-of day sits on the axis (0 … 1). */
  asOfAt: number | null;
  rows: Array<IssuePartyRow<P>>;
  gapStrip: Array<StripSegment<GapStatus>>;
  /** The gap status as of the as-of day: the gap view's row for this issue. */
  gapAsOf: GapResult;
  /** Milestones on the axis, at their place (0 … 1). */
  milestones: Array<{ day: string; title: string; at: number }>;
}

export function buildIssueView<I extends { id: number }, P extends { id: number; role: string; sideId?: number | null }>(args: {
  issue: I;
  parties: readonly P[];
  /** The negotiation's live sides: the gap rule's allies (docs/decisions/027-sides.md). */
  sides: ReadonlyArray<{ id: number; name: string }>;
  points: readonly IssuePoint[];
  asOf: string;
  milestones: ReadonlyArray<{ day: string; title: string }>;
}): IssueView<P> {
  const { issue, parties, sides, points, asOf } = args;
  const axis = points.length > 0 ? axisOf(points.map((p) => p.statedOn), asOf) : null;
  const rows = parties.map((party) => {
    const own = pointsOfParty(points, party.id);
    return { party, current: positionAsOf(own, asOf), strip: axis ? stanceStrip(own, axis) : [] };
  });
  const gaps = gapOverTime(issue, parties, sides, points);
  const gapStrip = axis ? stripSegments(gaps.map((g) => ({ day: g.day, value: g.gap.status })), axis, (s) => s) : [];
  const gapAsOf = buildGapRows({ issues: [issue], parties, sides, entries: points, asOf, sort: "matrix" })[0]!.gap;
  const milestones = axis
    ? args.milestones.flatMap((m) => {
        const at = axisFraction(axis, m.day);
        return at === null ? [] : [{ day: m.day, title: m.title, at }];
      })
    : [];
  return { axis, asOfAt: axis ? axisFraction(axis, asOf) : null, rows, gapStrip, gapAsOf, milestones };
}
