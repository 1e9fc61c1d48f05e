import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { suggestPositions } from "@/lib/suggest/rules";
import { lexiconOf, scoreArticle } from "@/lib/suggest/evaluate";
import type { Lexicon, Suggestion } from "@/lib/suggest/types";
import { FIRMNESS, STANCES } from "@/lib/vocabulary";

// The rule-based reader (issue 12) on short texts written for these tests, in the style of wire
// reports. Two negotiations, so nothing here leans on the demo's names: a ceasefire and a
// war between two states whose reports name them by their capitals.

const ceasefire: Lexicon = lexiconOf({
  parties: [
    { name: "Israel", shortName: "Israel", aliases: ["Israeli", "Israeli officials", "Netanyahu"] },
    { name: "Hamas", shortName: "Hamas", aliases: ["Osama Hamdan"] },
    { name: "Palestinian Islamic Jihad", shortName: "Islamic Jihad", aliases: ["PIJ"] },
    { name: "Egypt", shortName: "Egypt", aliases: ["Egyptian", "Cairo"] },
    { name: "Qatar", shortName: "Qatar", aliases: ["Qatari", "Doha"] },
    { name: "United States", shortName: "US", aliases: ["U.S.", "Washington"] },
  ],
  issues: [
    { name: "Permanent ceasefire", description: "A lasting end to the war rather than a pause.", keywords: ["end the war", "end to the war"] },
    { name: "Philadelphi corridor", description: "Israeli troops along the Gaza–Egypt border strip.", keywords: ["Philadelphi"] },
    { name: "Hostage-prisoner exchange", description: "Hostages freed for prisoners.", keywords: ["hostages", "prisoners"] },
    { name: "Humanitarian aid", description: "Relief entering Gaza.", keywords: ["aid", "trucks"] },
  ],
  sides: [{ name: "Mediators", parties: ["Egypt", "Qatar", "United States"] }],
});

const war: Lexicon = lexiconOf({
  parties: [
    { name: "Russia", shortName: "Russia", aliases: ["Moscow", "Kremlin", "Russian"] },
    { name: "Ukraine", shortName: "Ukraine", aliases: ["Kyiv", "Ukrainian"] },
    { name: "Turkey", shortName: "Turkey", aliases: ["Ankara"] },
  ],
  issues: [
    { name: "Black Sea grain corridor", description: "Safe passage for grain ships from Ukrainian ports.", keywords: ["grain", "shipping corridor"] },
    { name: "Prisoner swap", description: "Exchanging prisoners of war.", keywords: ["prisoners of war", "POWs"] },
    { name: "Territory", description: "Control of the occupied regions.", keywords: ["occupied regions", "territorial"] },
  ],
});

const party = (lexicon: Lexicon, name: string) => lexicon.parties.find((p) => p.name === name)!.id;
const issue = (lexicon: Lexicon, name: string) => lexicon.issues.find((i) => i.name === name)!.id;
/** The suggestions as "Party+Party / Issue / stance" for readable expectations. */
function read(text: string, lexicon: Lexicon): string[] {
  const pn = new Map(lexicon.parties.map((p) => [p.id, p.name]));
  const iname = new Map(lexicon.issues.map((i) => [i.id, i.name]));
  return suggestPositions(text, lexicon).map((s) => `${s.partyIds.map((id) => pn.get(id)).join("+")} / ${iname.get(s.issueId)} / ${s.stance}`);
}
function expectVerbatim(text: string, suggestions: Suggestion[]) {
  for (const s of suggestions) {
    expect(s.quote).toBe(text.slice(s.start, s.end));
    expect(s.start).toBeLessThan(s.end);
  }
}

