// Provenance of suggested entries (issue 12 item 2; docs/decisions/035-suggestion-provenance.md).
// A suggestion row of the batch form carries the suggestion as the reader made it (a hidden
// field, JSON); when the row is saved, the entry records which reader suggested it and whether
// the analyst changed what the reader decided (parties, issue, stance, firmness, quote) before
// saving. The summary and the notes are the analyst's own words and never count. Pure, no I/O.
import { z } from "zod";
import { FIRMNESS, STANCES, type Firmness, type Stance } from "../vocabulary";
import { isRecordId } from "../form";
import type { Suggestion, SuggestionEngine } from "./types";

/** What a suggestion row remembers of the suggestion it started from. */
export type SuggestionOrigin = {
  engine: SuggestionEngine;
  partyIds: number[];
  issueId: number;
  stance: Stance;
  firmness: Firmness | null;
  quote: string;
};

/** What the analyst saved, as the entry schema parsed it. */
export type SavedChoice = { partyIds: readonly number[]; issueId: number; stance: string; firmness: string | null; quote: string };

export type Provenance = { suggestedBy: SuggestionEngine | null; suggestionEdited: boolean | null };

/** Typed by hand: no reader suggested it. */
export const BY_HAND: Provenance = { suggestedBy: null, suggestionEdited: null };

const recordId = z.number().refine(isRecordId);

const originSchema = z.strictObject({
  engine: z.union([z.literal("rules"), z.string().regex(/^model:[^\n\r]{1,100}$/)]),
  partyIds: z.array(recordId).min(1).max(50),
  issueId: recordId,
  stance: z.enum(STANCES),
  firmness: z.enum(FIRMNESS).nullable(),
  quote: z.string().max(2000),
});

/** The hidden field's value for a suggestion: its origin as JSON. */
export function encodeOrigin(s: Pick<Suggestion, "engine" | "partyIds" | "issueId" | "stance" | "firmness" | "quote">): string {
  const origin: SuggestionOrigin = { engine: s.engine, partyIds: [...s.partyIds], issueId: s.issueId, stance: s.stance, firmness: s.firmness, quote: s.quote };
  return JSON.stringify(origin);
}

/** The origin a form sent back, or null when it is missing, malformed or not of this shape (then the row counts as typed by hand). */
export function parseOrigin(raw: unknown): SuggestionOrigin | null {
  if (typeof raw !== "string" || raw.length > 10_000) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = originSchema.safeParse(json);
  return parsed.success ? (parsed.data as SuggestionOrigin) : null;
}

/** Quotes compare as the form keeps them: line breaks as \n, no spaces around. */
const sameQuote = (a: string, b: string) => a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();

/** Whether the analyst changed the reader's decision: the parties (as a set), issue, stance, firmness or quote. */
export function wasEdited(origin: SuggestionOrigin, saved: SavedChoice): boolean {
  const parties = new Set(saved.partyIds);
  const sameParties = parties.size === new Set(origin.partyIds).size && origin.partyIds.every((id) => parties.has(id));
  return !(sameParties && origin.issueId === saved.issueId && origin.stance === saved.stance && (origin.firmness ?? null) === (saved.firmness ?? null) && sameQuote(origin.quote, saved.quote));
}

/** The provenance an entry is saved with: by hand without an origin, else the reader and whether it was edited. */
export function provenanceOf(origin: SuggestionOrigin | null, saved: SavedChoice): Provenance {
  if (!origin) return BY_HAND;
  return { suggestedBy: origin.engine, suggestionEdited: wasEdited(origin, saved) };
}

/** "From a suggestion (edited)", for an entry's card and history; null for one typed by hand. */
export function provenanceLabel(p: { suggestedBy: string | null; suggestionEdited: boolean | null }): string | null {
  if (!p.suggestedBy) return null;
  const by = p.suggestedBy === "rules" ? "" : ` by ${p.suggestedBy.slice("model:".length)}`;
  return `From a suggestion${by}${p.suggestionEdited ? " (edited)" : ""}`;
}
