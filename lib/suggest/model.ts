// The optional model path for suggested positions (issue 12, item 3; docs/decisions/034): what
// Parley sends an OpenAI-compatible model server, and how it reads the answer. Pure: the request
// is made in server/suggestions.ts.
//
// The model is held to the negotiation's own lists twice: the JSON schema sent as response_format
// lets it name only those parties, issues, stances and firmness words (a server that honours
// structured output cannot answer otherwise), and readModelAnswer checks everything again, since
// not every server honours it. Every quote is looked up in the text (lib/quote.ts, the same
// finder that verifies entries' quotes) and replaced by the text's own characters at that place;
// a quote that is not in the text drops its suggestion: nothing the model invents reaches the form.
import { z } from "zod";
import { FIRMNESS, STANCES, STANCE_HINTS, STANCE_LABELS, FIRMNESS_LABELS, type Firmness, type Stance } from "../vocabulary";
import { MAX_ROWS } from "../batch-entries";
import { locateQuote } from "../quote";
import type { Lexicon, LexiconIssue, LexiconParty, Suggestion, SuggestionEngine } from "./types";

/** The name of the response format, as the server sees it. */
export const SCHEMA_NAME = "parley_suggestions";

/** At most this many suggestions are kept (a batch form saves at most MAX_ROWS rows). */
export const MAX_MODEL_SUGGESTIONS = MAX_ROWS;

/** The confidence of a suggestion whose model gave none. */
export const DEFAULT_CONFIDENCE = 0.5;

const distinct = (names: string[]) => [...new Set(names)];

/**
 * The JSON schema of the answer: a list of suggestions whose parties, issue, stance and
 * firmness can only be the negotiation's own words. Strict: every property required, no others
 * (firmness is null when the text does not say how firm).
 */
export function suggestionSchema(lexicon: Lexicon) {
  return {
    type: "object",
    additionalProperties: false,
    required: ["suggestions"],
    properties: {
      suggestions: {
        type: "array",
        maxItems: MAX_MODEL_SUGGESTIONS,
        items: {
          type: "object",
          additionalProperties: false,
          required: ["parties", "issue", "stance", "firmness", "quote", "confidence"],
          properties: {
            parties: { type: "array", minItems: 1, items: { type: "string", enum: distinct(lexicon.parties.map((p) => p.name)) } },
            issue: { type: "string", enum: distinct(lexicon.issues.map((i) => i.name)) },
            stance: { type: "string", enum: [...STANCES] },
            firmness: { anyOf: [{ type: "string", enum: [...FIRMNESS] }, { type: "null" }] },
            quote: { type: "string" },
            confidence: { type: "number", minimum: 0, maximum: 1 },
          },
        },
      },
    },
  } as const;
}

/** The response_format of the chat completion request (OpenAI's structured output). */
export function responseFormat(lexicon: Lexicon) {
  return { type: "json_schema", json_schema: { name: SCHEMA_NAME, strict: true, schema: suggestionSchema(lexicon) } } as const;
}

export type ChatMessage = { role: "system" | "user"; content: string };

const SYSTEM_PROMPT = `You read news reports about a negotiation and list the positions its parties state in them, for an analyst who checks each one.
A position is one party (or several, for a joint statement) stating a stance on one issue.
Rules:
- Use only the party names, issue names, stances and firmness words listed; choose the party or issue the text means even when it calls it by another name listed beside it.
- "quote" must be copied exactly, character for character, from the text: the shortest passage (a clause or a sentence) that states the position. Do not translate, shorten with ellipses or paraphrase it.
- "firmness" is null unless the text says how firm the position is ("red line", "non-negotiable", "open to").
- A position the text denies or reports only as a rumour is not a position. Do not list the same position twice.
- "confidence" is between 0 and 1: how sure you are of the party, the issue and the stance together.
Answer with JSON only, in the schema given.`;

const bullet = (name: string, more: string[]) => `- ${name}${more.length ? ` (also called: ${more.join("; ")})` : ""}`;

function partyLine(p: LexiconParty): string {
  return bullet(p.name, distinct([p.shortName, ...p.aliases].map((s) => s.trim()).filter((s) => s && s !== p.name)));
}

function issueLine(i: LexiconIssue): string {
  const description = i.description.trim().replace(/\s+/g, " ");
  const line = `- ${i.name}${description ? `: ${description}` : ""}`;
  return i.keywords.length ? `${line} (reports call it: ${i.keywords.join("; ")})` : line;
}

/** The system and user messages: the task, the vocabulary, the negotiation's lists, the text. */
export function modelMessages(text: string, lexicon: Lexicon): ChatMessage[] {
  const user = [
    "Stances:",
    ...STANCES.map((s) => `- ${s} (${STANCE_LABELS[s]}): ${STANCE_HINTS[s]}`),
    "",
    `Firmness: ${FIRMNESS.map((f) => `${f} (${FIRMNESS_LABELS[f]})`).join(", ")}, or null.`,
    "",
    "Parties:",
    ...lexicon.parties.map(partyLine),
    "",
    "Issues:",
    ...lexicon.issues.map(issueLine),
    "",
    "The text:",
    "<<<",
    text,
    ">>>",
  ].join("\n");
  return [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: user },
  ];
}

/** Why suggestions of the model's answer were left out, for the analyst. */
export const DROP_REASONS = {
  shape: "not in the expected form",
  party: "a party not in this negotiation",
  issue: "an issue not in this negotiation",
  stance: "a stance not in Parley's vocabulary",
  firmness: "a firmness not in Parley's vocabulary",
  quote: "quote not in the text",
  repeated: "the same suggestion twice",
  limit: `more than ${MAX_MODEL_SUGGESTIONS} suggestions`,
} as const;
export type DropReason = (typeof DROP_REASONS)[keyof typeof DROP_REASONS];