describe("the rule-based reader: who holds the stance", () => {
  it("takes the party named before the cue as the one who holds it", () => {
    expect(read("Hamas rejected any Israeli presence in the Philadelphi corridor on Monday.", ceasefire)).toEqual(["Hamas / Philadelphi corridor / rejects"]);
  });

  it("reads attribution after the words: “…, Hamas said” and “according to Egypt”", () => {
    expect(read("Any agreement must end the war, Hamas said on Sunday.", ceasefire)).toEqual(["Hamas / Permanent ceasefire / demands"]);
    expect(read("The new text must end the war, according to Egypt.", ceasefire)).toEqual(["Egypt / Permanent ceasefire / demands"]);
  });

  it("reads the passive: “was rejected by Israel” is Israel's rejection", () => {
    expect(read("A plan to free the hostages in one stage was rejected by Israel late on Tuesday.", ceasefire)).toEqual(["Israel / Hostage-prisoner exchange / rejects"]);
  });

  it("names every party of a joint statement, and of a list joined by “and”", () => {
    expect(read("In a joint statement with Islamic Jihad, Hamas demanded an end to the war.", ceasefire)).toEqual(["Hamas+Palestinian Islamic Jihad / Permanent ceasefire / demands"]);
    expect(read("Egypt and Qatar called for more aid trucks to enter Gaza.", ceasefire)).toEqual(["Egypt+Qatar / Humanitarian aid / demands"]);
  });

  it("reads a side's name as all its parties: “the mediators”", () => {
    expect(read("The mediators proposed a six-week pause in which hostages and prisoners would be exchanged.", ceasefire)).toEqual([
      "Egypt+Qatar+United States / Hostage-prisoner exchange / proposes",
    ]);
  });

  it("does not take the party a stance is about for the one who holds it", () => {
    // Israel is what the call is about; Hamas makes it.
    expect(read("Hamas called for pressure on Israel to let more aid trucks in.", ceasefire)).toEqual(["Hamas / Humanitarian aid / demands"]);
    // "Israeli troops" says whose troops, not who speaks.
    expect(read("Hamas rejected the presence of Israeli troops in the Philadelphi corridor.", ceasefire)).toEqual(["Hamas / Philadelphi corridor / rejects"]);
  });

  it("resolves “the group” and “he said” to the party named just before", () => {
    const text = "Hamas met Egyptian mediators in Cairo on Sunday. The group rejected any Israeli force in the Philadelphi corridor.";
    expect(read(text, ceasefire)).toEqual(["Hamas / Philadelphi corridor / rejects"]);
    const said = "Osama Hamdan spoke to reporters in Beirut. The exchange must free all prisoners at once, he said.";
    expect(read(said, ceasefire)).toEqual(["Hamas / Hostage-prisoner exchange / demands"]);
    // "X, spokesman for the group, said Israel…" reports what Israel did: "he" is still Hamas's man.
    const reported = "Hamas said it would hold off the next release. Its spokesman, a senior official, said Israel had delayed aid trucks. The release of hostages would go ahead only if the trucks got in, he said.";
    expect(read(reported, ceasefire)).toEqual(["Hamas / Hostage-prisoner exchange / conditions"]);
  });

  it("does not read what a demand asks of another party as that party's stance", () => {
    expect(read("Hamas dropped its demand that Israel first commit to an end to the war.", ceasefire)).toEqual(["Hamas / Permanent ceasefire / concedes"]);
  });

  it("finds parties by their aliases, capitals and demonyms, in any negotiation", () => {
    expect(read("Moscow rejected a Turkish plan to reopen the grain shipping corridor.", war)).toEqual(["Russia / Black Sea grain corridor / rejects"]);
    expect(read("Kyiv agreed to a swap of prisoners of war brokered by Ankara, Ukrainian officials said.", war)).toEqual(["Ukraine / Prisoner swap / accepts"]);
  });

  it("reads a dateline's cities as places, not as the parties they are capitals of", () => {
    expect(read("CAIRO/DOHA, Aug 25 (Test wire) - Hamas rejected any Israeli troops in the Philadelphi corridor.", ceasefire)).toEqual(["Hamas / Philadelphi corridor / rejects"]);
    expect(read("DOHA, Aug 25 (Test wire) - Officials called for more aid trucks.", ceasefire)).toEqual([]);
  });

  it("suggests nothing when no party of the negotiation holds the stance", () => {
    expect(read("Diplomats called for more aid trucks to enter Gaza.", ceasefire)).toEqual([]);
    expect(read("Fighting continued in the south overnight, witnesses said.", ceasefire)).toEqual([]);
  });
});

