// Milestones: dated events of a negotiation (a proposal tabled, a round of talks, a deal signed;
// docs/decisions/028-milestones.md). Pure, no I/O: the shape other views receive and the words
// that name a milestone wherever it is offered.
import { formatDay } from "./format";

/**
 * A milestone as the views that mark it receive it (the as-of quick picks, the timeline, the
 * convergence chart, the issue page): read by server/queries/milestones.ts listMilestoneMarks,
 * oldest first.
 */
export interface MilestoneMark {
  id: number;
  /** YYYY-MM-DD */
  day: string;
  title: string;
}

/** "25 Aug 2024 — Talks in Cairo": the words of a quick pick and of a marker's label. */
export function milestoneLabel(mark: { day: string; title: string }): string {
  return `${formatDay(mark.day)} — ${mark.title}`;
}

/**
 * The quick picks of the as-of control: every milestone, oldest first, each once per day and
 * title (two records of the same event on the same day would offer the same pick twice), with
 * the one on the shown as-of day marked current.
 */
export function asOfQuickPicks<T extends { day: string; title: string }>(marks: readonly T[], asOf: string): Array<T & { current: boolean }> {
  const seen = new Set<string>();
  const picks: Array<T & { current: boolean }> = [];
  for (const mark of [...marks].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    const key = `${mark.day}\u0000${mark.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    picks.push({ ...mark, current: mark.day === asOf });
  }
  return picks;
}
