// How a party's position on an issue moved since its previous entry on that issue.
// Pure rules, no I/O. Why these rules: docs/decisions/004-change-types.md.

import type { Firmness, Stance } from "@/lib/vocabulary";

export const CHANGE_TYPES = [
  "new",
  "unchanged",
  "reworded",
  "softened",
  "hardened",
  "reversed",
  "withdrawn",
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export function isChangeType(value: string): value is ChangeType {
  return (CHANGE_TYPES as readonly string[]).includes(value);
}

/** Plain-text labels: use these for screen readers, titles, exports and legends. */
export const CHANGE_LABELS: Record<ChangeType, string> = {
  new: "New position",
  unchanged: "Unchanged",
  reworded: "Reworded",
  softened: "Softened",
  hardened: "Hardened",
  reversed: "Reversed",
  withdrawn: "Withdrawn",
};

/**
 * A one-character mark per change type for dense views (matrix cells). Decorative: render
 * it `aria-hidden` next to (or with a title/aria-label of) the plain-text CHANGE_LABELS.
 * Softened points down (toward agreement), hardened up (toward insisting).
 */
export const CHANGE_DIRECTION: Record<ChangeType, string> = {
  new: "●",
  unchanged: "=",
  reworded: "✎",
  softened: "▽",
  hardened: "▲",
  reversed: "⇄",
  withdrawn: "✕",
};

/** One-sentence explanations for tooltips and the legend. */
export const CHANGE_HINTS: Record<ChangeType, string> = {
  new: "First recorded position of this party on this issue (or the first after it withdrew).",
  unchanged: "Same stance, firmness and wording as the previous entry.",
  reworded: "Same place on the scale, said differently.",
  softened: "Moved toward agreeing with what is on the table, or became more flexible.",
  hardened: "Moved toward insisting, or became firmer.",
  reversed: "Jumped between the opposite ends of the scale (e.g. from rejecting to accepting).",
  withdrawn: "Dropped the point altogether.",
};

/**
 * The stance scale: how far a party is from agreeing with what is on the table.
 * 0 = insisting (hard end), 4 = agreeing (soft end). `withdraws` is off the scale: it drops
 * the point instead of taking a place on it. Stances sharing a number are equivalent for
 * direction (moving between them is a rewording, not a move).
 *
 * Note `concedes` (3) sits below `accepts`/`supports` (4): a concession gives up part of
 * what was held, it is not yet agreement with the proposal as it stands.
 */
export const STANCE_POSITION = {
  demands: 0,
  rejects: 0,
  conditions: 1,
  proposes: 2,
  concedes: 3,
  supports: 4,
  accepts: 4,
  withdraws: null,
} as const satisfies Record<Stance, number | null>;

/** The hard end of STANCE_POSITION (demands, rejects). */
export const SCALE_HARD = 0;
/** The agreeing end of STANCE_POSITION (supports, accepts). */
export const SCALE_AGREE = 4;

export type ScaledStance = Exclude<Stance, "withdraws">;

export function stancePosition(stance: Stance): number | null {
  return STANCE_POSITION[stance];
}

/** Firmness from most to least insistent; `null` (not stated) has no rank. */
export const FIRMNESS_RANK: Record<Firmness, number> = {
  red_line: 0,
  firm: 1,
  flexible: 2,
};

export interface EntryForChange {
  stance: Stance;
  firmness: Firmness | null;
  summary: string;
  quote: string;
}

/**
 * Text as compared for "reworded": Unicode-normalised (NFKC), lower-cased, with all
 * punctuation, whitespace and invisible format characters (e.g. RTL marks) removed.
 */
export function normalizeForComparison(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{Cf}\s]+/gu, "");
}

function sameWording(a: EntryForChange, b: EntryForChange): boolean {
  return (
    normalizeForComparison(a.summary) === normalizeForComparison(b.summary) &&
    normalizeForComparison(a.quote) === normalizeForComparison(b.quote)
  );
}

