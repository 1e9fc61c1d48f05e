// The provenance rule of suggested entries (issue 12 item 2; docs/decisions/035) and the batch
// form's rows built from suggestions. A tiny local engine stands in for the rule engine here.
import { describe, expect, it } from "vitest";
import { BY_HAND, encodeOrigin, parseOrigin, provenanceLabel, provenanceOf, wasEdited, type SuggestionOrigin } from "@/lib/suggest/provenance";
import { confidenceWords, recordedAs, suggestedSummary, suggestionRows } from "@/lib/suggest/rows";
import { MAX_ROWS, batchStatus, rowReview } from "@/lib/batch-entries";
import type { Lexicon, Suggestion } from "@/lib/suggest/types";

const origin: SuggestionOrigin = { engine: "rules", partyIds: [2, 5], issueId: 7, stance: "demands", firmness: null, quote: "a full withdrawal" };
const same = { partyIds: [2, 5], issueId: 7, stance: "demands", firmness: null, quote: "a full withdrawal" };

describe("provenance of a saved suggestion", () => {
  it("unchanged, or only the summary and notes rewritten (not compared at all): from the reader, not edited", () => {
    expect(provenanceOf(origin, same)).toEqual({ suggestedBy: "rules", suggestionEdited: false });
    // Parties in another order are the same parties; quote spaces around and \r\n are how forms send them.
    expect(wasEdited(origin, { ...same, partyIds: [5, 2], quote: "  a full withdrawal\r\n" })).toBe(false);
  });

  it("any change of parties, issue, stance, firmness or quote marks it edited", () => {
    for (const change of [{ partyIds: [2] }, { partyIds: [2, 5, 6] }, { issueId: 8 }, { stance: "rejects" }, { firmness: "red_line" }, { quote: "a full" }, { quote: "" }]) {
      expect(provenanceOf(origin, { ...same, ...change }), JSON.stringify(change)).toEqual({ suggestedBy: "rules", suggestionEdited: true });
    }
  });

  it("without an origin the entry was typed by hand", () => {
    expect(provenanceOf(null, same)).toEqual(BY_HAND);
    expect(BY_HAND).toEqual({ suggestedBy: null, suggestionEdited: null });
  });

  it("the origin travels as JSON and only its own shape is read back", () => {
    expect(parseOrigin(encodeOrigin(origin))).toEqual(origin);
    expect(parseOrigin(encodeOrigin({ ...origin, engine: "model:llama3" }))?.engine).toBe("model:llama3");
    const bad = [
      undefined,
      ["x"],
      "{not json",
      "null",
      JSON.stringify({ ...origin, engine: "me" }),
      JSON.stringify({ ...origin, engine: "model:" }),
      JSON.stringify({ ...origin, partyIds: [] }),
      JSON.stringify({ ...origin, partyIds: [2 ** 31] }),
      JSON.stringify({ ...origin, issueId: "7" }),
      JSON.stringify({ ...origin, stance: "wants" }),
      JSON.stringify({ ...origin, firmness: "soft" }),
      JSON.stringify({ ...origin, extra: true }),
      JSON.stringify({ ...origin, quote: "x".repeat(2001) }),
    ];
    for (const raw of bad) expect(parseOrigin(raw), String(raw)).toBeNull();
  });

  it("says in words where an entry came from", () => {
    expect(provenanceLabel({ suggestedBy: null, suggestionEdited: null })).toBeNull();
    expect(provenanceLabel({ suggestedBy: "rules", suggestionEdited: false })).toBe("From a suggestion");
    expect(provenanceLabel({ suggestedBy: "rules", suggestionEdited: true })).toBe("From a suggestion (edited)");
    expect(provenanceLabel({ suggestedBy: "model:llama3", suggestionEdited: true })).toBe("From a suggestion by llama3 (edited)");
  });
});

// A tiny local engine for these tests only: each sentence naming a party and an issue keyword.
const lexicon: Lexicon = {
  parties: [
    { id: 1, name: "Hamas", shortName: "Hamas", aliases: [] },
    { id: 2, name: "Palestinian Islamic Jihad", shortName: "PIJ", aliases: ["Islamic Jihad"] },
  ],
  issues: [
    { id: 10, name: "Permanent ceasefire", description: "", keywords: ["halt to military actions"] },
    { id: 11, name: "Interim truce", description: "", keywords: ["truce"] },
    { id: 12, name: "Blockade", description: "", keywords: ["blockade"] },
  ],
};
function tinyEngine(text: string): Suggestion[] {
  const out: Suggestion[] = [];
  for (const m of text.matchAll(/[^.]+\./g)) {
    const sentence = m[0].trim();
    const start = m.index + m[0].indexOf(sentence);
    const partyIds = lexicon.parties.filter((p) => [p.name, ...p.aliases].some((n) => sentence.includes(n))).map((p) => p.id);
    const issue = lexicon.issues.find((i) => i.keywords.some((k) => sentence.includes(k)));
    if (!partyIds.length || !issue) continue;
    out.push({ partyIds, issueId: issue.id, runnersUp: [11, 99], stance: "demands", firmness: null, quote: sentence, start, end: start + sentence.length, confidence: 0.7, reason: "“demands” → Demands", engine: "rules" });
  }
  return out;
}
const names = { parties: new Map(lexicon.parties.map((p) => [p.id, p.name])), issues: new Map(lexicon.issues.map((i) => [i.id, i.name])) };

