// The source page as a workbench (issue 9): the article's text cut into runs, each run covered
// by the quotes of zero or more entries, and the entries in reading order. Pure, no I/O.
import type { QuoteSpan } from "./quote";

export type WorkbenchEntry = { id: number; statedOn: string; quoteSpan: QuoteSpan | null };

/** A run of the text and the entries whose quote covers all of it, innermost (shortest) first. */
export type TextRun = { start: number; end: number; text: string; entryIds: number[]; startsQuoteOf: number[] };

/**
 * Cuts the text at every quote's start and end. Overlapping and nested quotes give runs covered
 * by several entries; a run's first entry is the innermost quote, the one its highlight links to
 * (an enclosing quote has runs of its own, or the list beside the text links to it).
 */
export function textRuns(text: string, entries: ReadonlyArray<WorkbenchEntry>): TextRun[] {
  const spans = entries
    .filter((e): e is WorkbenchEntry & { quoteSpan: QuoteSpan } => e.quoteSpan !== null && e.quoteSpan.end <= text.length && e.quoteSpan.start < e.quoteSpan.end)
    .map((e) => ({ id: e.id, ...e.quoteSpan }));
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    const covering = spans
      .filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start || a.id - b.id);
    runs.push({
      start,
      end,
      text: text.slice(start, end),
      entryIds: covering.map((s) => s.id),
      startsQuoteOf: spans.filter((s) => s.start === start).map((s) => s.id).sort((a, b) => a - b),
    });
  }
  return runs;
}

/**
 * The entries in the order a reader meets their quotes in the text; entries without a located
 * quote (none given, link-only source, no longer in the text) after them, by date.
 */
export function readingOrder<T extends WorkbenchEntry>(entries: ReadonlyArray<T>): T[] {
  const located = entries.filter((e) => e.quoteSpan).sort((a, b) => a.quoteSpan!.start - b.quoteSpan!.start || a.quoteSpan!.end - b.quoteSpan!.end || a.id - b.id);
  const rest = entries.filter((e) => !e.quoteSpan).sort((a, b) => (a.statedOn < b.statedOn ? -1 : a.statedOn > b.statedOn ? 1 : a.id - b.id));
  return [...located, ...rest];
}

/**
 * The address of the entry form with a selected quote, its source and date filled in. The quote
 * goes in as typed; the form counts it and refuses it by the field if it is too long.
 */
export function quoteEntryHref(slug: string, source: { id: number; publishedOn: string | null }, quote: string): string {
  const params = new URLSearchParams({ source: String(source.id) });
  if (source.publishedOn) params.set("statedOn", source.publishedOn);
  params.set("quote", quote);
  return `/negotiations/${slug}/entries/new?${params.toString()}`;
}
