// The keyboard model of a roving focus over rows of items (the ARIA grid pattern's keyboard part,
// app/negotiations/[slug]/_components/roving-focus.ts): which item a key moves to. Pure, no DOM,
// so the rules are unit-tested (tests/unit/roving.test.ts) and the hook only moves focus.

export interface GridPosition {
  row: number;
  column: number;
}

/**
 * Where `key` moves from `at` in rows of `lengths[r]` items (no empty row): Left/Right within the
 * row, Up/Down to the next row (to the column `across` picks there, by default the same one,
 * clamped), Home/End to the row's ends, with Ctrl to the first and last rows. Null for any other
 * key. At an edge the position stays.
 */
export function rovingMove(
  lengths: readonly number[],
  at: GridPosition,
  key: string,
  ctrl = false,
  across?: (to: number, column: number) => number,
): GridPosition | null {
  let { row, column } = at;
  const last = lengths.length - 1;
  switch (key) {
    case "ArrowRight": column = Math.min(column + 1, lengths[row]! - 1); break;
    case "ArrowLeft": column = Math.max(column - 1, 0); break;
    case "ArrowDown": row = Math.min(row + 1, last); break;
    case "ArrowUp": row = Math.max(row - 1, 0); break;
    case "Home": if (ctrl) row = 0; column = 0; break;
    case "End": if (ctrl) row = last; column = lengths[row]! - 1; break;
    default: return null;
  }
  if (row !== at.row && (key === "ArrowDown" || key === "ArrowUp") && across) column = across(row, column);
  return { row, column: Math.max(0, Math.min(column, lengths[row]! - 1)) };
}

/** Of `days` (in date order), the index of the one nearest `day`; of two as near, the earlier. */
export function nearestDayIndex(days: readonly string[], day: string, daysBetween: (a: string, b: string) => number): number {
  let best = 0;
  for (let i = 1; i < days.length; i++) {
    if (Math.abs(daysBetween(day, days[i]!)) < Math.abs(daysBetween(day, days[best]!))) best = i;
  }
  return best;
}
