// The rule-based reader (issue 12). Placeholder signature; the engine is being written.
import type { Lexicon, Suggestion } from "./types";

/** Suggestions for a text, best first in reading order; every quote is text.slice(start, end). */
export function suggestPositions(text: string, lexicon: Lexicon): Suggestion[] {
  void text;
  void lexicon;
  return [];
}
