// Does a verbatim quote occur in its source's text? Reports are pasted from browsers, PDFs
// and wire copy, so the same words arrive with different spacing and quote marks. We compare
// after folding those differences only: the words, their order, their case and the rest of
// the punctuation must match, since a quote is evidence.

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
// \s covers NBSP and the other Unicode spaces; zero-width characters vanish entirely.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

export function normalizeForQuote(text: string): string {
  return text
    .normalize("NFC")
    .replace(ZERO_WIDTH, "")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(/\s+/g, " ")
    .trim();
}

export type QuoteCheck =
  | { status: "none" } // no quote given
  | { status: "verified" } // found in the source's text
  | { status: "unverified" } // the source is link-only: nothing to check against
  | { status: "missing" }; // the source has text and the quote is not in it

export function checkQuote(quote: string, sourceText: string | null | undefined): QuoteCheck {
  const needle = normalizeForQuote(quote);
  if (!needle) return { status: "none" };
  if (sourceText == null || !normalizeForQuote(sourceText)) return { status: "unverified" };
  return normalizeForQuote(sourceText).includes(needle) ? { status: "verified" } : { status: "missing" };
}
