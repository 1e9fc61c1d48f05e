// Builds the party-by-issue matrix as of a day from a negotiation's entries. Pure: the query
// in server/queries/matrix.ts loads the rows, this decides what each cell shows.
import { compareDated, neighbourCounts, positionAsOf, type Dated } from "./as-of";

export interface MatrixEntry extends Dated {
  issueId: number;
  partyIds: number[];
}

export interface MatrixCell<E extends MatrixEntry> {
  issueId: number;
  partyId: number;
  /** The entry in force on the as-of day, or null: no position recorded by then. */
  current: E | null;
  /** The entry in force just before `current`, or null. */
  previous: E | null;
  /** Every entry stated on `current`'s day (one reading, decision 004), recording order; empty when none. */
  reading: E[];
  /** The reading of the latest earlier day (what the change mark compares with), or null. */
  previousReading: E[] | null;
  earlier: number;
  later: number;
}

export function cellKey(issueId: number, partyId: number): string {
  return `${issueId}:${partyId}`;
}

/** Groups entries by cell; a joint statement lands in the cell of every party it names. */
export function entriesByCell<E extends MatrixEntry>(entries: readonly E[]): Map<string, E[]> {
  const cells = new Map<string, E[]>();
  for (const entry of entries) {
    for (const partyId of entry.partyIds) {
      const key = cellKey(entry.issueId, partyId);
      const list = cells.get(key);
      if (list) list.push(entry);
      else cells.set(key, [entry]);
    }
  }
  for (const list of cells.values()) list.sort(compareDated);
  return cells;
}

export function buildMatrix<E extends MatrixEntry>(args: {
  issueIds: readonly number[];
  partyIds: readonly number[];
  entries: readonly E[];
  asOf: string;
}): Map<string, MatrixCell<E>> {
  const byCell = entriesByCell(args.entries);
  const matrix = new Map<string, MatrixCell<E>>();
  for (const issueId of args.issueIds) {
    for (const partyId of args.partyIds) {
      const key = cellKey(issueId, partyId);
      const list = byCell.get(key);
      if (!list) {
        // No entry in the cell (most cells of a wide negotiation): nothing to look through.
        matrix.set(key, { issueId, partyId, current: null, previous: null, reading: [], previousReading: null, earlier: 0, later: 0 });
        continue;
      }
      const current = positionAsOf(list, args.asOf);
      const index = current ? list.indexOf(current) : -1;
      const previous = index > 0 ? list[index - 1]! : null;
      const reading = current ? list.filter((e) => e.statedOn === current.statedOn) : [];
      const earlierDay = current ? list.filter((e) => e.statedOn < current.statedOn) : [];
      const lastEarlier = earlierDay[earlierDay.length - 1];
      const previousReading = lastEarlier ? earlierDay.filter((e) => e.statedOn === lastEarlier.statedOn) : null;
      matrix.set(key, { issueId, partyId, current, previous, reading, previousReading, ...neighbourCounts(list, current, args.asOf) });
    }
  }
  return matrix;
}

/** A cell's live entries stated up to and including the as-of day, and after it. */
export interface CellCounts {
  upTo: number;
  after: number;
}

/**
 * The matrix from an as-of read done in the database (server/queries/entries.ts): for each cell
 * only its entries of the two latest days up to `asOf`, plus how many entries the cell has up to
 * and after that day. The two latest days hold everything a cell shows (the entry in force, the
 * one before it, its reading and the previous day's reading), so the as-of rule applied here
 * (lib/as-of.ts) picks the same entries as over the whole negotiation; only the neighbour counts
 * come from `counts`. tests/db/as-of-sql.property.test.ts checks both give the same matrix.
 */
export function matrixFromAsOfRead<E extends MatrixEntry>(args: {
  issueIds: readonly number[];
  partyIds: readonly number[];
  entries: readonly E[];
  asOf: string;
  counts: ReadonlyMap<string, CellCounts>;
}): Map<string, MatrixCell<E>> {
  const matrix = buildMatrix(args);
  for (const [key, cell] of matrix) {
    const counts = args.counts.get(key) ?? { upTo: 0, after: 0 };
    cell.earlier = counts.upTo - (cell.current ? 1 : 0);
    cell.later = counts.after;
  }
  return matrix;
}

/**
 * Rows of a join of entries with their parties (one row per entry and party, rows of one entry
 * next to each other) folded back into one entry per id with every party it names, in order.
 */
export function foldEntryParties<R extends { id: number | bigint; partyId: number | bigint }, E extends { id: number; partyIds: number[] }>(
  rows: readonly R[],
  toEntry: (row: R, id: number) => Omit<E, "partyIds">,
): E[] {
  const out: E[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    const last = out[out.length - 1];
    if (last && last.id === id) {
      last.partyIds.push(Number(r.partyId));
      continue;
    }
    out.push({ ...toEntry(r, id), partyIds: [Number(r.partyId)] } as E);
  }
  return out;
}
