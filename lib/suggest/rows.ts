// The batch form's rows built from suggestions (issue 12 item 2): one row per suggestion, capped
// at MAX_ROWS, its fields prefilled for the analyst to check, and what the page says beside each
// (number, the reader's reason, its confidence in words, the runner-up issues, an entry already
// recorded from the same passage). Pure, no I/O; server/suggestions.ts supplies the suggestions.
import type { FormValues } from "../form";
import { MAX_ROWS, newRowKeys, rowField, suggestionField } from "../batch-entries";
import { STANCE_LABELS } from "../vocabulary";
import type { QuoteSpan } from "../quote";
import { encodeOrigin } from "./provenance";
import type { Suggestion } from "./types";

export type SuggestionRowView = {
  key: string;
  /** "Suggestion 1", in reading order. */
  number: number;
  reason: string;
  /** The confidence in words: "fairly sure". */
  confidence: string;
  /** Names of the other issues the passage may be about, best first. */
  runnersUp: string[];
  /** An entry of this source with the same parties, issue, stance and quote span. */
  recordedAs: number | null;
  start: number;
  end: number;
};

/** An entry already taken from the source, as the workbench reads it. */
export type RecordedEntry = { id: number; partyIds: readonly number[]; issueId: number; stance: string; quoteSpan: QuoteSpan | null };

/** 0..1 in words, for the analyst. */
export function confidenceWords(confidence: number): string {
  if (confidence >= 0.85) return "very sure";
  if (confidence >= 0.65) return "fairly sure";
  if (confidence >= 0.45) return "not very sure";
  return "unsure";
}

/** A plain first summary for the analyst to rewrite: "Hamas: demands — Permanent ceasefire". */
export function suggestedSummary(partyNames: readonly string[], stance: Suggestion["stance"], issueName: string): string {
  return `${partyNames.join(", ")}: ${STANCE_LABELS[stance].toLowerCase()} — ${issueName}`;
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;

/** The entry that already records a suggestion: same parties, issue, stance and quote span. */
export function recordedAs(s: Pick<Suggestion, "partyIds" | "issueId" | "stance" | "start" | "end">, recorded: readonly RecordedEntry[]): number | null {
  const hit = recorded.find(
    (e) => e.issueId === s.issueId && e.stance === s.stance && e.quoteSpan?.start === s.start && e.quoteSpan.end === s.end && sameSet(e.partyIds, s.partyIds),
  );
  return hit?.id ?? null;
}

/**
 * The form's first values and the views of its suggestion rows: at most MAX_ROWS suggestions, in
 * reading order, each row "pending" (neither saved nor dropped until the analyst decides).
 */
export function suggestionRows(
  suggestions: readonly Suggestion[],
  names: { parties: ReadonlyMap<number, string>; issues: ReadonlyMap<number, string> },
  recorded: readonly RecordedEntry[] = [],
): { values: FormValues; rows: SuggestionRowView[] } {
  const chosen = [...suggestions]
    .filter((s) => s.partyIds.every((id) => names.parties.has(id)) && names.issues.has(s.issueId))
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .slice(0, MAX_ROWS);
  const keys = newRowKeys([], chosen.length);
  const values: FormValues = { rows: keys };
  const rows = chosen.map((s, i): SuggestionRowView => {
    const key = keys[i]!;
    const issueName = names.issues.get(s.issueId)!;
    values[rowField(key, "partyIds")] = s.partyIds.map(String);
    values[rowField(key, "issueId")] = String(s.issueId);
    values[rowField(key, "stance")] = s.stance;
    values[rowField(key, "firmness")] = s.firmness ?? "";
    values[rowField(key, "summary")] = suggestedSummary(s.partyIds.map((id) => names.parties.get(id)!), s.stance, issueName);
    values[rowField(key, "quote")] = s.quote;
    values[rowField(key, "notes")] = "";
    values[suggestionField(key, "suggestion")] = encodeOrigin(s);
    values[suggestionField(key, "review")] = "pending";
    return {
      key,
      number: i + 1,
      reason: s.reason,
      confidence: confidenceWords(s.confidence),
      runnersUp: s.runnersUp.map((id) => names.issues.get(id)).filter((n): n is string => Boolean(n)),
      recordedAs: recordedAs(s, recorded),
      start: s.start,
      end: s.end,
    };
  });
  return { values, rows };
}