describe("the rule-based reader: the stance and its firmness", () => {
  it("turns a negated acceptance into a rejection: “will not accept”", () => {
    expect(read("Israel will not accept a withdrawal from the Philadelphi corridor.", ceasefire)).toEqual(["Israel / Philadelphi corridor / rejects"]);
    expect(read("Hamas won't accept any deal that does not end the war.", ceasefire)[0]).toBe("Hamas / Permanent ceasefire / rejects");
  });

  it("never reads “denied agreeing” as an acceptance", () => {
    const out = read("Israel denied agreeing to leave the Philadelphi corridor.", ceasefire);
    expect(out).not.toContain("Israel / Philadelphi corridor / accepts");
    expect(out).toEqual(["Israel / Philadelphi corridor / rejects"]);
  });

  it("reads conditions: “only if”, “as long as”, “will not … until”", () => {
    expect(read("Israel will agree to end the war only if all hostages are freed.", ceasefire)[0]).toBe("Israel / Permanent ceasefire / conditions");
    expect(read("Hamas would accept the aid plan as long as the trucks enter through Egypt.", ceasefire)).toEqual(["Hamas / Humanitarian aid / conditions"]);
    expect(read("Hamas will not agree to release the hostages until Israel ends the war.", ceasefire)[0]).toMatch(/^Hamas \/ .* \/ conditions$/);
  });

  it("takes the clause before the condition for the issue, not the condition's own words", () => {
    // The condition is about hostages; the stance is about the ceasefire.
    expect(read("Israel will agree to a permanent ceasefire only if the hostages are freed.", ceasefire)).toEqual(["Israel / Permanent ceasefire / conditions"]);
    // What the condition asks of the other side is no stance of that side's.
    expect(read("Israel will agree to end the war only if Hamas accepts the release of all hostages.", ceasefire)).toEqual(["Israel / Permanent ceasefire / conditions"]);
    // A condition put first still belongs to the stance after it.
    expect(read("If the hostages are freed, Israel would accept an end to the war.", ceasefire)).toEqual(["Israel / Permanent ceasefire / conditions"]);
  });

  it("says how firm only when the text does: red line, firm, flexible", () => {
    const firm = (text: string) => suggestPositions(text, ceasefire)[0]?.firmness;
    expect(firm("Hamas said an end to the war was a red line.")).toBe("red_line");
    expect(firm("Israel insisted on keeping troops in the Philadelphi corridor.")).toBe("firm");
    expect(firm("Egypt said it was open to more aid trucks through its crossing and proposed a schedule.")).toBe("flexible");
    expect(firm("Hamas demanded an end to the war.")).toBeNull();
  });

  it("lists every issue a demand names, each as its own suggestion", () => {
    const text = "Hamas reiterated its demands: an end to the war, more aid trucks and the release of prisoners.";
    expect(read(text, ceasefire).sort()).toEqual(["Hamas / Hostage-prisoner exchange / demands", "Hamas / Humanitarian aid / demands", "Hamas / Permanent ceasefire / demands"]);
  });

  it("reads two issues joined by “and” as a list, two clauses as one issue", () => {
    expect(read("Any agreement must bring an end to the war and the release of all prisoners, Hamas said.", ceasefire).sort()).toEqual([
      "Hamas / Hostage-prisoner exchange / demands",
      "Hamas / Permanent ceasefire / demands",
    ]);
    expect(read("Egypt called for more aid trucks and to avoid anything that could delay the release of prisoners.", ceasefire)).toEqual(["Egypt / Humanitarian aid / demands"]);
  });

  it("names the runners-up among the issues, never the one chosen", () => {
    const [s] = suggestPositions("Hamas demanded an end to the war and the release of prisoners held by Israel.", ceasefire);
    expect(s).toBeDefined();
    expect(s!.runnersUp).not.toContain(s!.issueId);
    expect(s!.runnersUp.length).toBeLessThanOrEqual(3);
  });
});

