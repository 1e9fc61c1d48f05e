// Suggestions as people and other programs read them (issue 12, `npm run suggest -- --json`):
// names instead of ids. Pure.
import type { Firmness, Stance } from "../vocabulary";
import type { Lexicon, Suggestion } from "./types";

export type NamedSuggestion = {
  parties: string[];
  issue: string;
  stance: Stance;
  firmness: Firmness | null;
  quote: string;
  start: number;
  end: number;
  confidence: number;
};

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
