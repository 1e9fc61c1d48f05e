// The optional model path for suggested positions (issue 12, item 3; docs/decisions/034): the JSON
// schema that limits the model to the negotiation's own lists, the prompt, and the check of its
// answer (names to ids, every quote found in the text and taken from it, the rest dropped).
import { describe, expect, it } from "vitest";
import {
  DROP_REASONS,
  MAX_MODEL_SUGGESTIONS,
  droppedNotice,
  modelMessages,
  readModelAnswer,
  responseFormat,
  suggestionSchema,
} from "@/lib/suggest/model";
import type { Lexicon } from "@/lib/suggest/types";
import { FIRMNESS, STANCES } from "@/lib/vocabulary";

const lexicon: Lexicon = {
  parties: [
    { id: 11, name: "Israel", shortName: "ISR", aliases: ["Israeli officials", "Netanyahu"] },
    { id: 12, name: "Hamas", shortName: "", aliases: ["the movement"] },
    { id: 13, name: "Egypt", shortName: "EGY", aliases: ["Cairo"] },
  ],
  issues: [
    { id: 21, name: "Permanent ceasefire", description: "Whether the fighting ends for good.", keywords: ["end of the war", "truce"] },
    { id: 22, name: "Philadelphi corridor", description: "Troops on the Gaza-Egypt border strip.", keywords: ["border strip"] },
  ],
};

const TEXT =
  "Hamas insists on an end of the war before any exchange. Israeli officials said troops would stay in the border strip, a red line for Netanyahu. Cairo proposed a monitored truce.";

const answer = (suggestions: unknown[]) => JSON.stringify({ suggestions });
const item = (over: Record<string, unknown> = {}) => ({
  parties: ["Hamas"],
  issue: "Permanent ceasefire",
  stance: "demands",
  firmness: null,
  quote: "Hamas insists on an end of the war before any exchange.",
  confidence: 0.8,
  ...over,
});
const read = (suggestions: unknown[], text = TEXT, lex = lexicon) => {
  const reading = readModelAnswer(text, lex, answer(suggestions), "qwen-test");
  if (!reading.ok) throw new Error(reading.problem);
  return reading;
};

describe("suggestionSchema: the model may only name the negotiation's own parties, issues and words", () => {
  it("lists the party and issue names and the vocabularies as enums, strictly", () => {
    const schema = suggestionSchema(lexicon);
    const props = schema.properties.suggestions.items.properties;
    expect(props.parties).toEqual({ type: "array", minItems: 1, items: { type: "string", enum: ["Israel", "Hamas", "Egypt"] } });
    expect(props.issue.enum).toEqual(["Permanent ceasefire", "Philadelphi corridor"]);
    expect(props.stance.enum).toEqual([...STANCES]);
    expect(props.firmness.anyOf).toEqual([{ type: "string", enum: [...FIRMNESS] }, { type: "null" }]);
    expect(props.quote).toEqual({ type: "string" });
    expect(props.confidence.type).toBe("number");
    // Strict structured output: every property required, no others.
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.suggestions.items.additionalProperties).toBe(false);
    expect([...schema.properties.suggestions.items.required].sort()).toEqual(Object.keys(props).sort());
    expect(responseFormat(lexicon)).toEqual({ type: "json_schema", json_schema: { name: "parley_suggestions", strict: true, schema } });
  });
});

describe("modelMessages: the task, the vocabulary and the negotiation's lists", () => {
  it("names every stance with its hint, the parties with their aliases, the issues with descriptions and keywords, then the text", () => {
    const [system, user] = modelMessages(TEXT, lexicon);
    expect(system!.role).toBe("system");
    expect(system!.content).toMatch(/copied exactly/);
    expect(user!.role).toBe("user");
    for (const s of STANCES) expect(user!.content).toContain(`- ${s} (`);
    expect(user!.content).toContain("Refuses a proposal, demand or condition.");
    expect(user!.content).toContain("- Israel (also called: ISR; Israeli officials; Netanyahu)");
    expect(user!.content).toContain("- Hamas (also called: the movement)");
    expect(user!.content).toContain("- Permanent ceasefire: Whether the fighting ends for good. (reports call it: end of the war; truce)");
    expect(user!.content).toContain("- Philadelphi corridor: Troops on the Gaza-Egypt border strip. (reports call it: border strip)");
    expect(user!.content.endsWith(`<<<\n${TEXT}\n>>>`)).toBe(true);
  });
});