describe("the rule-based reader: quotes are the text's own characters", () => {
  it("gives each quote with its offsets, curly quotes and all", () => {
    const text = "CAIRO (Test wire) -\n\n“We will never accept Israeli troops in the Philadelphi corridor,” Hamas said.\r\nQatar’s envoy welcomed the aid plan.";
    const out = suggestPositions(text, ceasefire);
    expect(out.map((s) => s.quote)).toEqual([
      "“We will never accept Israeli troops in the Philadelphi corridor,” Hamas said.",
      "Qatar’s envoy welcomed the aid plan.",
    ]);
    expectVerbatim(text, out);
    expect(out[0]!.partyIds).toEqual([party(ceasefire, "Hamas")]);
    expect(out[0]!.stance).toBe("rejects");
    expect(out[0]!.firmness).toBe("red_line");
    expect(out[1]!.issueId).toBe(issue(ceasefire, "Humanitarian aid"));
  });

  it("lets Arabic and Cyrillic text pass through unharmed, offsets right after them", () => {
    const text =
      "قالت حماس إنها ترفض أي وجود إسرائيلي في محور فيلادلفيا.\n" +
      "«Москва отвергла план», сообщил источник.\n" +
      "Hamas rejected any Israeli presence in the Philadelphi corridor, a day after Ukrainian and Russian envoys met.";
    const out = suggestPositions(text, ceasefire);
    expect(out).toHaveLength(1);
    expectVerbatim(text, out);
    expect(out[0]!.quote).toBe("Hamas rejected any Israeli presence in the Philadelphi corridor, a day after Ukrainian and Russian envoys met.");
    // An English sentence quoting Arabic words keeps them as they are.
    const mixed = "Hamas rejected what it called «الانسحاب الجزئي» from the Philadelphi corridor.";
    const [m] = suggestPositions(mixed, ceasefire);
    expect(m!.quote).toBe(mixed);
    expectVerbatim(mixed, [m!]);
  });

  it("for any text: every suggestion is verbatim, from the lexicon and the vocabulary (property)", () => {
    const pieces = fc.constantFrom(
      "Hamas rejected the plan for the Philadelphi corridor.",
      " Israel agreed to let aid trucks in, Israeli officials said. ",
      "“The group will not accept it,” he said.",
      "\n\n",
      "\r\n",
      "The mediators proposed a swap of hostages and prisoners only if the war ends.",
      "قالت حماس",
      "Москва",
      "😀",
      "  ",
      "Egypt and Qatar called for an end to the war.",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        const out = suggestPositions(text, ceasefire);
        expectVerbatim(text, out);
        const partyIds = new Set(ceasefire.parties.map((p) => p.id));
        const issueIds = new Set(ceasefire.issues.map((i) => i.id));
        for (const s of out) {
          expect(s.partyIds.length).toBeGreaterThan(0);
          expect(s.partyIds.every((id) => partyIds.has(id))).toBe(true);
          expect(issueIds.has(s.issueId)).toBe(true);
          expect(STANCES).toContain(s.stance);
          if (s.firmness !== null) expect(FIRMNESS).toContain(s.firmness);
          expect(s.confidence).toBeGreaterThanOrEqual(0);
          expect(s.confidence).toBeLessThanOrEqual(1);
          expect(s.engine).toBe("rules");
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  });

  it("suggests nothing for an empty text or a negotiation without parties or issues", () => {
    expect(suggestPositions("", ceasefire)).toEqual([]);
    expect(suggestPositions("Hamas rejected the plan.", { parties: [], issues: ceasefire.issues })).toEqual([]);
    expect(suggestPositions("Hamas rejected the plan.", { parties: ceasefire.parties, issues: [] })).toEqual([]);
  });
});

describe("measuring the reader (npm run eval:suggest)", () => {
  const lexicon = ceasefire;
  const s = (parties: string[], issueName: string, stance: Suggestion["stance"], confidence = 0.5): Suggestion => ({
    partyIds: parties.map((p) => party(lexicon, p)),
    issueId: issue(lexicon, issueName),
    runnersUp: [],
    stance,
    firmness: null,
    quote: "x",
    start: 0,
    end: 1,
    confidence,
    reason: "",
    engine: "rules",
  });

  it("finds a noted position by one of its parties and its issue; the surest match decides the stance", () => {
    const labels = [
      { parties: ["Hamas", "Palestinian Islamic Jihad"], issue: "Permanent ceasefire", stance: "demands" as const, firmness: null },
      { parties: ["Israel"], issue: "Philadelphi corridor", stance: "rejects" as const, firmness: null },
      { parties: ["Egypt"], issue: "Humanitarian aid", stance: "proposes" as const, firmness: null },
    ];
    const score = scoreArticle(
      labels,
      [s(["Hamas"], "Permanent ceasefire", "demands"), s(["Israel"], "Philadelphi corridor", "accepts", 0.9), s(["Israel"], "Philadelphi corridor", "rejects", 0.3), s(["Qatar"], "Humanitarian aid", "proposes")],
      lexicon,
    );
    expect(score).toMatchObject({ labels: 3, found: 2, stanceRight: 1, suggestions: 4, correct: 3 });
    expect(score.missed.map((m) => m.parties[0])).toEqual(["Egypt"]);
    expect(score.wrongStance).toEqual([{ label: labels[1], suggested: "accepts" }]);
  });

  it("refuses a label that names a party the negotiation lacks", () => {
    expect(() => scoreArticle([{ parties: ["Turkey"], issue: "Humanitarian aid", stance: "demands", firmness: null }], [], lexicon)).toThrow(/lexicon lacks/);
  });
});
