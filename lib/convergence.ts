// Convergence over time: how many issues were opposed, open and compatible on each day, and the
// chart and table that show it (the gap view and the negotiation's front read the same model).
// Pure, no I/O. The status of an issue on a day is the gap view's own verdict on the matrix as of
// that day (lib/gaps-view.ts buildGapRows, lib/gap.ts): never a rule of its own
// (docs/decisions/029-convergence-over-time.md).
import { compareDated } from "./as-of";
import { addDays, daysBetween } from "./day";
import { formatDay } from "./format";
import { GAP_LABELS, GAP_STATUSES, type GapStatus } from "./gap";
import { buildGapRows, countGapStatuses, type GapEntry } from "./gaps-view";

export type GapCounts = Record<GapStatus, number>;

/** From `day` on (until the next point), the issues had these statuses. */
export interface ConvergencePoint extends GapCounts {
  day: string;
}

/** A step series: `before` holds before the first point; each point holds until the next. */
export interface ConvergenceSeries {
  issueCount: number;
  before: GapCounts;
  /** One per day on which a live entry was stated, oldest first. */
  points: ConvergencePoint[];
}

/**
 * The counts on every day an entry was stated, by a sweep over the entries in day order: each
 * day updates the cells its entries name and asks the gap rule again only for the issues it
 * touched, with the entries in force in their cells (what the gap view computes from, see
 * getAsOfEntries). Parties are passed exactly as the gap view gets them, so whatever the gap
 * rule reads of a party it reads here too. Entries of issues or parties not given are ignored,
 * as buildGapRows ignores them.
 */
export function convergenceSeries<I extends { id: number }, P extends { id: number; role: string; sideId?: number | null }, E extends GapEntry>(args: {
  issues: readonly I[];
  parties: readonly P[];
  sides: ReadonlyArray<{ id: number; name: string }>;
  entries: readonly E[];
}): ConvergenceSeries {
  const { issues, parties, sides } = args;
  const issueById = new Map(issues.map((i) => [i.id, i]));
  const partyIds = new Set(parties.map((p) => p.id));
  // Before any statement: the rule on an empty matrix.
  const status = new Map<number, GapStatus>();
  for (const row of buildGapRows({ issues, parties, sides, entries: [] as E[], asOf: "0000-01-01", sort: "matrix" })) status.set(row.issue.id, row.gap.status);
  const before = countGapStatuses([...status.values()].map((s) => ({ gap: { status: s } })));

  const sorted = [...args.entries].sort(compareDated);
  /** Per issue, per party: the entry in force so far (later day, then later recorded, wins). */
  const inForce = new Map<number, Map<number, E>>();
  const counts = { ...before };
  const points: ConvergencePoint[] = [];
  let i = 0;
  while (i < sorted.length) {
    const day = sorted[i]!.statedOn;
    const touched = new Set<number>();
    for (; i < sorted.length && sorted[i]!.statedOn === day; i++) {
      const entry = sorted[i]!;
      if (!issueById.has(entry.issueId)) continue;
      let cells = inForce.get(entry.issueId);
      if (!cells) inForce.set(entry.issueId, (cells = new Map()));
      for (const partyId of entry.partyIds) if (partyIds.has(partyId)) cells.set(partyId, entry);
      touched.add(entry.issueId);
    }
    // One call of the gap rule for the day's touched issues, with the entries in force in their cells.
    const touchedIssues = [...touched].map((id) => issueById.get(id)!);
    const shown = new Set<E>();
    for (const id of touched) for (const e of inForce.get(id)!.values()) shown.add(e);
    for (const row of buildGapRows({ issues: touchedIssues, parties, sides, entries: [...shown], asOf: day, sort: "matrix" })) {
      const next = row.gap.status;
      const was = status.get(row.issue.id)!;
      if (next !== was) {
        counts[was]--;
        counts[next]++;
        status.set(row.issue.id, next);
      }
    }
    points.push({ day, ...counts });
  }
  return { issueCount: issues.length, before, points };
}

/** The counts in force on `day`: the latest point on or before it, else `before`. */
export function countsOn(series: ConvergenceSeries, day: string): GapCounts {
  let lo = 0;
  let hi = series.points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series.points[mid]!.day <= day) lo = mid + 1;
    else hi = mid;
  }
  const point = lo > 0 ? series.points[lo - 1]! : null;
  return point ? pick(point) : { ...series.before };
}

function pick(c: GapCounts): GapCounts {
  return { opposed: c.opposed, open: c.open, compatible: c.compatible };
}

const sameCounts = (a: GapCounts, b: GapCounts) => GAP_STATUSES.every((s) => a[s] === b[s]);

/** The points where the counts changed (a day whose entries moved no status is left out). */
export function changeSteps(series: ConvergenceSeries): ConvergencePoint[] {
  const out: ConvergencePoint[] = [];
  let last: GapCounts = series.before;
  for (const p of series.points) {
    if (!sameCounts(p, last)) out.push(p);
    last = p;
  }
  return out;
}

