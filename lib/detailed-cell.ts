// What one cell of the detailed matrix shows, as plain data for the client table
// (app/negotiations/[slug]/_components/detailed-matrix.tsx). Pure: the page builds these from
// the matrix as of a day (lib/matrix.ts); the table renders them (docs/decisions/025).
import type { ChangeType } from "./change";
import { changeFromReading, type HistoryEntry } from "./history";
import type { MatrixCell } from "./matrix";
import { MARKED_CHANGES } from "./overview";
import { sourceLabel, type NamedSource } from "./source-label";
import { inWindow } from "./window";

export interface DetailedCell {
  /** The entry in force, or null: no position recorded by the as-of day. */
  entry: {
    id: number;
    stance: string;
    firmness: string | null;
    summary: string;
    statedOn: string;
    /** The other live parties of a joint statement, by name. */
    jointWith: string[];
    quoteMissing: boolean;
    source: { id: number; outlet: string; label: string };
  } | null;
  /** The move to mark (within the window, a marked change), or null. */
  change: { change: ChangeType; overridden: boolean } | null;
  earlier: number;
  later: number;
}

type ShownEntry = HistoryEntry & { quoteStatus: string; source: NamedSource & { id: number } };

/** The detailed cell of a matrix cell as of `asOf`, its change marked when it moved within `windowDays` (null: no marks). */
export function detailedCellOf<E extends ShownEntry>(cell: MatrixCell<E>, asOf: string, windowDays: number | null, partyNames: ReadonlyMap<number, string>): DetailedCell {
  const e = cell.current;
  const moved = e && windowDays && inWindow(e.statedOn, asOf, windowDays) ? changeFromReading(cell.previousReading, cell.reading) : null;
  return {
    entry: e && {
      id: e.id,
      stance: e.stance,
      firmness: e.firmness,
      summary: e.summary,
      statedOn: e.statedOn,
      jointWith: e.partyIds.filter((id) => id !== cell.partyId && partyNames.has(id)).map((id) => partyNames.get(id)!),
      quoteMissing: e.quoteStatus === "missing",
      source: { id: e.source.id, outlet: e.source.outlet, label: sourceLabel(e.source) },
    },
    change: moved && MARKED_CHANGES.includes(moved.change) ? { change: moved.change, overridden: moved.overridden } : null,
    earlier: cell.earlier,
    later: cell.later,
  };
}
