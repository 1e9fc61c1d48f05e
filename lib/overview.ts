// What one compact cell of the overview matrix says, in symbols and in words. Pure.
// The stance chip carries its stance in text (works in greyscale and print); colour only
// helps scanning. Change marks are shapes in ink, never stance colours (decision 012).
import { ageInDays, describeAge, formatAge, isStale } from "./age";
import { CHANGE_DIRECTION, CHANGE_LABELS, readingOf, type ChangeType } from "./change";
import { changeFromReading, forChange, type HistoryEntry } from "./history";
import type { MatrixCell } from "./matrix";
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
