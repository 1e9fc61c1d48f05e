import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CHANGE_DIRECTION,
  CHANGE_HINTS,
  CHANGE_LABELS,
  CHANGE_TYPES,
  type ChangeType,
  type EntryForChange,
  FIRMNESS_RANK,
  SCALE_AGREE,
  SCALE_HARD,
  STANCE_POSITION,
  classifyChange,
  classifySequence,
  effectiveChange,
  isChangeType,
  normalizeForComparison,
} from "@/lib/change";
import { FIRMNESS, STANCES, type Firmness, type Stance } from "@/lib/vocabulary";

function entry(stance: Stance, firmness: Firmness | null = "firm", summary = "Same summary", quote = ""): EntryForChange {
  return { stance, firmness, summary, quote };
}

// The expected type for every (previous stance → current stance) pair, with the same
// firmness and wording on both sides. Written out by hand, not derived from STANCE_POSITION.
const CODE: Record<string, ChangeType> = {
  N: "new",
  U: "unchanged",
  W: "reworded",
  S: "softened",
  H: "hardened",
  R: "reversed",
  X: "withdrawn",
};
const ORDER: Stance[] = ["demands", "rejects", "conditions", "proposes", "concedes", "supports", "accepts", "withdraws"];
//                  current: dem rej con pro cnc sup acc wdr
const GRID: Record<Stance, string> = {
  demands: /*         */ "U   W   S   S   S   R   R   X",
  rejects: /*         */ "W   U   S   S   S   R   R   X",
  conditions: /*      */ "H   H   U   S   S   S   S   X",
  proposes: /*        */ "H   H   H   U   S   S   S   X",
  concedes: /*        */ "H   H   H   H   U   S   S   X",
  supports: /*        */ "R   R   H   H   H   U   W   X",
  accepts: /*         */ "R   R   H   H   H   W   U   X",
  withdraws: /*       */ "N   N   N   N   N   N   N   U",
};
const stancePairs: Array<[Stance, Stance, ChangeType]> = ORDER.flatMap((from) => {
  const codes = GRID[from].split(/\s+/);
  return ORDER.map((to, i): [Stance, Stance, ChangeType] => [from, to, CODE[codes[i]!]!]);
});

describe("the stance scale", () => {
  it("places every stance, withdraws off the scale", () => {
    for (const s of STANCES) expect(s in STANCE_POSITION).toBe(true);
    expect(STANCE_POSITION.withdraws).toBeNull();
    expect(STANCE_POSITION.demands).toBe(SCALE_HARD);
    expect(STANCE_POSITION.rejects).toBe(SCALE_HARD);
    expect(STANCE_POSITION.accepts).toBe(SCALE_AGREE);
    expect(STANCE_POSITION.supports).toBe(SCALE_AGREE);
    expect(STANCE_POSITION.conditions).toBeLessThan(STANCE_POSITION.proposes);
    expect(STANCE_POSITION.proposes).toBeLessThan(STANCE_POSITION.concedes);
    expect(STANCE_POSITION.concedes).toBeLessThan(STANCE_POSITION.accepts);
  });

  it("ranks firmness from red line to flexible", () => {
    expect(FIRMNESS_RANK.red_line).toBeLessThan(FIRMNESS_RANK.firm);
    expect(FIRMNESS_RANK.firm).toBeLessThan(FIRMNESS_RANK.flexible);
    expect(Object.keys(FIRMNESS_RANK).sort()).toEqual([...FIRMNESS].sort());
  });
});

describe("labels and marks", () => {
  it("has a label, mark and hint for every change type", () => {
    for (const t of CHANGE_TYPES) {
      expect(CHANGE_LABELS[t]).toMatch(/\w/);
      expect(CHANGE_DIRECTION[t]).toHaveLength(1);
      expect(CHANGE_HINTS[t]).toMatch(/\w/);
    }
  });
  it("uses a different mark and label for each type", () => {
    expect(new Set(Object.values(CHANGE_DIRECTION)).size).toBe(CHANGE_TYPES.length);
    expect(new Set(Object.values(CHANGE_LABELS)).size).toBe(CHANGE_TYPES.length);
  });
  it("recognises change types", () => {
    expect(isChangeType("softened")).toBe(true);
    expect(isChangeType("Softened")).toBe(false);
    expect(isChangeType("sideways")).toBe(false);
  });
});