describe("batch rows from suggestions", () => {
  const text = "Talks resumed. Hamas and Islamic Jihad demand a halt to military actions. Hamas wants the blockade lifted.";

  it("one pending row per suggestion, prefilled, with its origin, in reading order", () => {
    const suggestions = tinyEngine(text);
    expect(suggestions).toHaveLength(2);
    for (const s of suggestions) expect(text.slice(s.start, s.end)).toBe(s.quote);
    const { values, rows } = suggestionRows([...suggestions].reverse(), names);
    expect(values.rows).toEqual(["1", "2"]);
    expect(values["row1.partyIds"]).toEqual(["1", "2"]);
    expect(values["row1.issueId"]).toBe("10");
    expect(values["row1.stance"]).toBe("demands");
    expect(values["row1.firmness"]).toBe("");
    expect(values["row1.quote"]).toBe("Hamas and Islamic Jihad demand a halt to military actions.");
    expect(values["row1.summary"]).toBe("Hamas, Palestinian Islamic Jihad: demands — Permanent ceasefire");
    expect(values["row2.issueId"]).toBe("12");
    expect(rowReview(values, "1")).toBe("pending");
    expect(parseOrigin(values["row1.suggestion"])).toMatchObject({ engine: "rules", partyIds: [1, 2], issueId: 10, quote: values["row1.quote"] });
    expect(rows[0]).toMatchObject({ key: "1", number: 1, confidence: "fairly sure", runnersUp: ["Interim truce"], recordedAs: null, reason: "“demands” → Demands" });
  });

  it("at most MAX_ROWS rows; suggestions naming a party or issue not in the lists are left out", () => {
    const one = tinyEngine(text)[0]!;
    const many = Array.from({ length: MAX_ROWS + 5 }, (_, i) => ({ ...one, start: one.start + i }));
    expect(suggestionRows(many, names).rows).toHaveLength(MAX_ROWS);
    expect(suggestionRows([{ ...one, partyIds: [99] }, { ...one, issueId: 99 }], names).rows).toEqual([]);
    expect(suggestionRows([], names)).toEqual({ values: { rows: [] }, rows: [] });
  });

  it("marks a suggestion already recorded from the source: same parties, issue, stance and quote span", () => {
    const s = tinyEngine(text)[0]!;
    const entry = { id: 42, partyIds: [2, 1], issueId: 10, stance: "demands", quoteSpan: { start: s.start, end: s.end } };
    expect(recordedAs(s, [entry])).toBe(42);
    expect(suggestionRows([s], names, [entry]).rows[0]?.recordedAs).toBe(42);
    for (const other of [{ partyIds: [1] }, { issueId: 11 }, { stance: "rejects" }, { quoteSpan: { start: s.start, end: s.end - 1 } }, { quoteSpan: null }]) {
      expect(recordedAs(s, [{ ...entry, ...other }]), JSON.stringify(other)).toBeNull();
    }
  });

  it("confidence and summary in words", () => {
    expect([0.95, 0.7, 0.5, 0.2].map(confidenceWords)).toEqual(["very sure", "fairly sure", "not very sure", "unsure"]);
    expect(suggestedSummary(["Hamas"], "conditions", "Interim truce")).toBe("Hamas: accepts with conditions — Interim truce");
  });

  it("the status counts suggestions still to decide", () => {
    expect(batchStatus(2, 0, 1)).toBe("2 positions saved; 1 suggestion still to accept or reject.");
    expect(batchStatus(0, 0, 3)).toBe("Nothing saved; 3 suggestions still to accept or reject.");
    expect(batchStatus(1, 1, 2)).toBe("1 position saved, 1 row needs fixing; 2 suggestions still to accept or reject.");
    expect(batchStatus(2, 1)).toBe("2 positions saved, 1 row needs fixing.");
    expect(rowReview({}, "1")).toBe("hand");
    expect(rowReview({ "row1.review": "accepted" }, "1")).toBe("accepted");
    expect(rowReview({ "row1.review": "rejected" }, "1")).toBe("rejected");
    expect(rowReview({ "row1.review": "yes please" }, "1")).toBe("pending");
  });
});
