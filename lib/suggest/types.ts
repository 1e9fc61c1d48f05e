// Suggested positions (issue 12; docs/decisions/033-suggested-positions.md): what a reader of an
// article's text (the rule-based engine in lib/suggest/rules.ts, or a model the administrator
// runs, lib/suggest/model.ts) proposes for the analyst to accept, edit or reject. Pure types.
import type { Firmness, Stance } from "../vocabulary";

/** A party as the readers see it: every name a report may call it by. */
export type LexiconParty = {
  id: number;
  name: string;
  shortName: string;
  /** Other names, demonyms, capitals, leaders… one entry per name (Party.aliases, one per line). */
  aliases: string[];
};

/** An issue as the readers see it: its name, its description and the words reports use for it. */
export type LexiconIssue = {
  id: number;
  name: string;
  description: string;
  /** Issue.keywords, one entry per line. */
  keywords: string[];
};

/** A negotiation's own lists: every suggestion names parties and an issue from these only. */
export type Lexicon = {
  parties: LexiconParty[];
  issues: LexiconIssue[];
  /** The negotiation's sides: a report's "the mediators" names every party of the side. */
  sides?: Array<{ name: string; partyIds: number[] }>;
};

/** Which reader made a suggestion: "rules" or "model:<model name>". */
export type SuggestionEngine = "rules" | `model:${string}`;

export type Suggestion = {
  /** One party, or several for a joint statement; ids from the lexicon, in the order named. */
  partyIds: number[];
  issueId: number;
  /** Other issues the passage may be about, best first (at most 3). */
  runnersUp: number[];
  stance: Stance;
  /** Only when the text says so ("red line", "non-negotiable", "open to"). */
  firmness: Firmness | null;
  /** Verbatim: always exactly text.slice(start, end). */
  quote: string;
  /** UTF-16 offsets of the quote in the text, [start, end). */
  start: number;
  end: number;
  /** 0..1: how sure the reader is of the party, issue and stance together. */
  confidence: number;
  /** In words, for the analyst: the cue the reader went by ("“called for” → Demands"). */
  reason: string;
  engine: SuggestionEngine;
};

/** Splits a one-name-per-line field (Party.aliases, Issue.keywords) into its names. */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
