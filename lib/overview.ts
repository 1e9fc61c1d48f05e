// What one compact cell of the overview matrix says, in symbols and in words. Pure.
// The stance chip carries its stance in text (works in greyscale and print); colour only
// helps scanning. Change marks are shapes in ink, never stance colours (decision 012).
import { ageInDays, describeAge, formatAge, isStale } from "./age";
import { CHANGE_DIRECTION, CHANGE_LABELS, readingOf, type ChangeType } from "./change";
import { changeFromReading, forChange, type HistoryEntry } from "./history";
import { cellKey, type MatrixCell } from "./matrix";
import { addDays, daysBetween, inWindow } from "./window";
import { CHANGE_TYPES } from "./change";
import { FIRMNESS, STANCES } from "./vocabulary";
import { formatDay } from "./format";
import { FIRMNESS_LABELS, STANCE_LABELS, isFirmness, isStance, type Firmness, type Stance } from "./vocabulary";

/** Short stance labels for chips (legend on the page spells them out). */
export const STANCE_SHORT: Record<Stance, string> = {
  demands: "DEM",
  rejects: "REJ",
  conditions: "COND",
  proposes: "PROP",
  supports: "SUP",
  accepts: "ACC",
  concedes: "CONC",
  withdraws: "WDR",
};

/** Firmness as marks of growing weight; flexible is a tilde. */
export const FIRMNESS_SHORT: Record<Firmness, string> = {
  red_line: "!!",
  firm: "!",
  flexible: "~",
};

/** Moves worth a mark in the matrix; rewordings and repeats are left to the cell's history. */
export const MARKED_CHANGES: readonly ChangeType[] = ["new", "softened", "hardened", "reversed", "withdrawn"];

const CHANGE_PHRASE: Record<ChangeType, string> = {
  new: "a new position",
  unchanged: "unchanged since the previous entry",
  reworded: "reworded since the previous entry",
  softened: "softened since the previous entry",
  hardened: "hardened since the previous entry",
  reversed: "reversed since the previous entry",
  withdrawn: "withdrawn",
};

export interface OverviewCell {
  stance: string;
  firmness: string | null;
  statedOn: string;
  /** How many entries make up the day's reading (several same-day entries show as one). */
  entries: number;
  /** The move to mark, or null (outside the window, or not a marked change). */
  change: ChangeType | null;
}

/** Everything the compact cell renders, with its sentence for screen readers. */
export function describeCell(args: { party: string; issue: string; asOf: string; cell: OverviewCell | null }) {
  const { party, issue, asOf, cell } = args;
  if (!cell) return { empty: true as const, sentence: `${party} on ${issue}: no position recorded` };
  const days = ageInDays(cell.statedOn, asOf);
  const stale = isStale(days);
  const stance = isStance(cell.stance) ? cell.stance : null;
  const firmness = cell.firmness && isFirmness(cell.firmness) ? cell.firmness : null;
  const parts = [
    `${party} on ${issue}: ${stance ? STANCE_LABELS[stance] : cell.stance}`,
    firmness ? FIRMNESS_LABELS[firmness].toLowerCase() : null,
    `stated ${formatDay(cell.statedOn)} (${describeAge(days)}${days === 0 ? "" : " old"}${stale ? ", may be out of date" : ""})`,
    cell.change ? CHANGE_PHRASE[cell.change] : null,
    cell.entries > 1 ? `${cell.entries} entries that day` : null,
  ];
  return {
    empty: false as const,
    sentence: parts.filter(Boolean).join(", "),
    stanceShort: stance ? STANCE_SHORT[stance] : cell.stance.slice(0, 4).toUpperCase(),
    stanceLabel: stance ? STANCE_LABELS[stance] : cell.stance,
    firmnessShort: firmness ? FIRMNESS_SHORT[firmness] : null,
    changeMark: cell.change ? CHANGE_DIRECTION[cell.change] : null,
    changeLabel: cell.change ? CHANGE_LABELS[cell.change] : null,
    age: formatAge(days),
    stale,
  };
}