describe("readModelAnswer: names to ids, quotes from the text, the rest dropped and counted", () => {
  it("maps a good answer to ids (names, short names and aliases in any case), in reading order", () => {
    const reading = read([
      item({ parties: ["EGY"], issue: "permanent CEASEFIRE", stance: "proposes", quote: "Cairo proposed a monitored truce.", confidence: 0.6 }),
      item(),
      item({ parties: ["israeli officials", "Netanyahu"], issue: "Philadelphi corridor", stance: "Rejects", firmness: "red_line", quote: "troops would stay in the border strip", confidence: 1.7 }),
    ]);
    expect(reading.dropped).toEqual([]);
    expect(reading.suggestions).toEqual([
      {
        partyIds: [12],
        issueId: 21,
        runnersUp: [],
        stance: "demands",
        firmness: null,
        quote: "Hamas insists on an end of the war before any exchange.",
        start: 0,
        end: 55,
        confidence: 0.8,
        reason: "Suggested by qwen-test",
        engine: "model:qwen-test",
      },
      expect.objectContaining({ partyIds: [11], issueId: 22, stance: "rejects", firmness: "red_line", quote: "troops would stay in the border strip", confidence: 1 }),
      expect.objectContaining({ partyIds: [13], issueId: 21, stance: "proposes", confidence: 0.6 }),
    ]);
    for (const s of reading.suggestions) expect(TEXT.slice(s.start, s.end)).toBe(s.quote);
  });

  it("drops invented quotes, unknown parties and issues, and stances or firmness outside the vocabulary, counting each reason", () => {
    const reading = read([
      item({ quote: "Hamas accepted the deal in full." }),
      item({ quote: "Hamas insists on an end to the war" }),
      item({ parties: ["Hamas", "Hezbollah"] }),
      item({ issue: "Hostage exchange" }),
      item({ stance: "threatens" }),
      item({ firmness: "absolute" }),
      item({ parties: [] }),
      "not an object",
      item(),
    ]);
    expect(reading.suggestions).toHaveLength(1);
    expect(reading.dropped).toEqual([
      { reason: DROP_REASONS.quote, count: 2 },
      { reason: DROP_REASONS.party, count: 1 },
      { reason: DROP_REASONS.issue, count: 1 },
      { reason: DROP_REASONS.stance, count: 1 },
      { reason: DROP_REASONS.firmness, count: 1 },
      { reason: DROP_REASONS.shape, count: 2 },
    ]);
    expect(droppedNotice(reading.dropped)).toBe(
      "2 suggestions dropped: quote not in the text; 1: a party not in this negotiation; 1: an issue not in this negotiation; 1: a stance not in Parley's vocabulary; 1: a firmness not in Parley's vocabulary; 2: not in the expected form.",
    );
    expect(droppedNotice([])).toBe("");
  });

  it("takes the text's own characters: a quote sent with straight quotes and single spaces is stored as the text has it", () => {
    const text = "The mediator said: “We will  not accept a pause\u00A0of weeks,” the envoy added.";
    const reading = read([item({ parties: ["Egypt"], stance: "rejects", quote: '"We will not accept a pause of weeks,"' })], text);
    const [s] = reading.suggestions;
    expect(s!.quote).toBe("“We will  not accept a pause\u00A0of weeks,”");
    expect(text.slice(s!.start, s!.end)).toBe(s!.quote);
  });

  it("keeps Arabic and Cyrillic quotes verbatim with their UTF-16 offsets", () => {
    const arabic = "قالت حماس: «نطالب بوقف دائم لإطلاق النار» قبل أي تبادل.";
    const cyrillic = "Египет заявил: «Мы предлагаем перемирие под наблюдением». Конец.";
    const text = `Preface 😀 ${arabic}\n${cyrillic}`;
    const reading = read(
      [
        item({ quote: "نطالب بوقف دائم لإطلاق النار" }),
        item({ parties: ["Egypt"], stance: "proposes", quote: "«Мы предлагаем перемирие под наблюдением»" }),
      ],
      text,
    );
    expect(reading.dropped).toEqual([]);
    const [a, c] = reading.suggestions;
    expect(a!.quote).toBe("نطالب بوقف دائم لإطلاق النار");
    expect(a!.start).toBe(text.indexOf("نطالب"));
    expect(c!.quote).toBe("«Мы предлагаем перемирие под наблюдением»");
    expect(c!.start).toBe(text.indexOf("«Мы"));
    for (const s of reading.suggestions) expect(text.slice(s.start, s.end)).toBe(s.quote);
  });

  it("defaults a missing confidence to 0.5, clamps it to 0..1, reads a firmness written as words, and drops a repeated suggestion", () => {
    const reading = read([
      item({ confidence: undefined }),
      item({ confidence: -3, parties: ["Israel"], issue: "Philadelphi corridor", quote: "a red line for Netanyahu", firmness: "Red line" }),
      item({ confidence: 0.9 }),
    ]);
    expect(reading.suggestions.map((s) => s.confidence)).toEqual([0.5, 0]);
    expect(reading.suggestions[1]!.firmness).toBe("red_line");
    expect(reading.dropped).toEqual([{ reason: DROP_REASONS.repeated, count: 1 }]);
  });

  it(`keeps at most ${MAX_MODEL_SUGGESTIONS} suggestions and counts the rest`, () => {
    const sentences = Array.from({ length: 60 }, (_, i) => `Hamas demanded point number ${i + 1} today.`);
    const text = sentences.join(" ");
    const reading = read(sentences.map((q) => item({ quote: q })), text);
    expect(reading.suggestions).toHaveLength(MAX_MODEL_SUGGESTIONS);
    expect(reading.suggestions.at(-1)!.quote).toBe(`Hamas demanded point number ${MAX_MODEL_SUGGESTIONS} today.`);
    expect(reading.dropped).toEqual([{ reason: DROP_REASONS.limit, count: 10 }]);
  });

  it("refuses an answer that is not JSON or not a list of suggestions; accepts one in a code fence", () => {
    expect(readModelAnswer(TEXT, lexicon, "I think Hamas demands a ceasefire.", "m")).toEqual({ ok: false, problem: "its answer was not JSON" });
    expect(readModelAnswer(TEXT, lexicon, JSON.stringify({ positions: [] }), "m")).toMatchObject({ ok: false });
    expect(readModelAnswer(TEXT, lexicon, "[]", "m")).toMatchObject({ ok: false });
    const fenced = readModelAnswer(TEXT, lexicon, "```json\n" + answer([item()]) + "\n```", "m");
    expect(fenced).toMatchObject({ ok: true, suggestions: [expect.objectContaining({ partyIds: [12] })] });
  });
});
