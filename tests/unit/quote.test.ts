import { describe, expect, it } from "vitest";
import { checkQuote, normalizeForQuote } from "@/lib/quote";

const SOURCE = `Al-Rishq reaffirmed Hamas' commitment to the terms agreed upon in a prior declaration.

In a joint statement with Islamic Jihad, Hamas has reiterated its "demands" for any agreement.`;

describe("checkQuote", () => {
  it("finds a verbatim quote", () => {
    expect(checkQuote("reaffirmed Hamas' commitment", SOURCE).status).toBe("verified");
  });
  it("ignores differences in whitespace, including line breaks and no-break spaces", () => {
    expect(checkQuote("prior   declaration.\n\nIn a joint\u00a0statement", SOURCE).status).toBe("verified");
  });
  it("ignores curly versus straight quote marks, both ways", () => {
    expect(checkQuote("reaffirmed Hamas\u2019 commitment", SOURCE).status).toBe("verified");
    expect(checkQuote("its \u201cdemands\u201d for", SOURCE).status).toBe("verified");
    expect(checkQuote("Hamas\u2019 commitment", "Hamas' commitment").status).toBe("verified");
    expect(checkQuote("Hamas' commitment", "Hamas\u2019 commitment").status).toBe("verified");
  });
  it("refuses words that are not in the source", () => {
    expect(checkQuote("Hamas rejected the proposal", SOURCE).status).toBe("missing");
  });
  it("is case-sensitive: a quote is evidence", () => {
    expect(checkQuote("REAFFIRMED Hamas' commitment", SOURCE).status).toBe("missing");
  });
  it("does not treat a paraphrase with changed punctuation as the quote", () => {
    expect(checkQuote("reaffirmed Hamas commitment", SOURCE).status).toBe("missing");
  });
  it("says unverified for a link-only source", () => {
    expect(checkQuote("anything at all", null).status).toBe("unverified");
    expect(checkQuote("anything at all", "  ").status).toBe("unverified");
  });
  it("says none when there is no quote", () => {
    expect(checkQuote("   ", SOURCE).status).toBe("none");
    expect(checkQuote("", null).status).toBe("none");
  });
  it("ignores zero-width characters pasted from web pages", () => {
    expect(checkQuote("reaffirmed\u200b Hamas' commitment", SOURCE).status).toBe("verified");
  });
});

describe("normalizeForQuote", () => {
  it("folds spacing and quote marks only", () => {
    expect(normalizeForQuote("  \u201cA\u201d\t\u2018b\u2019  c ")).toBe(`"A" 'b' c`);
  });
});
