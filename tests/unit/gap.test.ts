import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GAP_LABELS, GAP_STATUSES, type GapPosition, type GapStatus, compareGaps, gapForIssue } from "@/lib/gap";
import { FIRMNESS, PARTY_ROLES, STANCES, type Firmness, type Stance } from "@/lib/vocabulary";

const ISRAEL = 1;
const HAMAS = 2;
const QATAR = 3;
const EGYPT = 4;
const US = 5;

function pos(partyId: number, stance: Stance, firmness: Firmness | null = null, role?: GapPosition["role"]): GapPosition {
  return role === undefined ? { partyId, stance, firmness } : { partyId, stance, firmness, role };
}

describe("gapForIssue: opposed", () => {
  it("Philadelphi: Hamas demands full withdrawal, Israel rejects it", () => {
    const gap = gapForIssue([pos(HAMAS, "demands", "red_line"), pos(ISRAEL, "rejects", "red_line")]);
    expect(gap.status).toBe("opposed");
    expect(gap.reason).toBe("Demands meet a rejection, with 2 red lines");
  });

  it.each<[Stance, Stance, string]>([
    ["demands", "rejects", "Demands meet a rejection"],
    ["rejects", "rejects", "Rejections on both sides"],
    ["demands", "demands", "Demands on both sides"],
    ["rejects", "conditions", "Conditional acceptance meets a rejection"],
    ["rejects", "proposes", "A proposal meets a rejection"],
    ["rejects", "concedes", "A concession meets a rejection"],
    ["rejects", "supports", "Support meets a rejection"],
    ["rejects", "accepts", "Acceptance meets a rejection"],
  ])("%s vs %s → opposed (%s)", (a, b, reason) => {
    for (const gap of [gapForIssue([pos(ISRAEL, a), pos(HAMAS, b)]), gapForIssue([pos(HAMAS, b), pos(ISRAEL, a)])]) {
      expect(gap.status).toBe("opposed");
      expect(gap.reason).toBe(reason);
    }
  });

  it("names the softest stance facing the rejection", () => {
    const gap = gapForIssue([pos(ISRAEL, "rejects"), pos(HAMAS, "conditions"), pos(6, "accepts")]);
    expect(gap.reason).toBe("Acceptance meets a rejection");
  });

  it("one rejection among several agreeing parties is enough", () => {
    expect(gapForIssue([pos(ISRAEL, "accepts"), pos(HAMAS, "accepts"), pos(6, "rejects")]).status).toBe("opposed");
  });

  it("mentions a single red line", () => {
    expect(gapForIssue([pos(ISRAEL, "rejects", "red_line"), pos(HAMAS, "proposes", "flexible")]).reason).toBe(
      "A proposal meets a rejection, with a red line",
    );
  });
});

describe("gapForIssue: compatible", () => {
  it("Hamas and Israel both accept the framework", () => {
    const gap = gapForIssue([pos(HAMAS, "accepts"), pos(ISRAEL, "accepts")]);
    expect(gap).toEqual({ status: "compatible", score: 0, reason: "All parties agree", divided: [], bystanders: [] });
  });

  it.each<[Stance, Stance]>([
    ["accepts", "supports"],
    ["accepts", "concedes"],
    ["concedes", "concedes"],
    ["proposes", "accepts"],
    ["proposes", "supports"],
    ["proposes", "concedes"],
  ])("%s + %s → compatible", (a, b) => {
    expect(gapForIssue([pos(ISRAEL, a), pos(HAMAS, b)]).status).toBe("compatible");
  });

  it("explains a proposal taken up by the others", () => {
    expect(gapForIssue([pos(ISRAEL, "proposes"), pos(HAMAS, "accepts")]).reason).toBe("One party proposes and the others go along");
    expect(gapForIssue([pos(ISRAEL, "concedes"), pos(HAMAS, "accepts")]).reason).toBe("All parties agree or concede");
  });
});

