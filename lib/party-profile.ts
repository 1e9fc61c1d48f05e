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