describe("classifyChange: stance moves", () => {
  it("covers all 64 stance pairs", () => {
    expect(stancePairs).toHaveLength(64);
  });

  it.each(stancePairs)("%s → %s is %s", (from, to, expected) => {
    expect(classifyChange(entry(from), entry(to))).toBe(expected);
  });

  it("a stance move wins over an opposite firmness move", () => {
    expect(classifyChange(entry("rejects", "flexible"), entry("conditions", "red_line"))).toBe("softened");
    expect(classifyChange(entry("accepts", "red_line"), entry("conditions", "flexible"))).toBe("hardened");
    expect(classifyChange(entry("rejects", "flexible"), entry("accepts", "red_line"))).toBe("reversed");
  });

  it("a stance move wins over a rewording", () => {
    expect(classifyChange(entry("proposes", "firm", "a"), entry("accepts", "firm", "b"))).toBe("softened");
  });
});

describe("classifyChange: no previous entry", () => {
  it.each(STANCES.filter((s) => s !== "withdraws"))("nothing → %s is new", (stance) => {
    expect(classifyChange(null, entry(stance))).toBe("new");
  });
  it("nothing → withdraws is withdrawn", () => {
    expect(classifyChange(null, entry("withdraws"))).toBe("withdrawn");
  });
});

describe("classifyChange: firmness at the same stance", () => {
  // previous firmness → current firmness, same stance and wording
  const cases: Array<[Firmness | null, Firmness | null, ChangeType]> = [
    ["red_line", "red_line", "unchanged"],
    ["red_line", "firm", "softened"],
    ["red_line", "flexible", "softened"],
    ["firm", "flexible", "softened"],
    ["firm", "red_line", "hardened"],
    ["flexible", "firm", "hardened"],
    ["flexible", "red_line", "hardened"],
    ["firm", "firm", "unchanged"],
    ["flexible", "flexible", "unchanged"],
    // declaring a red line is a move even from an unstated firmness (issue 8, decision 004)
    [null, "red_line", "hardened"],
    // otherwise null = not stated: never a firmness move

    [null, "flexible", "unchanged"],
    ["red_line", null, "unchanged"],
    ["flexible", null, "unchanged"],
    [null, null, "unchanged"],
  ];
  for (const stance of ["demands", "conditions", "accepts"] as const) {
    it.each(cases)(`${stance}: %s → %s is %s`, (from, to, expected) => {
      expect(classifyChange(entry(stance, from), entry(stance, to))).toBe(expected);
    });
  }

  it("a firmness move between tied stances still counts", () => {
    expect(classifyChange(entry("demands", "red_line"), entry("rejects", "firm"))).toBe("softened");
    expect(classifyChange(entry("accepts", "flexible"), entry("supports", "firm"))).toBe("hardened");
  });

  it("a firmness move wins over a rewording", () => {
    expect(classifyChange(entry("demands", "firm", "a"), entry("demands", "red_line", "b"))).toBe("hardened");
  });

  it("an unstated firmness falls through to the wording", () => {
    expect(classifyChange(entry("demands", null, "a"), entry("demands", "flexible", "b"))).toBe("reworded");
    expect(classifyChange(entry("demands", "red_line", "a"), entry("demands", null, "b"))).toBe("reworded");
  });

  it("a move to a red line is hardening, from any firmness or none, at any stance", () => {
    for (const stance of STANCES.filter((s) => s !== "withdraws")) {
      for (const from of [null, "firm", "flexible"] as const) {
        expect(classifyChange(entry(stance, from, "a"), entry(stance, "red_line", "b"))).toBe("hardened");
      }
    }
  });

  it("ignores firmness on a repeated withdrawal", () => {
    expect(classifyChange(entry("withdraws", "red_line"), entry("withdraws", "flexible"))).toBe("unchanged");
  });
});