export type ModelReading =
  | { ok: true; suggestions: Suggestion[]; dropped: Array<{ reason: DropReason; count: number }> }
  /** The answer as a whole is unusable (not JSON, not the schema's shape). */
  | { ok: false; problem: string };

// One suggestion as the model may send it: checked field by field below, so that one bad item
// drops only itself.
const itemSchema = z.object({
  parties: z.array(z.string()).min(1),
  issue: z.string(),
  stance: z.string(),
  firmness: z.string().nullish(),
  quote: z.string().min(1),
  confidence: z.number().nullish(),
});
const answerSchema = z.object({ suggestions: z.array(z.unknown()) });

const key = (s: string) => s.trim().toLocaleLowerCase();

/** Name → id, case-insensitive; a name counts for the first party it fits in name, short name, alias order. */
function nameIndex<T extends { id: number }>(items: T[], namesOf: (item: T) => string[][]): Map<string, number> {
  const index = new Map<string, number>();
  const levels = Math.max(0, ...items.map((i) => namesOf(i).length));
  for (let level = 0; level < levels; level++) {
    for (const item of items) {
      for (const name of namesOf(item)[level] ?? []) {
        const k = key(name);
        if (k && !index.has(k)) index.set(k, item.id);
      }
    }
  }
  return index;
}

function parseJson(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  // Some servers wrap JSON in a Markdown code fence even when asked for JSON.
  const body = raw.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, "$1");
  return JSON.parse(body);
}

/**
 * Reads a model's answer (the message content, JSON text or already parsed) against the text and
 * the negotiation's lists: names become ids, every quote is found in the text and replaced by the
 * text's own characters there, and whatever does not fit is dropped and counted by reason.
 * Suggestions come back in reading order, at most MAX_MODEL_SUGGESTIONS.
 */
export function readModelAnswer(text: string, lexicon: Lexicon, raw: unknown, modelName: string): ModelReading {
  let json: unknown;
  try {
    json = parseJson(raw);
  } catch {
    return { ok: false, problem: "its answer was not JSON" };
  }
  const answer = answerSchema.safeParse(json);
  if (!answer.success) return { ok: false, problem: "its answer did not have the form asked for (a list of suggestions)" };

  const parties = nameIndex(lexicon.parties, (p) => [[p.name], [p.shortName], p.aliases]);
  const issues = nameIndex(lexicon.issues, (i) => [[i.name]]);
  const stances = new Map(STANCES.map((s) => [s as string, s]));
  const firmnesses = new Map(FIRMNESS.map((f) => [f as string, f]));
  const engine: SuggestionEngine = `model:${modelName}`;

  const dropped = new Map<DropReason, number>();
  const drop = (reason: DropReason) => dropped.set(reason, (dropped.get(reason) ?? 0) + 1);
  const kept: Suggestion[] = [];
  const seen = new Set<string>();

  for (const item of answer.data.suggestions) {
    const parsed = itemSchema.safeParse(item);
    if (!parsed.success) {
      drop(DROP_REASONS.shape);
      continue;
    }
    const s = parsed.data;
    const partyIds = s.parties.map((name) => parties.get(key(name)));
    if (partyIds.some((id) => id === undefined)) {
      drop(DROP_REASONS.party);
      continue;
    }
    const issueId = issues.get(key(s.issue));
    if (issueId === undefined) {
      drop(DROP_REASONS.issue);
      continue;
    }
    const stance: Stance | undefined = stances.get(key(s.stance));
    if (!stance) {
      drop(DROP_REASONS.stance);
      continue;
    }
    let firmness: Firmness | null = null;
    if (s.firmness != null && key(s.firmness) !== "") {
      const f = firmnesses.get(key(s.firmness).replace(/[\s-]+/g, "_"));
      if (!f) {
        drop(DROP_REASONS.firmness);
        continue;
      }
      firmness = f;
    }
    const span = locateQuote(text, s.quote);
    if (!span) {
      drop(DROP_REASONS.quote);
      continue;
    }
    const ids = [...new Set(partyIds as number[])];
    const identity = JSON.stringify([ids, issueId, stance, span.start, span.end]);
    if (seen.has(identity)) {
      drop(DROP_REASONS.repeated);
      continue;
    }
    seen.add(identity);
    const confidence = typeof s.confidence === "number" && Number.isFinite(s.confidence) ? Math.min(1, Math.max(0, s.confidence)) : DEFAULT_CONFIDENCE;
    kept.push({
      partyIds: ids,
      issueId,
      runnersUp: [],
      stance,
      firmness,
      quote: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      confidence,
      reason: `Suggested by ${modelName}`,
      engine,
    });
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  if (kept.length > MAX_MODEL_SUGGESTIONS) {
    for (let i = MAX_MODEL_SUGGESTIONS; i < kept.length; i++) drop(DROP_REASONS.limit);
    kept.length = MAX_MODEL_SUGGESTIONS;
  }
  return { ok: true, suggestions: kept, dropped: [...dropped].map(([reason, count]) => ({ reason, count })) };
}

/** "3 suggestions dropped: quote not in the text; 1: a party not in this negotiation." — or "" when none were. */
export function droppedNotice(dropped: Array<{ reason: DropReason; count: number }>): string {
  if (!dropped.length) return "";
  const [first, ...rest] = dropped;
  const head = `${first!.count} ${first!.count === 1 ? "suggestion" : "suggestions"} dropped: ${first!.reason}`;
  return `${[head, ...rest.map((d) => `${d.count}: ${d.reason}`)].join("; ")}.`;
}
