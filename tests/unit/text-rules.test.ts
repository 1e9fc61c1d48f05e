// Findings 8 (lone surrogates) and 10 (invisible names, direction controls) of issue 7: the
// text rules every form shares (lib/schemas.ts) refuse them with a message by the field.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { entrySchema, fieldErrorsOf, hasVisibleText, issueSchema, negotiationSchema, partySchema, personName, sourceSchema } from "@/lib/schemas";

function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
}
const party = (fields: Record<string, string>) => ({ name: "Hamas", role: "party", colour: "#123456", order: "1", ...fields });
const entry = (fields: Record<string, string>) => ({ partyIds: ["1"], issueId: "1", sourceId: "1", stance: "demands", summary: "Wants a deal.", ...fields });

const INVISIBLE_ONLY = [
  "\u200B", // zero-width space
  "\u200B\u200C\u200D", // zero-width space, non-joiner, joiner
  "\u2060\uFEFF", // word joiner, byte-order mark
  "\u200E\u200F", // direction marks
  "\u3164", // Hangul filler
  "\u2800\u2800", // braille blank
  "\u00AD", // soft hyphen
  "\u00A0\u200B\u2003", // no-break space, zero-width space, em space
  "\uFE0F\u034F", // variation selector, combining grapheme joiner
];
const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("names made only of invisible characters (issue 7, finding 10)", () => {
  it.each(INVISIBLE_ONLY.map((v) => [JSON.stringify(v), v]))("refuses %s as a party, issue, negotiation and person name", (_, v) => {
    expect(errorsOf(partySchema, party({ name: v })).name?.join(" ")).toMatch(/visible characters/);
    expect(errorsOf(partySchema, party({ shortName: v })).shortName?.join(" ")).toMatch(/visible characters/);
    expect(errorsOf(issueSchema, { name: v, order: "1" }).name?.join(" ")).toMatch(/visible characters/);
    expect(errorsOf(negotiationSchema, { title: v }).title?.join(" ")).toMatch(/visible characters/);
    expect(errorsOf(sourceSchema, { title: "Report", outlet: v }).outlet?.join(" ")).toMatch(/visible characters/);
    expect(personName.safeParse(v).success).toBe(false);
  });
  it("refuses a summary made only of invisible characters", () => {
    expect(errorsOf(entrySchema, entry({ summary: "\u200B\u200B" })).summary?.join(" ")).toMatch(/visible characters/);
  });
  it("keeps names that use joiners and marks inside visible text (emoji, Arabic, Persian)", () => {
    for (const name of ["👩‍👩‍👧 Families", "حماس", "می\u200Cخواهم", "Zoë", "e\u0301tait", "\u200FIsrael"]) {
      expect(hasVisibleText(name)).toBe(true);
      expect(partySchema.safeParse(party({ name })).success).toBe(true);
    }
  });
});

describe("direction-control characters in names and addresses (issue 7, finding 10)", () => {
  it.each(BIDI.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))("refuses %s in a name, title, outlet, address and other names", (_, c) => {
    expect(errorsOf(partySchema, party({ name: `Hamas${c}sa` })).name?.join(" ")).toMatch(/direction-control/);
    expect(errorsOf(partySchema, party({ aliases: `Harakat${c}` })).aliases?.join(" ")).toMatch(/direction-control/);
    expect(errorsOf(issueSchema, { name: `Hostages ${c}`, order: "1" }).name?.join(" ")).toMatch(/direction-control/);
    expect(errorsOf(negotiationSchema, { title: `Talks ${c}2024` }).title?.join(" ")).toMatch(/direction-control/);
    expect(errorsOf(sourceSchema, { title: `Report${c}`, outlet: "AP" }).title?.join(" ")).toMatch(/direction-control/);
    expect(errorsOf(sourceSchema, { title: "Report", url: `https://example.org/a${c}gpj.exe` }).url?.join(" ")).toMatch(/direction-control/);
    expect(personName.safeParse(`Ada${c}`).success).toBe(false);
  });
  it("allows them in a source's text and a quote, where right-to-left text may carry them", () => {
    const text = "\u2067قال الوفد\u2069 said the delegation";
    expect(sourceSchema.safeParse({ title: "Report", text }).success).toBe(true);
    expect(entrySchema.safeParse(entry({ quote: "\u2067قال الوفد\u2069" })).success).toBe(true);
  });
});

describe("lone surrogates in any text field (issue 7, finding 8)", () => {
  const LONE = ["a\uD800b", "\uDC00", "end\uD83D"];
  it.each(LONE.map((v) => [JSON.stringify(v), v]))("refuses %s with a message in every kind of text field", (_, v) => {
    const broken = /broken character/;
    expect(errorsOf(negotiationSchema, { title: v }).title?.join(" ")).toMatch(broken);
    expect(errorsOf(negotiationSchema, { title: "T", description: v }).description?.join(" ")).toMatch(broken);
    expect(errorsOf(partySchema, party({ name: v })).name?.join(" ")).toMatch(broken);
    expect(errorsOf(partySchema, party({ aliases: v })).aliases?.join(" ")).toMatch(broken);
    expect(errorsOf(issueSchema, { name: v, order: "1" }).name?.join(" ")).toMatch(broken);
    expect(errorsOf(sourceSchema, { title: "R", text: v }).text?.join(" ")).toMatch(broken);
    expect(errorsOf(sourceSchema, { title: "R", outlet: v }).outlet?.join(" ")).toMatch(broken);
    for (const field of ["summary", "quote", "notes"]) {
      expect(errorsOf(entrySchema, entry({ [field]: v }))[field]?.join(" ")).toMatch(broken);
    }
    expect(personName.safeParse(v).success).toBe(false);
  });
  it("accepts a proper surrogate pair (an emoji)", () => {
    expect(negotiationSchema.safeParse({ title: "Talks 🕊️" }).success).toBe(true);
  });
});
