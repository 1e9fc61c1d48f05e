// How a stance and its firmness are drawn wherever Parley draws one as a mark (the timeline, its
// legend, the stance chips' glyph): a colour AND a shape per stance, so that no reader has to
// tell two stances apart by colour alone or read a letter, and a fill per firmness. Pure, no I/O
// and no DOM: the components turn these numbers into SVG. Why these colours and shapes:
// docs/decisions/030-timeline-at-a-glance.md; tests/unit/stance-palette.test.ts checks them in
// greyscale and under simulated protanopia, deuteranopia and tritanopia.
import { STANCE_COLOURS } from "./colour";
import { FIRMNESS_LABELS, isFirmness, isStance, STANCE_LABELS, type Firmness, type Stance } from "./vocabulary";

export { STANCE_COLOURS };

export const MARK_SHAPES = ["triangle-up", "cross", "diamond", "square", "plus", "circle", "triangle-down", "bar"] as const;
export type MarkShapeName = (typeof MARK_SHAPES)[number];

/**
 * One shape per stance, each used once. The hard stances point up or strike out (demands ▲,
 * rejects ✕), the agreeing ones are round or give way (accepts ●, concedes ▼, supports ✚), the
 * middle ones are the square and the diamond, and withdrawing is a flat bar.
 */
export const STANCE_SHAPES: Record<Stance, MarkShapeName> = {
  demands: "triangle-up",
  rejects: "cross",
  conditions: "diamond",
  proposes: "square",
  supports: "plus",
  accepts: "circle",
  concedes: "triangle-down",
  withdraws: "bar",
};

/** The lane backgrounds marks are drawn on (app/globals.css .tl-lane, .tl-lane-odd). */
export const MARK_BACKGROUNDS = ["#ffffff", "#f8fafc"] as const;

/** Ink of the red-line outline, the unknown stance's colour. */
export const MARK_INK = "#111827";
const UNKNOWN_COLOUR = "#6b7280";

const f = (n: number) => Number(n.toFixed(2));

/**
 * The SVG path of `shape` centred on (x, y), fitting a circle of radius r; the shapes are sized
 * to look about as heavy as each other (a square of side 2r would look bigger than a disc of r).
 */
export function shapePath(shape: MarkShapeName, x: number, y: number, r: number): string {
  const poly = (points: Array<[number, number]>) => `M${points.map(([px, py]) => `${f(x + px)},${f(y + py)}`).join("L")}Z`;
  switch (shape) {
    case "circle":
      return `M${f(x - r)},${f(y)}A${f(r)},${f(r)} 0 1 0 ${f(x + r)},${f(y)}A${f(r)},${f(r)} 0 1 0 ${f(x - r)},${f(y)}Z`;
    case "square": {
      const s = r * 0.85;
      return poly([[-s, -s], [s, -s], [s, s], [-s, s]]);
    }
    case "diamond": {
      const s = r * 1.15;
      return poly([[0, -s], [s, 0], [0, s], [-s, 0]]);
    }
    case "triangle-up": {
      const s = r * 1.15;
      return poly([[0, -s], [s, s * 0.8], [-s, s * 0.8]]);
    }
    case "triangle-down": {
      const s = r * 1.15;
      return poly([[0, s], [-s, -s * 0.8], [s, -s * 0.8]]);
    }
    case "plus": {
      const a = r * 0.38;
      const b = r * 1.05;
      return poly([[-a, -b], [a, -b], [a, -a], [b, -a], [b, a], [a, a], [a, b], [-a, b], [-a, a], [-b, a], [-b, -a], [-a, -a]]);
    }
    case "cross": {
      // The plus turned by 45 degrees.
      const a = r * 0.38;
      const b = r * 1.05;
      const turn = ([px, py]: [number, number]): [number, number] => [(px - py) * Math.SQRT1_2, (px + py) * Math.SQRT1_2];
      return poly(([[-a, -b], [a, -b], [a, -a], [b, -a], [b, a], [a, a], [a, b], [-a, b], [-a, a], [-b, a], [-b, -a], [-a, -a]] as Array<[number, number]>).map(turn));
    }
    case "bar": {
      const w = r * 1.1;
      const h = r * 0.5;
      return poly([[-w, -h], [w, -h], [w, h], [-w, h]]);
    }
  }
}

/**
 * How firmness shows: a red line is filled and outlined once more in dark ink, firm is filled,
 * flexible is hollow (outline in the stance's colour), and an entry without a firmness is filled
 * like a firm one (the legend says so, and its name says "firmness not stated").
 */
export type FirmnessLook = "outlined" | "filled" | "hollow";
export const FIRMNESS_LOOKS: Record<Firmness, FirmnessLook> = { red_line: "outlined", firm: "filled", flexible: "hollow" };

export interface MarkStyle {
  shape: MarkShapeName;
  colour: string;
  look: FirmnessLook;
}

export function markStyle(stance: string, firmness: string | null): MarkStyle {
  return {
    shape: isStance(stance) ? STANCE_SHAPES[stance] : "circle",
    colour: isStance(stance) ? STANCE_COLOURS[stance] : UNKNOWN_COLOUR,
    look: firmness && isFirmness(firmness) ? FIRMNESS_LOOKS[firmness] : "filled",
  };
}

/** "Accepts with conditions (red line)", "Demands" (no firmness recorded): a mark's stance in words. */
export function stanceWords(stance: string, firmness: string | null): string {
  const label = isStance(stance) ? STANCE_LABELS[stance] : stance;
  return firmness && isFirmness(firmness) ? `${label} (${FIRMNESS_LABELS[firmness].toLowerCase()})` : label;
}
