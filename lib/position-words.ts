// A position and its moves said in words ("Demands, red line → Demands, firm"), for the cell
// history, the issue page and the strips' text alternatives. Pure, no I/O.
import { FIRMNESS_LABELS, isFirmness, isStance, STANCE_LABELS } from "./vocabulary";

export interface Position {
  stance: string;
  firmness: string | null;
}

/** "Demands, red line", "Proposes" (firmness not stated), "Withdrawn"; a value outside the vocabulary is shown as stored. */
export function positionLabel(p: Position): string {
  if (p.stance === "withdraws") return "Withdrawn";
  const stance = isStance(p.stance) ? STANCE_LABELS[p.stance] : p.stance;
  if (p.firmness === null) return stance;
  return `${stance}, ${(isFirmness(p.firmness) ? FIRMNESS_LABELS[p.firmness] : p.firmness).toLowerCase()}`;
}

/** True when the two say the same stance and firmness (the wording may differ). */
export function samePosition(a: Position, b: Position): boolean {
  return a.stance === b.stance && a.firmness === b.firmness;
}

/**
 * What an entry changed against the one before it in the cell (null: the first), in words:
 * "First position: Rejects, firm", "Demands, red line → Demands, firm", "Withdrawn (was
 * Demands, firm)", "Position again after withdrawing: Proposes", or "Still Demands, firm"
 * when stance and firmness stay (only the wording may have changed).
 */
export function moveInWords(previous: Position | null, current: Position): string {
  const now = positionLabel(current);
  if (previous === null) return current.stance === "withdraws" ? "Withdrawn (no position before)" : `First position: ${now}`;
  if (samePosition(previous, current)) return current.stance === "withdraws" ? "Still withdrawn" : `Still ${now}`;
  if (current.stance === "withdraws") return `Withdrawn (was ${positionLabel(previous)})`;
  if (previous.stance === "withdraws") return `Position again after withdrawing: ${now}`;
  return `${positionLabel(previous)} → ${now}`;
}
