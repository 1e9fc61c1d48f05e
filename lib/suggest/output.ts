// Suggestions as people and other programs read them (issue 12, `npm run suggest -- --json`):
// names instead of ids. Pure.
import type { Lexicon, Suggestion } from "./types";

/** A suggestion with the names of its parties and issue instead of their ids. */
export type NamedSuggestion = { parties: string[]; issue: string } & Pick<Suggestion, "stance" | "firmness" | "quote" | "start" | "end" | "confidence">;

export function suggestionsForPeople(suggestions: readonly Suggestion[], lexicon: Lexicon): NamedSuggestion[] {
  const party = new Map(lexicon.parties.map((p) => [p.id, p.name]));
  const issue = new Map(lexicon.issues.map((i) => [i.id, i.name]));
  return suggestions.map((s) => ({
    parties: s.partyIds.map((id) => party.get(id) ?? `#${id}`),
    issue: issue.get(s.issueId) ?? `#${s.issueId}`,
    stance: s.stance,
    firmness: s.firmness,
    quote: s.quote,
    start: s.start,
    end: s.end,
    confidence: s.confidence,
  }));
}
