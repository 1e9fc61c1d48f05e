// One party's profile: its column of the matrix, with each cell's whole history. Pure, no I/O.
// Change types come from lib/history.ts (each entry against the party's previous entry on the
// same issue, override applied); the position in force follows the as-of rule (lib/as-of.ts).
import { positionAsOf } from "./as-of";
import { cellHistories, type Classified, type HistoryEntry } from "./history";
import { cellKey } from "./matrix";

export interface ProfileEntry<E> {
  entry: Classified<E>;
  /** The entry in force on the as-of day. */
  inForce: boolean;
  /** Stated after the as-of day (not yet said on that day). */
  afterAsOf: boolean;
}

export interface ProfileIssue<I, E> {
  issue: I;
  /** The entry in force on the as-of day, or null when the party had said nothing by then. */
  current: Classified<E> | null;
  /** Every entry of the party on the issue, oldest first. */
  history: Array<ProfileEntry<E>>;
}

export interface PartyProfile<I, E> {
  /** Issues the party has at least one entry on (at any date), in the order given. */
  issues: Array<ProfileIssue<I, E>>;
  /** Issues with nothing recorded for the party at all, in the order given. */
  unrecorded: I[];
  entryCount: number;
}

export function buildPartyProfile<I extends { id: number }, E extends HistoryEntry>(args: {
  partyId: number;
  issues: readonly I[];
  entries: readonly E[];
  asOf: string;
}): PartyProfile<I, E> {
  // Only this party's entries: the histories of its cells do not depend on anyone else's.
  const own = args.entries.filter((e) => e.partyIds.includes(args.partyId));
  const histories = cellHistories(own);
  const issues: Array<ProfileIssue<I, E>> = [];
  const unrecorded: I[] = [];
  let entryCount = 0;
  for (const issue of args.issues) {
    const list = histories.get(cellKey(issue.id, args.partyId)) ?? [];
    if (list.length === 0) {
      unrecorded.push(issue);
      continue;
    }
    const current = positionAsOf(list, args.asOf);
    entryCount += list.length;
    issues.push({
      issue,
      current,
      history: list.map((entry) => ({ entry, inForce: entry === current, afterAsOf: entry.statedOn > args.asOf })),
    });
  }
  return { issues, unrecorded, entryCount };
}

/** One issue of a party's profile, summarised over its whole history (counted in SQL). */
export interface IssueSummary<E> {
  issueId: number;
  /** The party's live entries on the issue, at any date. */
  count: number;
  /** The day of its first entry on the issue. */
  firstStated: string;
  /** The entry in force on the as-of day (from the whole history), or null. */
  current: E | null;
}

export interface ProfilePageSection<I, E> {
  issue: I;
  /** The page starts inside this issue's history (earlier entries are on the previous page). */
  continued: boolean;
  /** The page's entries on this issue, oldest first, with change types and marks. */
  history: Array<ProfileEntry<E>>;
}

export interface PartyProfilePage<I, E> {
  /** Every issue the party has an entry on, in the order given, with its whole-history summary. */
  overview: Array<{ issue: I; summary: IssueSummary<E> }>;
  unrecorded: I[];
  /** The page's entries, grouped by issue in the order given. */
  sections: Array<ProfilePageSection<I, E>>;
  entryCount: number;
}

/**
 * One page of a party's profile (docs/decisions/024): what summarises the whole history (each
 * issue's entry count, first day and entry in force) comes from `summaries`, computed in SQL over
 * every entry; the histories shown are `pageIds`' entries, classified against `entries`, which
 * must also hold the entries just before them in their cells (the page's context). So a page
 * never claims a state it does not have: the entry in force is marked only where it is shown.
 */
export function buildPartyProfilePage<I extends { id: number }, E extends HistoryEntry>(args: {
  partyId: number;
  issues: readonly I[];
  summaries: ReadonlyArray<IssueSummary<E>>;
  entries: readonly E[];
  pageIds: ReadonlySet<number>;
  asOf: string;
}): PartyProfilePage<I, E> {
  const byIssue = new Map(args.summaries.map((s) => [s.issueId, s]));
  const histories = cellHistories(args.entries.filter((e) => e.partyIds.includes(args.partyId)));
  const overview: PartyProfilePage<I, E>["overview"] = [];
  const unrecorded: I[] = [];
  const sections: Array<ProfilePageSection<I, E>> = [];
  let entryCount = 0;
  for (const issue of args.issues) {
    const summary = byIssue.get(issue.id);
    if (!summary || summary.count === 0) {
      unrecorded.push(issue);
      continue;
    }
    overview.push({ issue, summary });
    entryCount += summary.count;
    const list = histories.get(cellKey(issue.id, args.partyId)) ?? [];
    const shown = list.filter((e) => args.pageIds.has(e.id));
    if (shown.length === 0) continue;
    sections.push({
      issue,
      continued: shown.length < list.length,
      history: shown.map((entry) => ({ entry, inForce: entry.id === summary.current?.id, afterAsOf: entry.statedOn > args.asOf })),
    });
  }
  return { overview, unrecorded, sections, entryCount };
}