/** "3 opposed, 5 open, 2 compatible". */
export function countsSentence(c: GapCounts): string {
  return GAP_STATUSES.map((s) => `${c[s]} ${GAP_LABELS[s].toLowerCase()}`).join(", ");
}

// ---- Chart layout -------------------------------------------------------------------------

/** At most this many links (and table rows) per change; beyond it, one per month (or per 3, 6, 12 months). */
export const MAX_BANDS = 40;
const MONTH_GROUPS = [1, 3, 6, 12, 24, 60, 120] as const;

export interface ChartBand {
  /** The as-of day the link opens and the table row shows. */
  day: string;
  x: number;
  width: number;
  href: string;
  counts: GapCounts;
  /**
   * The link's accessible name: "Matrix on 25 Aug 2024: 3 opposed, 5 open, 2 compatible". Not
   * "as of": the pages' date field is labelled "As of", and a link named so would answer to it.
   */
  label: string;
}

export interface ChartTick {
  value: number;
  pos: number;
  label: string;
}

export interface ChartMilestone {
  number: number;
  day: string;
  title: string;
  x: number;
  label: string;
}

export interface ConvergenceChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The time axis (a little wider than the entries' days). */
  from: string;
  to: string;
  /** The first and the last day an entry was stated. */
  firstDay: string;
  lastDay: string;
  issueCount: number;
  /** Stacked from the bottom: opposed, open, compatible; each a closed step-area path. */
  layers: Array<{ status: GapStatus; label: string; path: string; line: string }>;
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  /** One link per change (few changes) or per month group; the same rows make the table. */
  bands: ChartBand[];
  /** Whether bands are changes ("day") or month groups ("month"). */
  bandUnit: "day" | "month";
  asOf: { day: string; x: number; counts: GapCounts; label: string; anchor: "start" | "middle" | "end" };
  milestones: ChartMilestone[];
}

export interface ChartOptions {
  asOf: string;
  /** The matrix page's path: a band links to `${matrixHref}?asOf=<day>`. */
  matrixHref: string;
  milestones: ReadonlyArray<{ day: string; title: string }>;
  compact?: boolean;
}

const WIDTH = 480;
const FULL_HEIGHT = 210;
const COMPACT_HEIGHT = 150;