describe("classifyChange: wording", () => {
  const base = entry("demands", "firm", "Full withdrawal from the Philadelphi corridor.", "“We will not sign without it.”");

  it.each([
    ["case", { summary: "FULL WITHDRAWAL from the philadelphi corridor." }],
    ["whitespace", { summary: "  Full   withdrawal\nfrom the Philadelphi corridor. " }],
    ["punctuation", { summary: "Full withdrawal, from the Philadelphi corridor!" }],
    ["quote marks", { quote: '"We will not sign without it."' }],
    ["hyphenation", { summary: "Full with-drawal from the Philadelphi corridor" }],
    ["full-width characters (NFKC)", { summary: "Ｆｕｌｌ withdrawal from the Philadelphi corridor." }],
  ])("%s alone is unchanged", (_label, patch) => {
    expect(classifyChange(base, { ...base, ...patch })).toBe("unchanged");
  });

  it("ignores invisible direction marks in right-to-left text", () => {
    const a = entry("rejects", "firm", "لا انسحاب من محور فيلادلفيا");
    const b = entry("rejects", "firm", "\u200Fلا انسحاب من محور فيلادلفيا\u200F");
    expect(classifyChange(a, b)).toBe("unchanged");
  });

  it("a changed word in the summary is reworded", () => {
    expect(classifyChange(base, { ...base, summary: "Full withdrawal from the Philadelphi route." })).toBe("reworded");
  });

  it("a changed quote is reworded", () => {
    expect(classifyChange(base, { ...base, quote: "We will not sign." })).toBe("reworded");
  });

  it("adding a quote where there was none is reworded", () => {
    expect(classifyChange({ ...base, quote: "" }, base)).toBe("reworded");
  });

  it("a different stance at the same place with the same words is reworded", () => {
    expect(classifyChange(entry("demands"), entry("rejects"))).toBe("reworded");
  });

  it("a repeated withdrawal in new words is reworded", () => {
    expect(classifyChange(entry("withdraws", null, "Drops the demand"), entry("withdraws", null, "No longer asks for it"))).toBe(
      "reworded",
    );
  });

  it("normalizes text for comparison", () => {
    expect(normalizeForComparison("  Cease-fire, NOW! ")).toBe("ceasefirenow");
    expect(normalizeForComparison("")).toBe("");
  });
});

describe("classifyChange: the Gaza talks", () => {
  it("Israel on Philadelphi: rejects withdrawal → concedes a partial withdrawal = softened", () => {
    const before = entry("rejects", "red_line", "Rejects any withdrawal from the Philadelphi corridor");
    const after = entry("concedes", "firm", "Would reduce forces along the corridor in phase one");
    expect(classifyChange(before, after)).toBe("softened");
  });

  it("Hamas on the overall deal: accepts → rejects = reversed", () => {
    const before = entry("accepts", null, "Accepts the framework");
    const after = entry("rejects", "firm", "Rejects the updated proposal");
    expect(classifyChange(before, after)).toBe("reversed");
  });

  it("Hamas on a permanent ceasefire: red line → firm, same demand = softened", () => {
    expect(classifyChange(entry("demands", "red_line", "Permanent ceasefire"), entry("demands", "firm", "Permanent ceasefire"))).toBe(
      "softened",
    );
  });

  it("Israel on the Netzarim corridor: conditions → demands = hardened", () => {
    expect(classifyChange(entry("conditions"), entry("demands"))).toBe("hardened");
  });
});