describe("gapForIssue: open", () => {
  it.each<[Stance, Stance, string]>([
    ["demands", "conditions", "A demand is on the table, not yet met"],
    ["demands", "proposes", "A demand is on the table, not yet met"],
    ["demands", "concedes", "A demand is on the table, not yet met"],
    ["demands", "accepts", "A demand is on the table, not yet met"],
    ["conditions", "accepts", "Conditions are still to be met"],
    ["conditions", "conditions", "Conditions are still to be met"],
    ["conditions", "proposes", "Conditions are still to be met"],
    ["proposes", "proposes", "Competing proposals"],
  ])("%s + %s → open (%s)", (a, b, reason) => {
    const gap = gapForIssue([pos(ISRAEL, a), pos(HAMAS, b)]);
    expect(gap.status).toBe("open");
    expect(gap.reason).toBe(reason);
  });

  it("nobody has spoken", () => {
    expect(gapForIssue([])).toMatchObject({ status: "open", reason: "No party has stated a position" });
    expect(gapForIssue([null, null])).toMatchObject({ status: "open", reason: "No party has stated a position" });
  });

  it("only one party has spoken, even with a red line", () => {
    const gap = gapForIssue([pos(HAMAS, "demands", "red_line"), null]);
    expect(gap.status).toBe("open");
    expect(gap.reason).toBe("Only one party has stated a position, with a red line");
  });

  it("one party with two entries is still one party", () => {
    expect(gapForIssue([pos(ISRAEL, "demands"), pos(ISRAEL, "rejects")]).status).toBe("open");
  });

  it("a withdrawn position no longer counts", () => {
    const gap = gapForIssue([pos(HAMAS, "withdraws"), pos(ISRAEL, "rejects", "firm")]);
    expect(gap).toMatchObject({ status: "open", reason: "Only one party still holds a position" });
    expect(gapForIssue([pos(HAMAS, "withdraws"), pos(ISRAEL, "withdraws")]).reason).toBe("Every party has withdrawn its position");
  });
});

describe("gapForIssue: mediators and observers", () => {
  it("mediators alone leave the issue open", () => {
    const gap = gapForIssue([pos(QATAR, "proposes", null, "mediator"), pos(EGYPT, "supports", null, "mediator")]);
    expect(gap).toMatchObject({ status: "open", reason: "Only mediators or observers have stated a position" });
  });

  it("a mediator's rejection does not make an issue opposed", () => {
    const gap = gapForIssue([pos(HAMAS, "accepts"), pos(ISRAEL, "accepts"), pos(US, "rejects", "red_line", "mediator")]);
    expect(gap.status).toBe("compatible");
    expect(gap.score).toBe(0);
  });

  it("a mediator cannot complete an opposition with one party", () => {
    expect(gapForIssue([pos(ISRAEL, "rejects"), pos(QATAR, "proposes", null, "mediator")]).status).toBe("open");
  });

  it("an observer counts like a mediator", () => {
    expect(gapForIssue([pos(ISRAEL, "demands"), pos(9, "demands", null, "observer")]).status).toBe("open");
  });

  it("an explicit party role counts like no role", () => {
    expect(gapForIssue([pos(ISRAEL, "rejects", null, "party"), pos(HAMAS, "demands")]).status).toBe("opposed");
  });
});

