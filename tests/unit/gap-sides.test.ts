// The side-level gap rule (docs/decisions/005-gap-rule.md, 027-sides.md): allies are one voice.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gapForIssue, type GapPosition } from "@/lib/gap";
import { describeBystanders, groupPartiesBySide } from "@/lib/gaps-view";
import { FIRMNESS, PARTY_ROLES, STANCES, type Firmness, type Stance } from "@/lib/vocabulary";

const ISRAEL = 1;
const HAMAS = 2;
const PIJ = 3;
const QATAR = 4;
const US = 5;
const FACTIONS = { id: 10, name: "Palestinian factions" };

function pos(partyId: number, stance: Stance, extra: Partial<GapPosition> = {}): GapPosition {
  return { partyId, stance, firmness: null, ...extra };
}

describe("gapForIssue with sides: demo examples", () => {
  it("Permanent ceasefire: Hamas and Islamic Jihad, one side, both demand and Israel has said nothing → open, not opposed", () => {
    const gap = gapForIssue([pos(HAMAS, "demands", { side: FACTIONS }), pos(PIJ, "demands", { side: FACTIONS })]);
    expect(gap.status).toBe("open");
    expect(gap.reason).toBe("Only one side has stated a position");
  });

  it("without sides the same two separate demands read as opposed (the rule before sides)", () => {
    expect(gapForIssue([pos(HAMAS, "demands"), pos(PIJ, "demands")]).status).toBe("opposed");
  });

  it("a side facing another side is still opposed", () => {
    const gap = gapForIssue([pos(HAMAS, "demands", { side: FACTIONS }), pos(PIJ, "demands", { side: FACTIONS }), pos(ISRAEL, "rejects")]);
    expect(gap.status).toBe("opposed");
    expect(gap.reason).toBe("Demands meet a rejection");
  });

  it("a divided side says so in the reason, and its members never oppose each other", () => {
    const gap = gapForIssue([pos(HAMAS, "rejects", { side: FACTIONS }), pos(PIJ, "accepts", { side: FACTIONS })]);
    expect(gap.status).toBe("open");
    expect(gap.reason).toBe("Only one side has stated a position; Palestinian factions divided");
    expect(gap.divided).toEqual(["Palestinian factions"]);
  });

  it("each stance of a divided side faces the other sides", () => {
    const gap = gapForIssue([pos(HAMAS, "demands", { side: FACTIONS }), pos(PIJ, "accepts", { side: FACTIONS }), pos(ISRAEL, "accepts")]);
    expect(gap.status).toBe("open");
    expect(gap.reason).toBe("A demand is on the table, not yet met; Palestinian factions divided");
  });

  it("supports and accepts are one agreement: not divided", () => {
    const gap = gapForIssue([pos(HAMAS, "supports", { side: FACTIONS }), pos(PIJ, "accepts", { side: FACTIONS }), pos(ISRAEL, "accepts")]);
    expect(gap).toMatchObject({ status: "compatible", divided: [] });
  });

  it("Pressure on counterpart: mediators are listed beside the gap, never dropped", () => {
    const gap = gapForIssue([pos(ISRAEL, "demands"), pos(US, "proposes", { role: "mediator" }), pos(QATAR, "accepts", { role: "mediator" })]);
    expect(gap.status).toBe("open");
    expect(gap.bystanders).toEqual([
      { partyId: QATAR, role: "mediator", stance: "accepts" },
      { partyId: US, role: "mediator", stance: "proposes" },
    ]);
    const parties = [
      { id: US, name: "United States" },
      { id: QATAR, name: "Qatar" },
    ];
    expect(describeBystanders(gap.bystanders, parties)).toBe("Mediators: Qatar accepts; United States proposes");
  });

  it("a side proposing together is one proposal", () => {
    const gap = gapForIssue([pos(HAMAS, "proposes", { side: FACTIONS }), pos(PIJ, "proposes", { side: FACTIONS }), pos(ISRAEL, "accepts")]);
    expect(gap).toMatchObject({ status: "compatible", reason: "One party proposes and the others go along" });
  });
});

describe("gapForIssue with sides: properties", () => {
  const SIDES = [
    { id: 1, name: "A" },
    { id: 2, name: "B" },
    { id: 3, name: "C" },
  ];
  const position = fc.record({
    partyId: fc.integer({ min: 1, max: 8 }),
    stance: fc.constantFrom<Stance>(...STANCES),
    firmness: fc.constantFrom<Firmness | null>(null, ...FIRMNESS),
    role: fc.constantFrom(...PARTY_ROLES),
    side: fc.constantFrom(null, ...SIDES),
  });
  // One position per party, as the gap view passes them.
  const issue = fc.uniqueArray(position, { selector: (p) => p.partyId, maxLength: 8 });

  it("the order of the parties is irrelevant", () => {
    fc.assert(
      fc.property(issue, fc.integer(), (positions, seed) => {
        const shuffled = [...positions].sort((a, b) => ((a.partyId * 7919 + seed) % 13) - ((b.partyId * 7919 + seed) % 13));
        expect(gapForIssue(shuffled)).toEqual(gapForIssue(positions));
        expect(gapForIssue([...positions].reverse())).toEqual(gapForIssue(positions));
      }),
      { numRuns: 300 },
    );
  });

  it("allies are never opposed to each other: a single side is never opposed", () => {
    fc.assert(
      fc.property(issue, (positions) => {
        const oneSide = positions.map((p) => ({ ...p, side: SIDES[0]! }));
        expect(gapForIssue(oneSide).status).not.toBe("opposed");
      }),
      { numRuns: 300 },
    );
  });

  it("mediators and observers never decide the status or the score", () => {
    fc.assert(
      fc.property(issue, (positions) => {
        const principals = positions.filter((p) => p.role === "party");
        const a = gapForIssue(principals);
        const b = gapForIssue(positions);
        if (principals.length > 0) {
          expect(b.status).toBe(a.status);
          expect(b.score).toBe(a.score);
        }
        expect(b.bystanders).toHaveLength(positions.length - principals.length);
      }),
      { numRuns: 300 },
    );
  });

  it("a party with no side behaves as a side of its own (as before sides)", () => {
    fc.assert(
      fc.property(issue, (positions) => {
        const noSides = positions.map(({ side: _side, ...p }) => p);
        const ownSides = noSides.map((p) => ({ ...p, side: { id: 100 + p.partyId, name: `Own ${p.partyId}` } }));
        const a = gapForIssue(noSides);
        const b = gapForIssue(ownSides);
        expect(b.status).toBe(a.status);
        expect(b.score).toBe(a.score);
        expect(b.divided).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("groupPartiesBySide", () => {
  it("groups columns by side in side order, ungrouped (or trashed side) last, empty sides left out", () => {
    const parties = [
      { id: 1, sideId: null },
      { id: 2, sideId: 20 },
      { id: 3, sideId: 10 },
      { id: 4, sideId: 20 },
      { id: 5, sideId: 99 },
    ];
    const sides = [{ id: 20 }, { id: 10 }, { id: 30 }];
    expect(groupPartiesBySide(parties, sides).map((g) => [g.side?.id ?? null, g.parties.map((p) => p.id)])).toEqual([
      [20, [2, 4]],
      [10, [3]],
      [null, [1, 5]],
    ]);
  });
});
