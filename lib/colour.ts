// Party colours against each other and against the stance palette (issue 8): a party's
// colour should never be mistaken for another party's or for a stance. Pure, no I/O.
import { STANCE_LABELS, type Stance } from "./vocabulary";

/**
 * The stance colours: the chips' ink (app/globals.css .stance-*) and the timeline's marks
 * (lib/stance-palette.ts adds a shape per stance). Hard stances are dark reds, agreeing ones
 * blues, so the two stay apart under protanopia, deuteranopia and tritanopia and in greyscale
 * (tests/unit/stance-palette.test.ts); party colours keep away from them.
 */
export const STANCE_COLOURS: Record<Stance, string> = {
  demands: "#861a1a",
  rejects: "#6b1515",
  conditions: "#a16207",
  proposes: "#7e22ce",
  supports: "#1d4ed8",
  accepts: "#0e7490",
  concedes: "#4f46e5",
  withdraws: "#57534e",
};

/** The chips' backgrounds (app/globals.css .stance-*): the ink on them reads at 4.5:1 or more. */
export const STANCE_TINTS: Record<Stance, string> = {
  demands: "#fee2e2",
  rejects: "#fde8e8",
  conditions: "#fef9c3",
  proposes: "#f3e8ff",
  supports: "#dbeafe",
  accepts: "#cffafe",
  concedes: "#e0e7ff",
  withdraws: "#e7e5e4",
};

/**
 * The party palette: the eight colours of Okabe and Ito's colour-blind-safe set (Color
 * Universal Design, 2008), which stay distinguishable with protanopia, deuteranopia and
 * tritanopia. Each is at least TOO_CLOSE from every stance colour and from every other palette
 * colour (tests/unit/colour.test.ts), so party colours never read as stances or as each other.
 */
export const PARTY_PALETTE: ReadonlyArray<{ name: string; colour: string }> = [
  { name: "Blue", colour: "#0072b2" },
  { name: "Bluish green", colour: "#009e73" },
  { name: "Vermillion", colour: "#d55e00" },
  { name: "Orange", colour: "#e69f00" },
  { name: "Reddish purple", colour: "#cc79a7" },
  { name: "Sky blue", colour: "#56b4e9" },
  { name: "Black", colour: "#000000" },
  { name: "Yellow", colour: "#f0e442" },
];

/**
 * The colour a new party starts with: the first palette colour no party uses yet (compared
 * without regard to case); when all are taken, the palette colour used by the fewest parties.
 */
export function nextPartyColour(usedColours: ReadonlyArray<string>): string {
  const uses = (colour: string) => usedColours.filter((c) => c.trim().toLowerCase() === colour).length;
  let best = PARTY_PALETTE[0]!.colour;
  let fewest = Infinity;
  for (const { colour } of PARTY_PALETTE) {
    const n = uses(colour);
    if (n < fewest) [best, fewest] = [colour, n];
  }
  return best;
}

/** Below this CIE76 distance (ΔE*ab) two colours read as "the same colour" at a glance. */
export const TOO_CLOSE = 20;

const HEX = /^#([0-9a-f]{6})$/i;

/** CIE L*a*b* of an sRGB #rrggbb colour (D65), or null when it is not one. */
export function toLab(hex: string): [number, number, number] | null {
  const m = HEX.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  const lin = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = lin;
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map(f) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** ΔE*ab (CIE76) between two #rrggbb colours; Infinity when either is not a colour. */
export function colourDistance(a: string, b: string): number {
  const x = toLab(a);
  const y = toLab(b);
  if (!x || !y) return Infinity;
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

/** Warnings for a party colour: too close to another party's colour or to a stance colour. */
export function colourWarnings(colour: string, otherParties: ReadonlyArray<{ name: string; colour: string }>): string[] {
  const warnings: string[] = [];
  for (const p of otherParties) {
    if (colourDistance(colour, p.colour) < TOO_CLOSE) warnings.push(`Close to ${p.name}'s colour (${p.colour}): the two columns and timeline lanes may be confused.`);
  }
  for (const [stance, ink] of Object.entries(STANCE_COLOURS) as Array<[Stance, string]>) {
    if (colourDistance(colour, ink) < TOO_CLOSE) warnings.push(`Close to the colour of the stance “${STANCE_LABELS[stance]}” (${ink}): it may be read as a stance.`);
  }
  return warnings;
}

/** A light tint of a #rrggbb party colour (mixed with white): dark text on it stays readable. */
export function partyTint(colour: string, share = 0.18): string {
  const m = HEX.exec(colour.trim());
  if (!m) return "#f3f4f6";
  const n = parseInt(m[1]!, 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * share).toString(16).padStart(2, "0");
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}
