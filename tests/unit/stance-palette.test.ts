// The stance palette read without colour vision (issue 11 item 5): every pair of stances differs by
// shape, whatever the reader sees of the colours; hard and agreeing stances differ by colour too
// under simulated protanopia, deuteranopia and tritanopia (culori's filters, Machado et al. 2009)
// and by lightness in greyscale; every mark colour stands out from the lanes at 3:1 (WCAG 1.4.11)
// and every chip's ink reads on its background at 4.5:1 (WCAG 1.4.3).
import { readFileSync } from "node:fs";
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, filterGrayscale, parse, wcagContrast, type Color } from "culori";
import { describe, expect, it } from "vitest";
import { STANCE_TINTS } from "@/lib/colour";
import { MARK_BACKGROUNDS, MARK_SHAPES, markStyle, shapePath, STANCE_COLOURS, STANCE_SHAPES, stanceWords } from "@/lib/stance-palette";
import { STANCES, type Stance } from "@/lib/vocabulary";

const colour = (hex: string) => parse(hex) as Color;
const VIEWS: Record<string, (c: Color) => Color> = {
  "normal vision": (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
  greyscale: filterGrayscale(1),
};
const distance = differenceCiede2000();
const seen = (view: (c: Color) => Color, stance: Stance) => view(colour(STANCE_COLOURS[stance]));

const HARD: Stance[] = ["demands", "rejects"];
const AGREEING: Stance[] = ["supports", "accepts", "concedes"];
/** ΔE2000 above which two marks read as different colours at a glance. */
const CLEAR = 20;
/** In greyscale only lightness is left: hard stances are darker by at least this. */
const CLEAR_IN_GREY = 8;

describe("stance palette", () => {
  it("gives every stance its own shape, so any two stances differ without colour", () => {
    const shapes = STANCES.map((s) => STANCE_SHAPES[s]);
    expect(new Set(shapes).size).toBe(STANCES.length);
    for (const s of shapes) expect(MARK_SHAPES).toContain(s);
  });

  for (const [name, view] of Object.entries(VIEWS)) {
    it(`tells every pair of stances apart by shape or clear colour distance (${name})`, () => {
      for (const a of STANCES) {
        for (const b of STANCES) {
          if (a >= b) continue;
          const apart = STANCE_SHAPES[a] !== STANCE_SHAPES[b] || distance(seen(view, a), seen(view, b)) >= CLEAR;
          expect(apart, `${a} / ${b}`).toBe(true);
        }
      }
    });

    it(`keeps hard and agreeing stances apart by colour too (${name})`, () => {
      const min = name === "greyscale" ? CLEAR_IN_GREY : CLEAR;
      for (const a of HARD) for (const b of AGREEING) expect(distance(seen(view, a), seen(view, b)), `${a} / ${b}`).toBeGreaterThanOrEqual(min);
    });
  }

  it("draws every mark at 3:1 or more against the lane backgrounds (WCAG 1.4.11)", () => {
    for (const s of STANCES) for (const bg of MARK_BACKGROUNDS) expect(wcagContrast(STANCE_COLOURS[s], bg), `${s} on ${bg}`).toBeGreaterThanOrEqual(3);
  });

  it("keeps each chip's ink readable on its background (4.5:1) and the stylesheet in step with lib/colour.ts", () => {
    const css = readFileSync("app/globals.css", "utf8");
    for (const s of STANCES) {
      expect(wcagContrast(STANCE_COLOURS[s], STANCE_TINTS[s]), s).toBeGreaterThanOrEqual(4.5);
      expect(css).toContain(`.stance-${s} { background: ${STANCE_TINTS[s]}; color: ${STANCE_COLOURS[s]}; }`);
    }
  });

  it("shows firmness as outlined (red line), filled (firm, or not stated) and hollow (flexible)", () => {
    expect(markStyle("demands", "red_line")).toEqual({ shape: "triangle-up", colour: STANCE_COLOURS.demands, look: "outlined" });
    expect(markStyle("demands", "firm").look).toBe("filled");
    expect(markStyle("demands", null).look).toBe("filled");
    expect(markStyle("accepts", "flexible")).toEqual({ shape: "circle", colour: STANCE_COLOURS.accepts, look: "hollow" });
    // A stored value outside the vocabulary still draws, as a grey disc.
    expect(markStyle("ponders", "maybe")).toEqual({ shape: "circle", colour: "#6b7280", look: "filled" });
  });

  it("names a stance with its firmness in words", () => {
    expect(stanceWords("conditions", "red_line")).toBe("Accepts with conditions (red line)");
    expect(stanceWords("demands", null)).toBe("Demands");
    expect(stanceWords("ponders", null)).toBe("ponders");
  });

  it("draws every shape as one closed path inside its box", () => {
    for (const shape of MARK_SHAPES) {
      const d = shapePath(shape, 50, 50, 10);
      expect(d).toMatch(/^M.*Z$/);
      const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number).filter((n) => n > 1 || n < -1);
      // Coordinates stay within 1.2 r of the centre (the arcs' radii are 10 too).
      for (const n of numbers) expect(Math.abs(n - 50) <= 12 || n === 10).toBe(true);
    }
  });
});