/** The overview of one matrix cell as of a day: its reading, marked when it moved within the window. */
export function overviewCellOf<E extends HistoryEntry>(cell: MatrixCell<E>, asOf: string, windowDays: number | null): OverviewCell | null {
  if (!cell.current) return null;
  const info = windowDays && inWindow(cell.current.statedOn, asOf, windowDays) ? changeFromReading(cell.previousReading, cell.reading) : null;
  const reading = readingOf(cell.reading.map(forChange));
  return {
    stance: reading.stance,
    firmness: reading.firmness,
    statedOn: cell.current.statedOn,
    entries: cell.reading.length,
    change: info && MARKED_CHANGES.includes(info.change) ? info.change : null,
  };
}

/**
 * A cell packed for the page payload: [stance, firmness, change, age in days, entries that day]
 * as indexes into STANCES, FIRMNESS (-1 none) and CHANGE_TYPES (-1 none). Unknown stored
 * stances (not written by the app) fall back to -1 and show as "?".
 */
export type PackedCell = [number, number, number, number, number];

export function packCell(cell: OverviewCell | null, asOf: string): PackedCell | null {
  if (!cell) return null;
  return [
    (STANCES as readonly string[]).indexOf(cell.stance),
    cell.firmness ? (FIRMNESS as readonly string[]).indexOf(cell.firmness) : -1,
    cell.change ? CHANGE_TYPES.indexOf(cell.change) : -1,
    daysBetween(cell.statedOn, asOf),
    cell.entries,
  ];
}

export function packedCell(packed: PackedCell | null, asOf: string): OverviewCell | null {
  if (!packed) return null;
  const [stance, firmness, change, age, entries] = packed;
  return {
    stance: STANCES[stance] ?? "?",
    firmness: FIRMNESS[firmness] ?? null,
    change: CHANGE_TYPES[change] ?? null,
    statedOn: addDays(asOf, -age),
    entries,
  };
}

/**
 * One row of the overview's read (server/queries/overview.ts): an entry stated on one of its
 * cell's two latest days up to the as-of day, for one party it names (a joint statement gives a
 * row per party), with only what the compact cell needs.
 */
export interface ReadingRow {
  id: number;
  issueId: number;
  partyId: number;
  statedOn: string;
  stance: string;
  firmness: string | null;
  changeOverride: string | null;
  /** 1 = the cell's latest day on or before the as-of day, 2 = the day before that. */
  day: number;
}

/**
 * Each cell's reading in force and the one before it, from the readings read, keyed
 * cellKey(issueId, partyId); cells with no row are absent. Wordings are left empty: they only
 * tell "reworded" from "unchanged", which are never marked (MARKED_CHANGES), so the read does
 * not carry summaries or quotes. Neighbour counts are not part of the read and stay 0.
 */
export function cellsFromReadings(rows: readonly ReadingRow[]): Map<string, MatrixCell<HistoryEntry>> {
  const byCell = new Map<string, ReadingRow[]>();
  for (const row of rows) {
    const key = cellKey(row.issueId, row.partyId);
    const list = byCell.get(key);
    if (list) list.push(row);
    else byCell.set(key, [row]);
  }
  const out = new Map<string, MatrixCell<HistoryEntry>>();
  const entry = (r: ReadingRow): HistoryEntry => ({ id: r.id, issueId: r.issueId, statedOn: r.statedOn, stance: r.stance, firmness: r.firmness, changeOverride: r.changeOverride, summary: "", quote: "", partyIds: [r.partyId] });
  for (const [key, list] of byCell) {
    list.sort((a, b) => a.day - b.day || a.id - b.id);
    const reading = list.filter((r) => r.day === 1).map(entry);
    const previous = list.filter((r) => r.day === 2).map(entry);
    out.set(key, {
      issueId: list[0]!.issueId,
      partyId: list[0]!.partyId,
      current: reading[reading.length - 1] ?? null,
      previous: previous[previous.length - 1] ?? null,
      reading,
      previousReading: previous.length > 0 ? previous : null,
      earlier: 0,
      later: 0,
    });
  }
  return out;
}

/** The overview cells (what each compact cell shows) from the readings read, keyed cellKey(issueId, partyId). */
export function overviewCellsFromReadings(rows: readonly ReadingRow[], asOf: string, windowDays: number | null): Map<string, OverviewCell> {
  const out = new Map<string, OverviewCell>();
  for (const [key, cell] of cellsFromReadings(rows)) {
    const shown = overviewCellOf(cell, asOf, windowDays);
    if (shown) out.set(key, shown);
  }
  return out;
}
