// Strips across time: a row of segments, each a value held from one day until the next change
// (a party's stance and firmness on an issue, an issue's gap status). Pure layout, no I/O: the
// components draw the segments at `start`/`width` (fractions of the axis) and list them as text.
// Which entry holds on a day is the as-of rule (lib/as-of.ts): the latest day, then the latest
// recorded entry of that day, so a strip never disagrees with the matrix.
import { compareDated, type Dated } from "./as-of";
import { addDays, daysBetween } from "./day";

/** The days a strip spans, both included (YYYY-MM-DD, first <= last). */
export interface StripAxis {
  first: string;
  last: string;
}

export interface StripSegment<V> {
  /** The first day the value holds. */
  from: string;
  /** The last day it holds (the day before the next change, or the axis's last day). */
  to: string;
  value: V;
  /** Where the segment starts and how wide it is, as fractions of the axis (0 … 1). */
  start: number;
  width: number;
}

/** The axis covering `days` and `also` (e.g. the as-of date), or null when there is no day at all. */
export function axisOf(days: Iterable<string>, ...also: string[]): StripAxis | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const day of [...days, ...also]) {
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  }
  return first !== null && last !== null ? { first, last } : null;
}

/** Where `day` falls on the axis, as a fraction (0 = start of its first day), or null outside it. */
export function axisFraction(axis: StripAxis, day: string): number | null {
  if (day < axis.first || day > axis.last) return null;
  return daysBetween(axis.first, day) / (daysBetween(axis.first, axis.last) + 1);
}

/**
 * Segments from changes: `points` are (day, value) in day order, one value per day at most (the
 * last point of a day wins). A value holds from its day until the day before the next point with
 * a different value (`key` decides "different"), or to the axis's last day. Points after the axis
 * are dropped; a point before it holds from the axis's first day.
 */
export function stripSegments<V>(points: ReadonlyArray<{ day: string; value: V }>, axis: StripAxis, key: (v: V) => string): Array<StripSegment<V>> {
  const total = daysBetween(axis.first, axis.last) + 1;
  const kept: Array<{ from: string; value: V }> = [];
  for (const point of points) {
    if (point.day > axis.last) break;
    const from = point.day < axis.first ? axis.first : point.day;
    const last = kept[kept.length - 1];
    if (last && last.from === from) {
      kept.pop();
    }
    const before = kept[kept.length - 1];
    if (before && key(before.value) === key(point.value)) continue;
    kept.push({ from, value: point.value });
  }
  return kept.map((k, i) => {
    const next = kept[i + 1];
    const to = next ? addDays(next.from, -1) : axis.last;
    return { from: k.from, to, value: k.value, start: daysBetween(axis.first, k.from) / total, width: (daysBetween(k.from, to) + 1) / total };
  });
}

export interface StanceEntry extends Dated {
  stance: string;
  firmness: string | null;
}

export interface StanceValue {
  stance: string;
  firmness: string | null;
  /** The entry in force from the segment's first day. */
  entryId: number;
}

/**
 * A cell's stance strip: from each day with entries, the entry in force at the end of that day
 * (the as-of rule) until the next day whose entry in force says something else (stance or
 * firmness). A withdrawal is a segment of its own (drawn as a gap). `entries` in any order.
 */
export function stanceStrip(entries: readonly StanceEntry[], axis: StripAxis): Array<StripSegment<StanceValue>> {
  const points = [...entries].sort(compareDated).map((e) => ({ day: e.statedOn, value: { stance: e.stance, firmness: e.firmness, entryId: e.id } }));
  return stripSegments(points, axis, (v) => `${v.stance}|${v.firmness ?? ""}`);
}