/** Linear scale from a domain to a range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => round(r0 + ((v - d0) / span) * (r1 - r0));
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Whole-number ticks from 0 to `max` at a 1-2-5 step, at most `count` + 1 of them, always ending on a tick ≥ max. */
export function integerTicks(max: number, count: number): number[] {
  if (max <= 0) return [0];
  let step = 1;
  for (let k = 1; ; k *= 10) {
    const s = [1, 2, 5].map((m) => m * k).find((c) => Math.ceil(max / c) <= count);
    if (s !== undefined) {
      step = s;
      break;
    }
  }
  const top = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = 0; v <= top; v += step) out.push(v);
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthStart = (index: number) => `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;

/** Month-start ticks inside from…to, every 1, 2, 3, 6 or 12 months, at most `count`; labelled "Jan 2025" (January) or "Apr". */
export function monthTicks(from: string, to: string, count: number): Array<{ day: string; label: string }> {
  const first = monthIndex(from) + (from.endsWith("-01") ? 0 : 1);
  const last = monthIndex(to);
  const months = last - first + 1;
  const every = [1, 2, 3, 6, 12, 24, 60, 120].find((n) => Math.ceil(months / n) <= count) ?? 120;
  const out: Array<{ day: string; label: string }> = [];
  for (let m = first; m <= last; m++) {
    if (m % every !== 0) continue;
    const month = m % 12;
    const year = Math.floor(m / 12);
    const label = month === 0 || every >= 12 || out.length === 0 ? `${MONTHS[month]} ${year}` : MONTHS[month]!;
    out.push({ day: monthStart(m), label });
  }
  return out;
}

function bandsOf(series: ConvergenceSeries, from: string, to: string, lastDay: string): { unit: "day" | "month"; days: Array<{ day: string; start: string; end: string }> } {
  const steps = changeSteps(series);
  if (steps.length <= MAX_BANDS) {
    return {
      unit: "day",
      days: steps.map((s, i) => ({ day: s.day, start: s.day, end: steps[i + 1]?.day ?? to })),
    };
  }
  const first = monthIndex(from);
  const last = monthIndex(to);
  const per = MONTH_GROUPS.find((n) => Math.ceil((last - first + 1) / n) <= MAX_BANDS) ?? 120;
  const days: Array<{ day: string; start: string; end: string }> = [];
  for (let m = first; m <= last; m += per) {
    const start = m === first ? from : monthStart(m);
    const next = m + per > last ? to : monthStart(m + per);
    // The group's as-of day: its last day (the state it ends with), or the chart's last day.
    const end = m + per > last ? (lastDay >= start ? lastDay : to) : addDays(next, -1);
    days.push({ day: end, start, end: next });
  }
  return { unit: "month", days };
}

/**
 * The chart's layout: scales, ticks, stacked step areas, one link per change or month group,
 * the as-of mark and the milestones, in a `width`×`height` viewBox (it scales with the page).
 * The time axis runs from a little before the first entry day to a little after the last, so
 * the state before the first statement and after the last both show; an as-of day outside it
 * is marked at the edge.
 */
export function convergenceChart(series: ConvergenceSeries, options: ChartOptions): ConvergenceChart | null {
  if (series.points.length === 0 || series.issueCount === 0) return null;
  const compact = options.compact ?? false;
  const height = compact ? COMPACT_HEIGHT : FULL_HEIGHT;
  const plot = { left: 34, right: WIDTH - 12, top: 34, bottom: height - 22 };
  const firstDay = series.points[0]!.day;
  const lastDay = series.points[series.points.length - 1]!.day;
  const span = daysBetween(firstDay, lastDay);
  const pad = Math.max(1, Math.round(span * 0.02));
  const from = addDays(firstDay, -pad);
  const to = addDays(lastDay, pad);
  const total = daysBetween(from, to);
  const xOfOffset = linearScale(0, total, plot.left, plot.right);
  const x = (day: string) => xOfOffset(Math.min(total, Math.max(0, daysBetween(from, day))));
  const yTickValues = integerTicks(series.issueCount, compact ? 2 : 4);
  const yMax = yTickValues[yTickValues.length - 1]!;
  const y = linearScale(0, yMax, plot.bottom, plot.top);

  // Step boundaries: the state before the first day, then each point until the next.
  // Only the days the counts changed make a corner (a day that moved no status draws nothing).
  const steps = [{ x0: plot.left, counts: series.before }, ...changeSteps(series).map((p) => ({ x0: x(p.day), counts: pick(p) }))];
  const stepLine = (value: (c: GapCounts) => number) => {
    let d = "";
    steps.forEach((s, i) => {
      const x1 = steps[i + 1]?.x0 ?? plot.right;
      const yv = y(value(s.counts));
      d += i === 0 ? `M${s.x0},${yv}H${x1}` : `V${yv}H${x1}`;
    });
    return d;
  };
  const stepBack = (value: (c: GapCounts) => number) => {
    let d = "";
    for (let i = steps.length - 1; i >= 0; i--) {
      const s = steps[i]!;
      d += `V${y(value(s.counts))}H${s.x0}`;
    }
    return d;
  };
  const cumulative: Record<GapStatus, (c: GapCounts) => number> = {
    opposed: (c) => c.opposed,
    open: (c) => c.opposed + c.open,
    compatible: (c) => c.opposed + c.open + c.compatible,
  };
  const below: Record<GapStatus, (c: GapCounts) => number> = {
    opposed: () => 0,
    open: cumulative.opposed,
    compatible: cumulative.open,
  };
  const layers = GAP_STATUSES.slice()
    .sort((a, b) => ORDER[a] - ORDER[b])
    .map((status) => ({
      status,
      label: GAP_LABELS[status],
      line: stepLine(cumulative[status]),
      path: `${stepLine(cumulative[status])}${stepBack(below[status])}Z`,
    }));

  const { unit, days } = bandsOf(series, from, to, lastDay);
  const bands = days.map(({ day, start, end }) => {
    const x0 = x(start);
    const counts = countsOn(series, day);
    return {
      day,
      x: x0,
      width: Math.max(1, round(x(end) - x0)),
      href: `${options.matrixHref}?asOf=${day}`,
      counts,
      label: `Matrix on ${formatDay(day)}: ${countsSentence(counts)}`,
    };
  });

  const asOfX = x(options.asOf);
  const asOfCounts = countsOn(series, options.asOf);
  const milestones = options.milestones
    .filter((m) => m.day >= from && m.day <= to)
    .map((m, i) => ({ number: i + 1, day: m.day, title: m.title, x: x(m.day), label: `${i + 1}: ${formatDay(m.day)}, ${m.title}` }));

  return {
    width: WIDTH,
    height,
    plot,
    from,
    to,
    firstDay,
    lastDay,
    issueCount: series.issueCount,
    layers,
    xTicks: monthTicks(from, to, compact ? 4 : 6).map((t) => ({ value: 0, pos: x(t.day), label: t.label })),
    yTicks: yTickValues.map((v) => ({ value: v, pos: y(v), label: String(v) })),
    bands,
    bandUnit: unit,
    asOf: {
      day: options.asOf,
      x: asOfX,
      counts: asOfCounts,
      label: `As of ${formatDay(options.asOf)}`,
      anchor: asOfX < plot.left + 60 ? "start" : asOfX > plot.right - 60 ? "end" : "middle",
    },
    milestones,
  };
}

/** Stacking order from the bottom: opposed at the base, so its rise and fall reads first. */
const ORDER: Record<GapStatus, number> = { opposed: 0, open: 1, compatible: 2 };
