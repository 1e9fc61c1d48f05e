// Change types over a negotiation's entries: each entry classified against the same party's
// previous entry on the same issue (lib/change.ts), per cell, since a joint statement belongs
// to several cells and can be "new" for one party and "softened" for another.
import { classifyChange, effectiveChange, readingOf, type ChangeType, type EntryForChange } from "./change";
import { buildMatrix, cellKey, entriesByCell, type MatrixCell, type MatrixEntry } from "./matrix";
import type { Firmness, Stance } from "./vocabulary";

export interface HistoryEntry extends MatrixEntry {
  stance: string;
  firmness: string | null;
  summary: string;
  quote: string;
  changeOverride: string | null;
}

export interface ChangeInfo {
  /** What is shown: the analyst's override when there is one, else the computed type. */
  change: ChangeType;
  computedChange: ChangeType;
  overridden: boolean;
}

export type Classified<E> = E & ChangeInfo & { previous: E | null };

/** Stances and firmness are validated on write; the database hands them back as strings. */
export function forChange(e: HistoryEntry): EntryForChange {
  return { stance: e.stance as Stance, firmness: (e.firmness as Firmness | null) ?? null, summary: e.summary, quote: e.quote };
}

/** How `current` moved from `previous` (its predecessor in the cell), override applied. */
export function changeOf<E extends HistoryEntry>(previous: E | null, current: E): ChangeInfo {
  const computedChange = classifyChange(previous ? forChange(previous) : null, forChange(current));
  const { type, overridden } = effectiveChange(computedChange, current.changeOverride);
  return { change: type, computedChange, overridden };
}

/**
 * A cell's entries (date order) grouped into readings: all entries stated on one day form one
 * reading (decision 004), oldest day first.
 */
export function readingsOf<E extends { statedOn: string }>(list: readonly E[]): E[][] {
  const days: E[][] = [];
  for (const entry of list) {
    const last = days[days.length - 1];
    if (last && last[0]!.statedOn === entry.statedOn) last.push(entry);
    else days.push([entry]);
  }
  return days;
}

/**
 * How `current` (one entry, or a whole day's reading) moved from the previous day's reading.
 * Same-day entries are never compared with each other, so typing order cannot invent a move.
 * The override shown is that of the last-recorded entry of `current` that has a valid one.
 */
export function changeFromReading<E extends HistoryEntry>(previousDay: readonly E[] | null, current: E | readonly E[]): ChangeInfo {
  const now = Array.isArray(current) ? (current as readonly E[]) : [current as E];
  const before = previousDay && previousDay.length > 0 ? readingOf(previousDay.map(forChange)) : null;
  const computedChange = classifyChange(before, readingOf(now.map(forChange)));
  const override = [...now].sort((a, b) => a.id - b.id).reduce<string | null>((found, e) => effectiveChange(computedChange, e.changeOverride).overridden ? e.changeOverride : found, null);
  const { type, overridden } = effectiveChange(computedChange, override);
  return { change: type, computedChange, overridden };
}

/**
 * Every cell's entries in date order, each with its change against the previous day's
 * reading; `previous` is the last entry of that reading (for word diffs).
 */
export function cellHistories<E extends HistoryEntry>(entries: readonly E[]): Map<string, Array<Classified<E>>> {
  const out = new Map<string, Array<Classified<E>>>();
  for (const [key, list] of entriesByCell(entries)) {
    const days = readingsOf(list);
    out.set(
      key,
      days.flatMap((day, d) => {
        const previousDay = d > 0 ? days[d - 1]! : null;
        const previous = previousDay ? previousDay[previousDay.length - 1]! : null;
        return day.map((entry) => ({ ...entry, ...changeFromReading(previousDay, entry), previous }));
      }),
    );
  }
  return out;
}

export interface CellComparison<E> {
  issueId: number;
  partyId: number;
  before: E | null;
  after: E;
  change: ChangeType;
  overridden: boolean;
}

export type ChangeCounts = Record<ChangeType, number>;

const zeroCounts = (): ChangeCounts => ({ new: 0, unchanged: 0, reworded: 0, softened: 0, hardened: 0, reversed: 0, withdrawn: 0 });

/**
 * What differs between the matrix as of `from` and as of `to` (swapped if given backwards).
 * A cell differs when a different entry is in force on the two days and the two entries are
 * not the same position ("unchanged"). The change is classified between the two entries in
 * force; when they are consecutive entries, the analyst's override on the later one applies.
 */
export function compareDates<E extends HistoryEntry>(args: {
  entries: readonly E[];
  issueIds: readonly number[];
  partyIds: readonly number[];
  from: string;
  to: string;
}) {
  const [from, to] = args.from <= args.to ? [args.from, args.to] : [args.to, args.from];
  const matrix = (asOf: string) => buildMatrix({ issueIds: args.issueIds, partyIds: args.partyIds, entries: args.entries, asOf });
  return compareMatrices({ issueIds: args.issueIds, partyIds: args.partyIds, from, to, before: matrix(from), after: matrix(to) });
}

/**
 * The comparison of two dates from the matrix as of each (`from` <= `to`): what compareDates
 * builds from a negotiation's entries. Two entries in force are consecutive when the cell
 * gained exactly one entry between the two days.
 */
export function compareMatrices<E extends HistoryEntry>(args: {
  issueIds: readonly number[];
  partyIds: readonly number[];
  from: string;
  to: string;
  before: ReadonlyMap<string, MatrixCell<E>>;
  after: ReadonlyMap<string, MatrixCell<E>>;
}) {
  const current = (m: ReadonlyMap<string, MatrixCell<E>>) => new Map([...m].map(([key, cell]) => [key, cell.current]));
  const between = new Map([...args.after].map(([key, cell]) => [key, cell.earlier - (args.before.get(key)?.earlier ?? 0)]));
  return compareInForce({ ...args, before: current(args.before), after: current(args.after), between });
}

/**
 * What differs between the entries in force on `from` and on `to` (`from` <= `to`), keyed
 * cellKey(issueId, partyId) (a missing key: nothing in force). A cell differs when a different
 * entry is in force on the two days and the two are not the same position ("unchanged"). The
 * change is classified between the two entries in force; the analyst's override on the later
 * one applies only when they are consecutive: `between` (the cell's entries stated after `from`
 * up to `to`) is exactly one. What the database's read gives (server/queries/entries.ts
 * getComparison) and what compareMatrices derives from two matrices.
 */
export function compareInForce<E extends HistoryEntry>(args: {
  issueIds: readonly number[];
  partyIds: readonly number[];
  from: string;
  to: string;
  before: ReadonlyMap<string, E | null>;
  after: ReadonlyMap<string, E | null>;
  between: ReadonlyMap<string, number>;
}) {
  const { from, to } = args;
  const cells: Array<CellComparison<E>> = [];
  const total = zeroCounts();
  const byParty = new Map<number, ChangeCounts>(args.partyIds.map((id) => [id, zeroCounts()]));
  for (const issueId of args.issueIds) {
    for (const partyId of args.partyIds) {
      const key = cellKey(issueId, partyId);
      const before = args.before.get(key) ?? null;
      const after = args.after.get(key) ?? null;
      if (!after || before?.id === after.id) continue;
      const consecutive = before !== null && args.between.get(key) === 1;
      const info = changeOf(before, consecutive || before === null ? after : { ...after, changeOverride: null });
      if (info.change === "unchanged") continue;
      cells.push({ issueId, partyId, before, after, change: info.change, overridden: info.overridden });
      total[info.change]++;
      byParty.get(partyId)![info.change]++;
    }
  }
  return { from, to, cells, total, byParty };
}
