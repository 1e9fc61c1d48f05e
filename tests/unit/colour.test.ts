import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { colourDistance, colourWarnings, STANCE_COLOURS, TOO_CLOSE, toLab } from "@/lib/colour";

describe("party colours against parties and stances", () => {
  it("measures distance in CIE Lab: identical is 0, black to white is 100", () => {
    expect(colourDistance("#123456", "#123456")).toBe(0);
    expect(colourDistance("#000000", "#ffffff")).toBeCloseTo(100, 0);
    expect(toLab("red")).toBeNull();
    expect(colourDistance("#12345", "#123456")).toBe(Infinity);
  });

  it("warns when a party colour is close to another party's", () => {
    expect(colourWarnings("#1d4ed9", [{ name: "Israel", colour: "#1d4ed8" }])[0]).toMatch(/Close to Israel's colour/);
    expect(colourWarnings("#f59e0b", [{ name: "Israel", colour: "#1d4ed8" }])).toEqual([]);
  });

  it("warns when a party colour is close to a stance colour", () => {
    expect(colourWarnings(STANCE_COLOURS.rejects, [])).toContainEqual(expect.stringMatching(/stance “Rejects”/));
    expect(colourWarnings("#f59e0b", [])).toEqual([]);
  });

  it("is symmetric, and every warning names something really closer than the threshold", () => {
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, "0")}`);
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        expect(colourDistance(a, b)).toBeCloseTo(colourDistance(b, a), 9);
        const warned = colourWarnings(a, [{ name: "Other", colour: b }]).some((w) => w.includes("Other"));
        expect(warned).toBe(colourDistance(a, b) < TOO_CLOSE);
      }),
      { numRuns: 200 },
    );
  });
});
