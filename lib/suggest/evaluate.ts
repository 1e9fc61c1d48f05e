// Measuring the suggestion engine against hand-labelled articles (issue 12, `npm run
// eval:suggest`; tests/fixtures/articles/README.md). Pure: the script reads the files and times
// the engine; these rules say what counts as found, right and wrong.
import type { Firmness, Stance } from "../vocabulary";
import type { Lexicon, Suggestion } from "./types";

/** A position an analyst noted in an article (tests/fixtures/articles/*.json). */
export type Label = { parties: string[]; issue: string; stance: Stance; firmness: Firmness | null; evidence?: string };

/** A negotiation's lists as plain names (the demo's, a fixture's): ids are given in order, from 1. */
export type NamedLists = {
  parties: ReadonlyArray<{ name: string; shortName?: string; aliases?: readonly string[] }>;
  issues: ReadonlyArray<{ name: string; description?: string; keywords?: readonly string[] }>;
  sides?: ReadonlyArray<{ name: string; parties: readonly string[] }>;
};

/** The lexicon of a negotiation given by names; a side's parties are named by party name. */
export function lexiconOf(lists: NamedLists): Lexicon {
  const ids = new Map(lists.parties.map((p, i) => [p.name, i + 1]));
  return {
    parties: lists.parties.map((p, i) => ({ id: i + 1, name: p.name, shortName: p.shortName ?? "", aliases: [...(p.aliases ?? [])] })),
    issues: lists.issues.map((issue, i) => ({ id: i + 1, name: issue.name, description: issue.description ?? "", keywords: [...(issue.keywords ?? [])] })),
    sides: (lists.sides ?? []).map((s) => ({ name: s.name, partyIds: s.parties.map((name) => ids.get(name)).filter((id): id is number => id !== undefined) })),
  };
}

export type ArticleScore = {
  labels: number;
  /** Labels with a suggestion naming one of its parties and its issue. */
  found: number;
  /** Found labels whose surest matching suggestion has the label's stance. */
  stanceRight: number;
  suggestions: number;
  /** Suggestions that name a labelled position's party and issue. */
  correct: number;
  missed: Label[];
  wrongStance: Array<{ label: Label; suggested: Stance }>;
  extra: Suggestion[];
};

const matches = (s: Suggestion, partyIds: number[], issueId: number) => s.issueId === issueId && s.partyIds.some((id) => partyIds.includes(id));

/**
 * One article's score. A label is found when a suggestion has one of its parties and its issue
 * (a joint statement suggested for one of its parties counts); its stance is right when the
 * surest such suggestion has the label's stance. A suggestion is correct when it finds a label.
 */
export function scoreArticle(labels: readonly Label[], suggestions: readonly Suggestion[], lexicon: Lexicon): ArticleScore {
  const partyId = new Map(lexicon.parties.map((p) => [p.name, p.id]));
  const issueId = new Map(lexicon.issues.map((i) => [i.name, i.id]));
  const resolved = labels.map((label) => {
    const parties = label.parties.map((name) => partyId.get(name));
    const issue = issueId.get(label.issue);
    if (parties.some((id) => id === undefined) || issue === undefined) throw new Error(`A label names a party or issue the lexicon lacks: ${JSON.stringify(label)}`);
    return { label, partyIds: parties as number[], issueId: issue };
  });
  let found = 0;
  let stanceRight = 0;
  const missed: Label[] = [];
  const wrongStance: ArticleScore["wrongStance"] = [];
  for (const r of resolved) {
    const hits = suggestions.filter((s) => matches(s, r.partyIds, r.issueId)).sort((a, b) => b.confidence - a.confidence);
    if (hits.length === 0) {
      missed.push(r.label);
      continue;
    }
    found += 1;
    if (hits[0]!.stance === r.label.stance) stanceRight += 1;
    else wrongStance.push({ label: r.label, suggested: hits[0]!.stance });
  }
  const extra = suggestions.filter((s) => !resolved.some((r) => matches(s, r.partyIds, r.issueId)));
  return { labels: labels.length, found, stanceRight, suggestions: suggestions.length, correct: suggestions.length - extra.length, missed, wrongStance, extra };
}

export type Totals = { articles: number; words: number; labels: number; found: number; stanceRight: number; suggestions: number; correct: number; ms: number };

export function addUp(rows: ReadonlyArray<ArticleScore & { words: number; ms: number }>): Totals {
  return rows.reduce<Totals>(
    (t, r) => ({
      articles: t.articles + 1,
      words: t.words + r.words,
      labels: t.labels + r.labels,
      found: t.found + r.found,
      stanceRight: t.stanceRight + r.stanceRight,
      suggestions: t.suggestions + r.suggestions,
      correct: t.correct + r.correct,
      ms: t.ms + r.ms,
    }),
    { articles: 0, words: 0, labels: 0, found: 0, stanceRight: 0, suggestions: 0, correct: 0, ms: 0 },
  );
}

/** Recall, precision and stance accuracy as fractions (null when there is nothing to divide by). */
export function rates(t: Totals): { recall: number | null; precision: number | null; stance: number | null; msPer1000Words: number | null } {
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return { recall: ratio(t.found, t.labels), precision: ratio(t.correct, t.suggestions), stance: ratio(t.stanceRight, t.found), msPer1000Words: t.words === 0 ? null : (t.ms / t.words) * 1000 };
}

/** The issue's targets for the held-aside part. */
export const TARGETS = { recall: 0.6, precision: 0.5, stance: 0.75, msPer1000Words: 100 } as const;

/** Words as a reader counts them (runs of letters or digits). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