describe("classifyChange: properties", () => {
  const stance = fc.constantFrom(...STANCES.filter((s) => s !== "withdraws"));
  const firmness = fc.constantFrom<Firmness | null>(...FIRMNESS, null);
  const text = fc.constantFrom("a", "A.", "b", "");
  const anEntry = fc.record({ stance, firmness, summary: text, quote: text });

  const MIRROR: Record<ChangeType, ChangeType> = {
    softened: "hardened",
    hardened: "softened",
    reversed: "reversed",
    reworded: "reworded",
    unchanged: "unchanged",
    new: "new",
    withdrawn: "withdrawn",
  };

  it("swapping the two entries mirrors the direction (except a red line declared where none was stated)", () => {
    fc.assert(
      fc.property(anEntry, anEntry, (a, b) => {
        const declared = (x: EntryForChange, y: EntryForChange) => x.firmness === null && y.firmness === "red_line" && STANCE_POSITION[x.stance] === STANCE_POSITION[y.stance];
        fc.pre(!declared(a, b) && !declared(b, a));
        expect(classifyChange(b, a)).toBe(MIRROR[classifyChange(a, b)]);
      }),
    );
  });

  it("an entry compared with itself is unchanged", () => {
    fc.assert(
      fc.property(anEntry, (a) => {
        expect(classifyChange(a, { ...a })).toBe("unchanged");
      }),
    );
  });

  it("only a first entry is new and only a withdrawal is withdrawn", () => {
    fc.assert(
      fc.property(anEntry, anEntry, (a, b) => {
        const t = classifyChange(a, b);
        expect(t).not.toBe("new");
        expect(t).not.toBe("withdrawn");
      }),
    );
  });
});

describe("effectiveChange", () => {
  it("an analyst's valid override wins and is flagged", () => {
    expect(effectiveChange("reworded", "softened")).toEqual({ type: "softened", overridden: true });
  });
  it("an override equal to the computed type is still flagged", () => {
    expect(effectiveChange("hardened", "hardened")).toEqual({ type: "hardened", overridden: true });
  });
  it.each([null, "", "sideways", "Softened", " softened", "null"])("override %j is ignored", (override) => {
    expect(effectiveChange("reversed", override)).toEqual({ type: "reversed", overridden: false });
  });
  it.each(CHANGE_TYPES)("accepts %s as an override", (t) => {
    expect(effectiveChange("unchanged", t).type).toBe(t);
  });
});

describe("classifySequence", () => {
  it("classifies each entry against the one before it", () => {
    const cell = [
      { id: 1, statedOn: "2024-05-06", ...entry("rejects", "red_line", "No withdrawal") },
      { id: 2, statedOn: "2024-05-20", ...entry("rejects", "red_line", "No withdrawal.") },
      { id: 3, statedOn: "2024-06-02", ...entry("rejects", "red_line", "No withdrawal from the corridor") },
      { id: 4, statedOn: "2024-07-10", ...entry("rejects", "firm", "No withdrawal from the corridor") },
      { id: 5, statedOn: "2024-08-15", ...entry("concedes", "firm", "Fewer troops in phase one") },
      { id: 6, statedOn: "2024-08-20", ...entry("demands", "red_line", "Stays on the corridor") },
      { id: 7, statedOn: "2024-08-25", ...entry("withdraws", null, "Drops the point") },
      { id: 8, statedOn: "2024-09-01", ...entry("accepts", null, "Accepts the US bridging text") },
      { id: 9, statedOn: "2024-09-04", ...entry("rejects", null, "Rejects the US bridging text") },
    ];
    const result = classifySequence(cell);
    expect(result.map((e) => e.change)).toEqual([
      "new",
      "unchanged",
      "reworded",
      "softened",
      "softened",
      "hardened",
      "withdrawn",
      "new",
      "reversed",
    ]);
    // Extra fields are kept; the input is not modified.
    expect(result[4]).toMatchObject({ id: 5, statedOn: "2024-08-15", stance: "concedes" });
    expect(cell[0]).not.toHaveProperty("change");
  });

  it("returns nothing for no entries and new for a single one", () => {
    expect(classifySequence([])).toEqual([]);
    expect(classifySequence([entry("proposes")]).map((e) => e.change)).toEqual(["new"]);
  });

  it("a cell that starts with a withdrawal", () => {
    expect(classifySequence([entry("withdraws"), entry("withdraws"), entry("demands")]).map((e) => e.change)).toEqual([
      "withdrawn",
      "unchanged",
      "new",
    ]);
  });
});
