import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { colourDistance, colourWarnings, nextPartyColour, PARTY_PALETTE, STANCE_COLOURS, TOO_CLOSE, toLab } from "@/lib/colour";
import { gaza2024 } from "@/prisma/demo/gaza-2024";

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

describe("the party palette (issue 8 item 4)", () => {
  it("keeps every palette colour far from every stance colour", () => {
    for (const { name, colour } of PARTY_PALETTE) {
      for (const [stance, ink] of Object.entries(STANCE_COLOURS)) {
        expect(colourDistance(colour, ink), `${name} ${colour} against ${stance} ${ink}`).toBeGreaterThanOrEqual(TOO_CLOSE);
      }
      expect(colourWarnings(colour, [])).toEqual([]);
    }
  });

  it("keeps the palette colours far from each other, so parties on palette colours are never warned about", () => {
    expect(new Set(PARTY_PALETTE.map((p) => p.colour)).size).toBe(PARTY_PALETTE.length);
    for (const a of PARTY_PALETTE) {
      for (const b of PARTY_PALETTE) if (a !== b) expect(colourDistance(a.colour, b.colour), `${a.name} against ${b.name}`).toBeGreaterThanOrEqual(TOO_CLOSE);
      expect(colourWarnings(a.colour, PARTY_PALETTE.filter((p) => p !== a))).toEqual([]);
    }
  });

  it("gives a new party the next unused palette colour, then the least used one", () => {
    const [first, second, third] = PARTY_PALETTE.map((p) => p.colour);
    expect(nextPartyColour([])).toBe(first);
    expect(nextPartyColour([first!])).toBe(second);
    expect(nextPartyColour([first!.toUpperCase(), "#123456"])).toBe(second);
    expect(nextPartyColour([second!, first!])).toBe(third);
    const all = PARTY_PALETTE.map((p) => p.colour);
    expect(nextPartyColour([...all, ...all.slice(0, 3)])).toBe(all[3]);
  });

  it("gives the demo's parties palette colours, none close to a stance or to each other", () => {
    const palette = new Set(PARTY_PALETTE.map((p) => p.colour));
    const parties = gaza2024.parties;
    for (const p of parties) {
      expect(palette.has(p.colour), `${p.name} ${p.colour}`).toBe(true);
      expect(colourWarnings(p.colour, parties.filter((o) => o !== p)), p.name).toEqual([]);
    }
  });
});
