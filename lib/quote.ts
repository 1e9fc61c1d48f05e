// Does a verbatim quote occur in its source's text, and where? Reports are pasted from browsers,
// PDFs and wire copy, so the same words arrive with different spacing and quote marks. We compare
// after folding those differences only: the words, their order, their case and the rest of
// the punctuation must match, since a quote is evidence.

const SINGLE_QUOTES = /^[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]$/;
const DOUBLE_QUOTES = /^[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]$/;
// \s covers NBSP and the other Unicode spaces; zero-width characters vanish entirely.
const ZERO_WIDTH = /^[\u200B-\u200D\u2060\uFEFF\u00AD]$/;
const SPACE = /^\s$/;
// A base character with the combining marks that follow it (Arabic vowel marks, accents): the
// unit NFC composes, so folding one cluster at a time equals folding the whole text.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/uy;

/**
 * The folded text (what quotes are compared on) with, for each of its UTF-16 units, the range
 * [from, to) of the original text it came from: a match in the folded text maps back to the
 * original's offsets.
 */
export function foldForQuote(text: string): { folded: string; from: number[]; to: number[] } {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let pendingSpace = -1; // where the run of spaces before the next word started
  let i = 0;
  while (i < text.length) {
    const start = i;
    const code = text.charCodeAt(i);
    let out: string;
    if (code < 0x80 && !(text.charCodeAt(i + 1) >= 0x80)) {
      // ASCII not followed by a combining mark (most of most texts) needs no cluster search or NFC.
      i++;
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (from.length && pendingSpace < 0) pendingSpace = start;
        continue;
      }
      out = text[start]!;
      if (code === 0x60) out = "'";
    } else {
      CLUSTER.lastIndex = i;
      const cluster = CLUSTER.exec(text)![0];
      i += cluster.length;
      if (ZERO_WIDTH.test(cluster)) continue;
      if (SPACE.test(cluster)) {
        if (from.length && pendingSpace < 0) pendingSpace = start;
        continue;
      }
      out = SINGLE_QUOTES.test(cluster) ? "'" : DOUBLE_QUOTES.test(cluster) ? '"' : cluster.normalize("NFC");
    }
    if (pendingSpace >= 0) {
      // A run of spaces folds to one, kept only between words (trimmed at both ends).
      parts.push(" ");
      from.push(pendingSpace);
      to.push(start);
      pendingSpace = -1;
    }
    parts.push(out);
    for (let k = 0; k < out.length; k++) {
      from.push(start);
      to.push(i);
    }
  }
  return { folded: parts.join(""), from, to };
}

export function normalizeForQuote(text: string): string {
  return foldForQuote(text).folded;
}

export type QuoteCheck =
  | { status: "none" } // no quote given
  | { status: "verified" } // found in the source's text
  | { status: "unverified" } // the source is link-only: nothing to check against
  | { status: "missing" }; // the source has text and the quote is not in it

/** Where a quote sits in its source's text: UTF-16 offsets [start, end) of the original text. */
export type QuoteSpan = { start: number; end: number };

/**
 * Reads quotes against one source's text, folded once (a source page checks all its entries):
 * the quote's status and where it is, the stored span kept while it still holds the quote,
 * else the occurrence nearest the old position (a passage repeated in the text keeps pointing
 * at the copy it pointed at), else the first; null when there is no quote or it does not occur.
 */
export function quoteReader(sourceText: string | null | undefined) {
  const fold = sourceText == null ? null : foldForQuote(sourceText);
  return (quote: string, previous: QuoteSpan | null = null): { status: QuoteCheck["status"]; span: QuoteSpan | null; spans: QuoteSpan[] } => {
    const needle = normalizeForQuote(quote);
    if (!needle) return { status: "none", span: null, spans: [] };
    if (!fold?.folded) return { status: "unverified", span: null, spans: [] };
    const spans: QuoteSpan[] = [];
    for (let at = fold.folded.indexOf(needle); at !== -1; at = fold.folded.indexOf(needle, at + 1)) {
      spans.push({ start: fold.from[at]!, end: fold.to[at + needle.length - 1]! });
    }
    if (!spans.length) return { status: "missing", span: null, spans };
    const nearest = previous
      ? spans.reduce((best, s) => (Math.abs(s.start - previous.start) < Math.abs(best.start - previous.start) ? s : best))
      : spans[0]!;
    return { status: "verified", span: nearest, spans };
  };
}

export function checkQuote(quote: string, sourceText: string | null | undefined): QuoteCheck {
  return { status: quoteReader(sourceText)(quote).status };
}

/** Every place the quote occurs in the text (folded as above), in text order; [] when none. */
export function findQuoteSpans(text: string | null | undefined, quote: string): QuoteSpan[] {
  return quoteReader(text)(quote).spans;
}

/** The first place the quote occurs in the text, or null (no quote, link-only source, not found). */
export function locateQuote(text: string | null | undefined, quote: string): QuoteSpan | null {
  return quoteReader(text)(quote).span;
}

/** Where the quote is after its source's text was edited (quoteReader); null when it no longer occurs. */
export function relocateQuote(text: string | null | undefined, quote: string, previous: QuoteSpan | null): QuoteSpan | null {
  return quoteReader(text)(quote, previous).span;
}

/** The span stored on an entry (quoteStart, quoteEnd), or null when it has none. */
export function storedSpan(row: { quoteStart: number | null; quoteEnd: number | null } | null | undefined): QuoteSpan | null {
  return row && row.quoteStart != null && row.quoteEnd != null ? { start: row.quoteStart, end: row.quoteEnd } : null;
}