describe("gap score", () => {
  it("red lines weigh more", () => {
    const red = gapForIssue([pos(HAMAS, "demands", "red_line"), pos(ISRAEL, "rejects", "red_line")]);
    const firm = gapForIssue([pos(HAMAS, "demands", "firm"), pos(ISRAEL, "rejects", "firm")]);
    const unstated = gapForIssue([pos(HAMAS, "demands"), pos(ISRAEL, "rejects")]);
    const flexible = gapForIssue([pos(HAMAS, "demands", "flexible"), pos(ISRAEL, "rejects", "flexible")]);
    expect(red.score).toBeGreaterThan(firm.score);
    expect(firm.score).toBe(unstated.score);
    expect(unstated.score).toBeGreaterThan(flexible.score);
  });

  it("harder stances weigh more within a status", () => {
    const demands = gapForIssue([pos(HAMAS, "demands"), pos(ISRAEL, "accepts")]);
    const conditions = gapForIssue([pos(HAMAS, "conditions"), pos(ISRAEL, "accepts")]);
    expect(demands.status).toBe("open");
    expect(conditions.status).toBe("open");
    expect(demands.score).toBeGreaterThan(conditions.score);
  });

  const stance = fc.constantFrom(...STANCES);
  const firmness = fc.constantFrom<Firmness | null>(...FIRMNESS, null);
  const role = fc.constantFrom(...PARTY_ROLES, undefined);
  const position = fc.record({ partyId: fc.integer({ min: 1, max: 6 }), stance, firmness, role });
  const issue = fc.array(fc.option(position, { nil: null }), { maxLength: 10 });
  const RANK: Record<GapStatus, number> = { opposed: 2, open: 1, compatible: 0 };

  it("always ranks opposed above open above compatible", () => {
    fc.assert(
      fc.property(issue, issue, (a, b) => {
        const ga = gapForIssue(a);
        const gb = gapForIssue(b);
        if (RANK[ga.status] > RANK[gb.status]) expect(ga.score).toBeGreaterThan(gb.score);
        expect(ga.reason).toMatch(/^[A-Z]/);
        expect(GAP_STATUSES).toContain(ga.status);
      }),
      { numRuns: 500 },
    );
  });

  it("ignores mediators and observers entirely", () => {
    fc.assert(
      fc.property(issue, issue, (principals, others) => {
        const onlyParties = principals.map((p) => (p === null ? null : { ...p, role: "party" as const }));
        const withOthers = [
          ...onlyParties,
          ...others.map((p) => (p === null ? null : { ...p, partyId: p.partyId + 100, role: "mediator" as const })),
        ];
        const a = gapForIssue(onlyParties);
        const b = gapForIssue(withOthers);
        expect(b.status).toBe(a.status);
        expect(b.score).toBe(a.score);
      }),
    );
  });

  it("does not depend on the order of the positions", () => {
    fc.assert(
      fc.property(issue, (positions) => {
        const a = gapForIssue(positions);
        const b = gapForIssue([...positions].reverse());
        expect(b).toEqual(a);
      }),
    );
  });
});

describe("compareGaps", () => {
  it("sorts the most opposed issues first", () => {
    const issues = [
      { name: "hostage list", gap: gapForIssue([pos(HAMAS, "proposes"), pos(ISRAEL, "accepts")]) },
      { name: "Netzarim", gap: gapForIssue([pos(HAMAS, "demands", "firm"), pos(ISRAEL, "conditions", "firm")]) },
      { name: "Philadelphi", gap: gapForIssue([pos(HAMAS, "demands", "red_line"), pos(ISRAEL, "rejects", "red_line")]) },
      { name: "aid trucks", gap: gapForIssue([pos(HAMAS, "accepts"), pos(ISRAEL, "accepts")]) },
      { name: "Rafah crossing", gap: gapForIssue([pos(HAMAS, "accepts", "flexible"), pos(ISRAEL, "rejects", "flexible")]) },
      { name: "reconstruction", gap: gapForIssue([pos(QATAR, "proposes", null, "mediator")]) },
    ];
    const sorted = [...issues].sort((a, b) => compareGaps(a.gap, b.gap)).map((i) => i.name);
    expect(sorted).toEqual(["Philadelphi", "Rafah crossing", "Netzarim", "reconstruction", "hostage list", "aid trucks"]);
  });

  it("is zero for equal scores", () => {
    const g = gapForIssue([pos(HAMAS, "accepts"), pos(ISRAEL, "accepts")]);
    expect(compareGaps(g, { ...g })).toBe(0);
  });

  it("has a label per status", () => {
    for (const s of GAP_STATUSES) expect(GAP_LABELS[s]).toMatch(/^[A-Z]/);
  });
});

describe("joint statements speak with one voice", () => {
  it("two parties demanding in one joint statement are not opposed to each other", () => {
    const joint = gapForIssue([
      { partyId: 2, stance: "demands", firmness: "red_line", voice: "entry:7" },
      { partyId: 3, stance: "demands", firmness: "red_line", voice: "entry:7" },
    ]);
    expect(joint.status).toBe("open");
  });
  it("the same demands made separately still count as two sides", () => {
    expect(gapForIssue([
      { partyId: 2, stance: "demands", firmness: "red_line" },
      { partyId: 3, stance: "demands", firmness: "red_line" },
    ]).status).toBe("opposed");
  });
  it("a joint demand meeting a third party's rejection is opposed", () => {
    expect(gapForIssue([
      { partyId: 2, stance: "demands", firmness: null, voice: "entry:7" },
      { partyId: 3, stance: "demands", firmness: null, voice: "entry:7" },
      { partyId: 1, stance: "rejects", firmness: "firm" },
    ]).status).toBe("opposed");
  });
});
