// Layout of the timeline: one lane per party, one mark per entry in that party's lane, placed
// by date. Pure, no I/O and no DOM: the page renders the numbers this returns as SVG.
//
// Days are YYYY-MM-DD strings (docs/decisions/003); positions are computed from whole-day
// offsets through lib/window.ts, never through local-time Date objects.
//
// Marks that would overlap (same day, or days closer than one mark's width at this scale) are
// packed into rows inside the lane: each mark takes the top-most row that is free at its
// date. A lane grows rows only as far as it needs to keep every mark at (or within
// `tolerance` of) its own date, up to `maxRows`; beyond that, marks move right of their date
// in the row that frees up first, and are flagged `shifted` so the page can draw a tick at
// the true date.
//
// Only days in Parley's range are laid out (lib/day.ts, docs/decisions/010): a day stored
// before the range was enforced (e.g. 9999-12-31) is left out of the chart by `lanesWithin`
// and listed by the page, instead of breaking the arithmetic for everyone.
import { compareDated } from "./as-of";
import { cellHistories, type Classified, type HistoryEntry } from "./history";
import { addDays, daysBetween, EARLIEST_DAY, isValidDay, LATEST_DAY } from "./day";

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The days the x axis spans: from the first of the earliest month to the first of the month after the latest day. */
export interface DayDomain {
  start: string;
  end: string;
  /** Whole days from start to end (> 0). */
  days: number;
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month after `day`'s month. */
export function nextMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${String(year + 1).padStart(4, "0")}-01-01` : `${day.slice(0, 4)}-${String(month + 1).padStart(2, "0")}-01`;
}

/** Whole months around the given days, or null when there are none. */
export function dayDomain(days: Iterable<string>): DayDomain | null {
  let min: string | null = null;
  let max: string | null = null;
  for (const d of days) {
    if (min === null || d < min) min = d;
    if (max === null || d > max) max = d;
  }
  if (min === null || max === null) return null;
  const start = startOfMonth(min);
  const end = nextMonth(max);
  return { start, end, days: daysBetween(start, end) };
}

/** A linear day → x scale over [x0, x1]. Days outside the domain extrapolate. */
export function dayScale(domain: DayDomain, x0: number, x1: number): (day: string) => number {
  const perDay = (x1 - x0) / domain.days;
  return (day) => x0 + daysBetween(domain.start, day) * perDay;
}

/** The day `offset` whole days into the domain, clamped to it (for the as-of scrubber). */
export function dayAtOffset(domain: DayDomain, offset: number): string {
  const n = Math.min(domain.days, Math.max(0, Math.round(offset)));
  return addDays(domain.start, n);
}

export interface MonthTick {
  day: string;
  x: number;
  /** "May"; empty when this tick is unlabelled (labels would collide). */
  label: string;
  /** "2024" on the first labelled tick and on every labelled January, else empty. */
  year: string;
}

/** Label steps (in months) tried in order until labels are at least `minLabelGap` apart. */
const LABEL_STEPS = [1, 2, 3, 4, 6, 12];

/**
 * One tick at the first of every month in the domain (end included). Labels go on every
 * `step`-th month counted from January (so quarters fall on Jan/Apr/Jul/Oct), with the
 * smallest step that keeps them `minLabelGap` apart; months between keep an unlabelled tick.
 */
export function monthTicks(domain: DayDomain, xOf: (day: string) => number, minLabelGap: number): MonthTick[] {
  const months: string[] = [];
  for (let d = domain.start; d <= domain.end; d = nextMonth(d)) months.push(d);
  const monthWidth = months.length > 1 ? (xOf(domain.end) - xOf(domain.start)) / (months.length - 1) : Infinity;
  // Shortest month (28 days) decides: widths vary with month length.
  const shortest = monthWidth * (28 / 30.44);
  const step = LABEL_STEPS.find((s) => s * shortest >= minLabelGap) ?? 12;
  let yearShown = false;
  return months.map((day) => {
    const month = Number(day.slice(5, 7));
    const labelled = (month - 1) % step === 0;
    const year = labelled && (!yearShown || month === 1) ? day.slice(0, 4) : "";
    if (year) yearShown = true;
    return { day, x: xOf(day), label: labelled ? MONTH_NAMES[month - 1]! : "", year };
  });
}

export interface PackOptions {
  /** Minimum distance between the centres of two marks in one row. */
  spacing: number;
  maxRows: number;
  /** How far right of its date a mark may sit before the lane gets another row. */
  tolerance: number;
}

export interface PlacedMark<T> {
  item: T;
  /** Where the mark is drawn. */
  x: number;
  /** Where its day is on the axis (x - ideal = how far it was pushed right). */
  ideal: number;
  row: number;
  shifted: boolean;
}

/**
 * Packs marks into exactly `rows` rows (greedy, in the order given, which should be date
 * order): a mark takes the top-most row whose last mark is at least `spacing` before its
 * date; when no row is free it goes into the row that frees up first, right after its last
 * mark.
 */
export function packRows<T extends { day: string }>(items: readonly T[], xOf: (day: string) => number, rows: number, spacing: number): Array<PlacedMark<T>> {
  if (rows < 1) throw new RangeError(`A lane needs at least one row, got ${rows}`);
  const lastX: number[] = Array.from({ length: rows }, () => -Infinity);
  return items.map((item) => {
    const ideal = xOf(item.day);
    let row = lastX.findIndex((x) => x + spacing <= ideal + 1e-9);
    let x = ideal;
    if (row === -1) {
      row = lastX.indexOf(Math.min(...lastX));
      x = lastX[row]! + spacing;
    }
    lastX[row] = x;
    return { item, x, ideal, row, shifted: x - ideal > 1e-9 };
  });
}

/**
 * Packs one lane with as few rows as keep every mark within `tolerance` of its date, and
 * never more than `maxRows`. Returns the rows used (at least 1) and the placed marks.
 */
export function packLane<T extends { day: string }>(items: readonly T[], xOf: (day: string) => number, options: PackOptions) {
  const { spacing, maxRows, tolerance } = options;
  let best: Array<PlacedMark<T>> = [];
  for (let rows = 1; rows <= Math.max(1, maxRows); rows++) {
    best = packRows(items, xOf, rows, spacing);
    if (best.every((m) => m.x - m.ideal <= tolerance + 1e-9)) break;
  }
  const rows = best.reduce((n, m) => Math.max(n, m.row + 1), 1);
  return { rows, marks: best };
}

/** Sizes of the chart in SVG user units; the SVG scales to its container through its viewBox. */
export interface TimelineGeometry {
  width: number;
  /** Left column holding each lane's party name. */
  labelWidth: number;
  rightPad: number;
  /** Month and year labels above the lanes. */
  axisHeight: number;
  rowHeight: number;
  /** Space above the first row and below the last in a lane. */
  lanePad: number;
  /** The smallest lane height (room for the party's name and role). */
  minLaneHeight: number;
  markRadius: number;
  /** Centre-to-centre distance of marks in one row. */
  spacing: number;
  maxRows: number;
  /** Minimum distance between two month labels. */
  minLabelGap: number;
}

export const TIMELINE_GEOMETRY: TimelineGeometry = {
  // About 1 unit per pixel on a desktop screen: marks keep their size, and a year and a half
  // of the demo (~1.9 units a day) leaves most days a mark apart.
  width: 1200,
  labelWidth: 168,
  rightPad: 24,
  axisHeight: 36,
  rowHeight: 16,
  lanePad: 7,
  minLaneHeight: 40,
  markRadius: 7,
  spacing: 16,
  maxRows: 10,
  minLabelGap: 34,
};

export interface LaneInput<T> {
  id: number;
  marks: readonly T[];
}

export interface LaidOutMark<T> extends PlacedMark<T> {
  y: number;
}

export interface LaidOutLane<T> {
  id: number;
  /** Top of the lane. */
  y: number;
  height: number;
  rows: number;
  marks: Array<LaidOutMark<T>>;
}

/** A dated event drawn as a labelled vertical marker (milestones: lib/milestones.ts). */
export interface MilestoneInput {
  day: string;
  title: string;
}

export interface PlacedMilestone {
  day: string;
  title: string;
  x: number;
  /** The label's line in the band above the month labels (0 or 1), so near labels do not overlap. */
  row: number;
  /** The title as drawn: cut with "…" when long (the marker's name keeps all of it). */
  label: string;
}

/** Height of one milestone label line above the month labels. */
export const MILESTONE_ROW = 14;
const MILESTONE_LABEL_CHARS = 26;
/** About how wide one character of an 11 px label is, in SVG units. */
const MILESTONE_CHAR_WIDTH = 6.5;

/** A label cut to `chars` characters with "…" (the marker's name keeps the whole title). */
function cutLabel(title: string, chars: number): string {
  if (title.length <= chars) return title;
  return chars < 2 ? "" : `${title.slice(0, chars - 1).trimEnd()}…`;
}

/**
 * Places milestone labels in two lines above the axis: each takes the first line where it does
 * not overlap the label before it (or, when neither is free, the line that frees up first). A
 * label is then cut so that it ends before the next marker on its line: labels never overlap,
 * and one with no room at all is left blank (its marker keeps the title in its accessible name).
 */
export function placeMilestones(milestones: ReadonlyArray<MilestoneInput>, xOf: (day: string) => number): PlacedMilestone[] {
  const ends = [-Infinity, -Infinity];
  const placed = [...milestones]
    .filter((m) => isValidDay(m.day) && m.day >= EARLIEST_DAY && m.day <= LATEST_DAY)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
    .map((m) => {
      const x = xOf(m.day);
      const label = cutLabel(m.title, MILESTONE_LABEL_CHARS);
      let row = ends.findIndex((end) => end + 6 <= x);
      if (row === -1) row = ends[0]! <= ends[1]! ? 0 : 1;
      ends[row] = x + 4 + label.length * MILESTONE_CHAR_WIDTH;
      return { day: m.day, title: m.title, x, row, label };
    });
  return placed.map((p, i) => {
    const next = placed.slice(i + 1).find((q) => q.row === p.row);
    if (!next) return p;
    // The label starts 8 units right of its marker and keeps 4 clear of the next one.
    const room = Math.floor((next.x - p.x - 12) / MILESTONE_CHAR_WIDTH);
    return { ...p, label: cutLabel(p.label, Math.min(p.label.length, room)) };
  });
}

export interface TimelineLayout<T> {
  geometry: TimelineGeometry;
  /** Top of the month labels (below the milestones' labels, when there are any). */
  axisTop: number;
  milestones: PlacedMilestone[];
  domain: DayDomain;
  /** Left and right ends of the plotting area (the domain's first and last day). */
  x0: number;
  x1: number;
  ticks: MonthTick[];
  lanes: Array<LaidOutLane<T>>;
  /** Total width of the chart: geometry.width, or more when marks pushed right would not fit. */
  width: number;
  /** Total height of the chart (the SVG viewBox height). */
  height: number;
}

/**
 * Splits lanes into the marks whose day lies in first … last (both valid days) and those
 * outside it (or not a valid day at all), which a chart cannot place.
 */
export function lanesWithin<T extends { day: string }>(
  lanes: ReadonlyArray<LaneInput<T>>,
  first: string,
  last: string,
): { lanes: Array<LaneInput<T>>; outside: T[] } {
  const outside: T[] = [];
  const kept = lanes.map((lane) => ({
    ...lane,
    marks: lane.marks.filter((m) => {
      const inside = isValidDay(m.day) && m.day >= first && m.day <= last;
      if (!inside) outside.push(m);
      return inside;
    }),
  }));
  return { lanes: kept, outside };
}

/**
 * Lays out the whole chart. Each lane's marks must be in date order (ties in the order they
 * should stack, top first). Marks on days outside Parley's range are left out. Returns null
 * when there is no mark to lay out (nothing to scale by).
 */
export function layoutTimeline<T extends { day: string }>(
  lanes: ReadonlyArray<LaneInput<T>>,
  baseGeometry: TimelineGeometry = TIMELINE_GEOMETRY,
  milestoneInputs: ReadonlyArray<MilestoneInput> = [],
): TimelineLayout<T> | null {
  // Days outside Parley's range cannot be placed; callers list them (see lanesWithin).
  lanes = lanesWithin(lanes, EARLIEST_DAY, LATEST_DAY).lanes;
  const markDays = lanes.flatMap((l) => l.marks.map((m) => m.day));
  if (markDays.length === 0) return null;
  // Milestones widen the axis to their days, so every one of them is drawn.
  const milestoneDays = milestoneInputs.map((m) => m.day).filter((d) => isValidDay(d) && d >= EARLIEST_DAY && d <= LATEST_DAY);
  const domain = dayDomain([...markDays, ...milestoneDays])!;
  // With milestones, two lines of their labels sit above the month labels.
  const axisTop = milestoneDays.length > 0 ? 2 * MILESTONE_ROW + 4 : 0;
  const geometry = { ...baseGeometry, axisHeight: baseGeometry.axisHeight + axisTop };
  const x0 = geometry.labelWidth;
  const x1 = geometry.width - geometry.rightPad;
  const xOf = dayScale(domain, x0, x1);
  const ticks = monthTicks(domain, xOf, geometry.minLabelGap);
  const milestones = placeMilestones(milestoneInputs, xOf);
  const options: PackOptions = { spacing: geometry.spacing, maxRows: geometry.maxRows, tolerance: geometry.spacing / 2 };

  let y = geometry.axisHeight;
  const laidOut = lanes.map((lane) => {
    const { rows, marks } = packLane(lane.marks, xOf, options);
    const height = Math.max(geometry.minLaneHeight, rows * geometry.rowHeight + 2 * geometry.lanePad);
    // Rows are centred vertically in the lane, so a one-row lane has its marks mid-lane.
    const firstRowY = y + (height - rows * geometry.rowHeight) / 2 + geometry.rowHeight / 2;
    const out: LaidOutLane<T> = {
      id: lane.id,
      y,
      height,
      rows,
      marks: marks.map((m) => ({ ...m, y: firstRowY + m.row * geometry.rowHeight })),
    };
    y += height;
    return out;
  });
  const rightmost = Math.max(...laidOut.flatMap((l) => l.marks.map((m) => m.x + geometry.markRadius + 2)));
  return { geometry, axisTop, milestones, domain, x0, x1, ticks, lanes: laidOut, width: Math.max(geometry.width, Math.ceil(rightmost)), height: y + 1 };
}

export interface TimelineMark<E> {
  /** `${entryId}-${partyId}`: a joint entry has one mark in each named party's lane. */
  key: string;
  partyId: number;
  day: string;
  /** The entry with its change against the same party's previous entry on the same issue. */
  entry: Classified<E>;
}

/**
 * One lane per party (in the order given), each with that party's marks in date order (ties
 * in recording order, as the as-of rule orders them). A joint entry appears in every named
 * party's lane, with the change type of that party's own cell. With `issueId`, only that
 * issue's entries are kept; their change types are still computed within their cell, so
 * filtering never changes what an entry's change is. Parties not in `partyIds` (e.g. moved
 * to the trash) get no lane.
 */
export function timelineLanes<E extends HistoryEntry>(
  entries: readonly E[],
  partyIds: readonly number[],
  issueId: number | null = null,
): Array<{ id: number; marks: Array<TimelineMark<E>> }> {
  const lanes = new Map(partyIds.map((id) => [id, [] as Array<TimelineMark<E>>]));
  const relevant = issueId === null ? entries : entries.filter((e) => e.issueId === issueId);
  for (const [key, list] of cellHistories(relevant)) {
    const partyId = Number(key.split(":")[1]);
    const lane = lanes.get(partyId);
    if (!lane) continue;
    for (const entry of list) lane.push({ key: `${entry.id}-${partyId}`, partyId, day: entry.statedOn, entry });
  }
  return [...lanes].map(([id, marks]) => ({ id, marks: marks.sort((a, b) => compareDated(a.entry, b.entry)) }));
}

/**
 * The same marks in one lane per issue (in the order given; an issue with no mark keeps an empty
 * lane, so the reader sees it was quiet), each in date order;
 * marks of one entry and day keep the parties' order. The marks and their change types are those
 * of the party lanes: regrouping never changes what a mark says.
 */
export function lanesByIssue<E extends HistoryEntry>(
  partyLanes: ReadonlyArray<{ id: number; marks: ReadonlyArray<TimelineMark<E>> }>,
  issueIds: readonly number[],
): Array<{ id: number; marks: Array<TimelineMark<E>> }> {
  const partyOrder = new Map(partyLanes.map((l, i) => [l.id, i]));
  const lanes = new Map(issueIds.map((id) => [id, [] as Array<TimelineMark<E>>]));
  for (const lane of partyLanes) for (const m of lane.marks) lanes.get(m.entry.issueId)?.push(m);
  return [...lanes].map(([id, marks]) => ({
    id,
    marks: marks.sort((a, b) => compareDated(a.entry, b.entry) || partyOrder.get(a.partyId)! - partyOrder.get(b.partyId)!),
  }));
}

/**
 * A lane's name in at most `maxLines` lines of at most `width` characters, broken between words
 * (a word longer than a line is cut); what does not fit ends the last line with "…".
 */
export function wrapLabel(name: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  let cut = false;
  for (const word of name.trim().split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    cut ||= word.length > width;
    line = word.slice(0, width);
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines && !cut) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[kept.length - 1]!;
  kept[kept.length - 1] = `${last.length >= width ? last.slice(0, width - 1).trimEnd() : last}…`;
  return kept;
}