/**
 * Classifies `current` against `previous`, the same party's preceding entry on the same
 * issue (null when there is none). Rules, in order:
 *  1. current withdraws → withdrawn (even with no previous entry); a repeated withdrawal
 *     is unchanged/reworded by its wording.
 *  2. no previous entry, or previous was a withdrawal → new.
 *  3. stance moved between the two ends of the scale (demands/rejects ↔ supports/accepts)
 *     → reversed; any other move up the scale → softened, down → hardened.
 *  4. same place on the scale: a red line declared where there was none (even from an
 *     unstated firmness) → hardened; else both firmness values stated and different →
 *     toward flexible = softened, toward red line = hardened. Otherwise a missing
 *     firmness never counts.
 *  5. different stance word at the same place, or different summary/quote once
 *     normalised → reworded; otherwise unchanged.
 */
export function classifyChange(previous: EntryForChange | null, current: EntryForChange): ChangeType {
  if (current.stance === "withdraws") {
    if (previous?.stance === "withdraws") return sameWording(previous, current) ? "unchanged" : "reworded";
    return "withdrawn";
  }
  if (previous === null || previous.stance === "withdraws") return "new";

  const from = STANCE_POSITION[previous.stance];
  const to = STANCE_POSITION[current.stance];
  if (from !== to) {
    const poles = (from === SCALE_HARD && to === SCALE_AGREE) || (from === SCALE_AGREE && to === SCALE_HARD);
    if (poles) return "reversed";
    return to > from ? "softened" : "hardened";
  }

  // Declaring a red line is a move even when the previous firmness went unstated.
  if (current.firmness === "red_line" && previous.firmness !== "red_line") return "hardened";
  if (previous.firmness !== null && current.firmness !== null && previous.firmness !== current.firmness) {
    return FIRMNESS_RANK[current.firmness] > FIRMNESS_RANK[previous.firmness] ? "softened" : "hardened";
  }

  if (previous.stance !== current.stance || !sameWording(previous, current)) return "reworded";
  return "unchanged";
}

/**
 * The change type to show: a valid analyst override wins and is flagged; an override that
 * is not a ChangeType (stale or corrupt data) is ignored. A valid override equal to the
 * computed type is still flagged, because it is an analyst's decision that will stick if
 * the rules or the neighbouring entries change.
 */
export function effectiveChange(
  computed: ChangeType,
  override: string | null,
): { type: ChangeType; overridden: boolean } {
  if (override !== null && isChangeType(override)) return { type: override, overridden: true };
  return { type: computed, overridden: false };
}

/**
 * Classifies each entry of one cell (one party, one issue) against its predecessor.
 * `entries` must already be in date order (oldest first); they are not re-sorted or mutated.
 */
export function classifySequence<T extends EntryForChange>(entries: T[]): Array<T & { change: ChangeType }> {
  return entries.map((entry, i) => ({
    ...entry,
    change: classifyChange(i === 0 ? null : (entries[i - 1] ?? null), entry),
  }));
}

/**
 * One reading: every entry of one party on one issue stated on the same day, taken
 * together, so the order in which an analyst typed them never matters (decision 004).
 * The reading stands at the hardest place on the scale among its entries (a withdrawal only
 * when every entry withdraws), with the firmest stated firmness at that place, the
 * alphabetically first stance word there, and its wording as the sorted set of wordings.
 * Commutative: any order of the same entries gives the same reading.
 */
export function readingOf(entries: readonly EntryForChange[]): EntryForChange {
  if (entries.length === 0) throw new RangeError("A reading needs at least one entry");
  const onScale = entries.filter((e) => e.stance !== "withdraws");
  const pool = onScale.length > 0 ? onScale : entries;
  const step = (e: EntryForChange) => STANCE_POSITION[e.stance] ?? -1;
  const hardest = Math.min(...pool.map(step));
  const atStep = pool.filter((e) => step(e) === hardest);
  const stance = atStep.map((e) => e.stance).sort()[0]!;
  const stated = atStep.map((e) => e.firmness).filter((f): f is Firmness => f !== null);
  const firmness = stated.length > 0 ? stated.reduce((a, b) => (FIRMNESS_RANK[b] < FIRMNESS_RANK[a] ? b : a)) : null;
  const wordings = (pick: (e: EntryForChange) => string) =>
    [...new Set(entries.map((e) => normalizeForComparison(pick(e))))].sort().join("\n");
  return { stance, firmness, summary: wordings((e) => e.summary), quote: wordings((e) => e.quote) };
}
