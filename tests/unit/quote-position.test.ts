// Issue 9, item 1: where a quote sits in its source's text, as offsets of the ORIGINAL text
// (what the source page highlights), and where it sits after the text is edited.
import { describe, expect, it } from "vitest";
import { findQuoteSpans, foldForQuote, locateQuote, normalizeForQuote, relocateQuote } from "@/lib/quote";

const at = (text: string, quote: string) => {
  const span = locateQuote(text, quote);
  return span ? text.slice(span.start, span.end) : null;
};

describe("locateQuote: offsets in the original text", () => {
  it("finds a plain quote at its exact offsets", () => {
    const text = "The delegation demands a full withdrawal. It rejects any buffer zone.";
    expect(locateQuote(text, "demands a full withdrawal")).toEqual({ start: 15, end: 40 });
  });

  it("maps folded spacing back: extra spaces, line breaks and NBSP in the text are inside the span", () => {
    const text = "Intro.\n\nHamas   demands\u00a0a full\n withdrawal, it said.";
    expect(at(text, "Hamas demands a full withdrawal")).toBe("Hamas   demands\u00a0a full\n withdrawal");
    // and spacing in the quote itself is folded too
    expect(at(text, "  Hamas demands\u00a0\u00a0a   full withdrawal ")).toBe("Hamas   demands\u00a0a full\n withdrawal");
  });

  it("matches curly marks in the text with straight marks in the quote (and back), keeping the text's marks", () => {
    const text = "He said Hamas\u2019 \u201cdemands\u201d stand.";
    expect(at(text, `Hamas' "demands"`)).toBe("Hamas\u2019 \u201cdemands\u201d");
    expect(at(`Hamas' "demands"`, "Hamas\u2019 \u201cdemands\u201d")).toBe(`Hamas' "demands"`);
  });

  it("skips zero-width characters in the text without shifting the offsets", () => {
    const text = "a\u200bb Hamas de\u00admands it";
    expect(at(text, "Hamas demands")).toBe("Hamas de\u00admands");
  });

  it("finds Arabic text, vowel marks included, at its offsets", () => {
    const text = "قال المتحدث: «نرفض أي منطقة عازلة» في القاهرة.";
    expect(at(text, "نرفض أي منطقة عازلة")).toBe("نرفض أي منطقة عازلة");
    const voweled = "قالَ: نَرفُضُ   المنطقةَ العازلة.";
    expect(at(voweled, "نَرفُضُ المنطقةَ")).toBe("نَرفُضُ   المنطقةَ");
    // the span never ends between a letter and its vowel marks
    expect(at(voweled, "نَرف")).toBe("نَرفُ");
  });

  it("finds Cyrillic text, composed and decomposed й alike", () => {
    const text = "Министр заявил: «Мы не согласимся на такой\u00a0вариант».";
    expect(at(text, "не согласимся на такой вариант")).toBe("не согласимся на такой\u00a0вариант");
    const decomposed = "Это мои\u0306 вариант"; // и + combining breve, as some PDFs give й
    expect(at(decomposed, "мой вариант")).toBe("мои\u0306 вариант");
    expect(at("Это мой вариант", "мои\u0306 вариант")).toBe("мой вариант");
  });

  it("gives null for no quote, a link-only source or words that are not there", () => {
    expect(locateQuote("Some text", "")).toBeNull();
    expect(locateQuote("Some text", "   ")).toBeNull();
    expect(locateQuote(null, "Some")).toBeNull();
    expect(locateQuote("Some text", "some text")).toBeNull(); // case matters: a quote is evidence
  });

  it("lists every occurrence in text order", () => {
    expect(findQuoteSpans("no, no and no", "no")).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
      { start: 11, end: 13 },
    ]);
  });

  it("folds to the same text as the quote check uses, for mixed scripts", () => {
    const text = " \u00a0Hamas\u2019 «نرفض»\t\tМы\u200b не\u00a0 ";
    expect(foldForQuote(text).folded).toBe(normalizeForQuote(text));
    expect(normalizeForQuote(text)).toBe("Hamas' \"نرفض\" Мы не");
  });
});

describe("relocateQuote after an edit", () => {
  const quote = "rejects any buffer zone";
  const before = "The delegation rejects any buffer zone.";
  const stored = locateQuote(before, quote)!;

  it("keeps the stored offsets while they still hold the quote", () => {
    const after = "The delegation rejects any buffer zone. New paragraph at the end.";
    expect(relocateQuote(after, quote, stored)).toEqual(stored);
  });

  it("searches again when text was inserted before the quote", () => {
    const after = "CAIRO (Reuters) - The delegation rejects any buffer zone.";
    const span = relocateQuote(after, quote, stored)!;
    expect(after.slice(span.start, span.end)).toBe(quote);
    expect(span.start).toBe(stored.start + "CAIRO (Reuters) - ".length);
  });

  it("prefers the occurrence nearest the old position when the passage occurs several times", () => {
    const text = "No. Hamas said no. Later, Israel said no.";
    const second = findQuoteSpans(text, "said no")[1]!;
    const edited = "Update: No. Hamas said no. Later, Israel said no.";
    const moved = relocateQuote(edited, "said no", second)!;
    expect(moved).toEqual(findQuoteSpans(edited, "said no")[1]);
    expect(relocateQuote(edited, "said no", null)).toEqual(findQuoteSpans(edited, "said no")[0]);
  });

  it("gives null when the edited text no longer contains the quote (the entry is then flagged)", () => {
    expect(relocateQuote("The delegation accepts a buffer zone.", quote, stored)).toBeNull();
    expect(relocateQuote(null, quote, stored)).toBeNull();
  });

  it("relocates Arabic and Cyrillic quotes after an edit", () => {
    const ar = "نرفض أي منطقة عازلة";
    const arText = "مقدمة جديدة. قال المتحدث: نرفض أي منطقة عازلة.";
    const span = relocateQuote(arText, ar, { start: 3, end: 22 })!;
    expect(arText.slice(span.start, span.end)).toBe(ar);
    const ru = "не согласимся";
    const ruText = "Добавлено. Мы не  согласимся.";
    const ruSpan = relocateQuote(ruText, ru, { start: 3, end: 16 })!;
    expect(ruText.slice(ruSpan.start, ruSpan.end)).toBe("не  согласимся");
  });
});
