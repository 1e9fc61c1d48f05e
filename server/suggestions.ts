import "server-only";
import { getDb } from "./db";
import { env } from "./env";
import { log } from "./log";
import { NotFoundError } from "./errors";
import { requireReader, requireReaderWithRole } from "./session";
import { listIssues, listParties } from "./queries/parties-and-issues";
import { listSides } from "./queries/sides";
import { NEEDED } from "@/lib/roles";
import { isRecordId } from "@/lib/form";
import { readTextWithin } from "@/lib/request-limits";
import { lines, type Lexicon, type Suggestion, type SuggestionEngine } from "@/lib/suggest/types";
import { suggestPositions } from "@/lib/suggest/rules";
import { droppedNotice, modelMessages, readModelAnswer, responseFormat, type DropReason } from "@/lib/suggest/model";

// Suggested positions for a source's text (issue 12; docs/decisions/033 and 034): the rule-based
// reader (lib/suggest/rules.ts) always, and the model an administrator configured
// (PARLEY_SUGGEST_MODEL_*) when the analyst asks for it, with the rules as its fallback.

export type SuggestionResult =
  | { ok: true; engine: SuggestionEngine; suggestions: Suggestion[]; notice?: string }
  | { ok: false; message: string };

export type EngineChoice = "rules" | "model";

/** A source's suggestions, with the lexicon they name (the page shows its names). */
export type SourceSuggestions = (Extract<SuggestionResult, { ok: true }> & { lexicon: Lexicon }) | Extract<SuggestionResult, { ok: false }>;

/**
 * The negotiation's own lists as the readers see them: live parties with their other names, live
 * issues with the words reports use (one per line, split), and live sides with their parties.
 */
export async function getLexicon(negotiationId: number): Promise<Lexicon> {
  await requireReader();
  const [parties, issues, sides] = await Promise.all([listParties(negotiationId), listIssues(negotiationId), listSides(negotiationId)]);
  return {
    parties: parties.map((p) => ({ id: p.id, name: p.name, shortName: p.shortName, aliases: lines(p.aliases) })),
    issues: issues.map((i) => ({ id: i.id, name: i.name, description: i.description, keywords: lines(i.keywords) })),
    sides: sides.map((s) => ({ name: s.name, partyIds: parties.filter((p) => p.sideId === s.id).map((p) => p.id) })),
  };
}

/**
 * Suggestions for one source's text, for an editor's batch form: nothing is saved. Someone without
 * the editor's role is sent to sign in or to /no-access, as by every editor's page; an id that is not a
 * live record of this negotiation, a NotFoundError (a 404). A source without text, or a
 * negotiation without parties or issues, gets a message. The model's failures never throw: the
 * rule-based suggestions come back with a notice saying why.
 */
export async function suggestForSource(negotiationId: number, sourceId: number, engine: EngineChoice): Promise<SourceSuggestions> {
  // A page's read, not a write: someone without the role is sent to sign in or to /no-access.
  await requireReaderWithRole(NEEDED.write);
  if (!isRecordId(negotiationId) || !isRecordId(sourceId)) throw new NotFoundError("Source");
  const db = await getDb();
  const source = await db.source.findFirst({ where: { id: sourceId, negotiationId, deletedAt: null, negotiation: { deletedAt: null } }, select: { text: true } });
  if (!source) throw new NotFoundError("Source");
  if (!source.text?.trim()) return { ok: false, message: "This source has no text to read: paste the article's text into the source first." };
  const lexicon = await getLexicon(negotiationId);
  if (!lexicon.parties.length || !lexicon.issues.length) {
    return { ok: false, message: "This negotiation needs at least one party and one issue before positions can be suggested." };
  }
  return { ...(await suggestText(source.text, lexicon, engine)), lexicon };
}

/**
 * The same as suggestForSource for a text and a lexicon already at hand, with no source and no
 * session: for the trusted command line (`npm run suggest`) and for suggestForSource itself.
 */
export async function suggestText(text: string, lexicon: Lexicon, engine: EngineChoice): Promise<Extract<SuggestionResult, { ok: true }>> {
  const rules = () => suggestPositions(text, lexicon);
  if (engine !== "model") return { ok: true, engine: "rules", suggestions: rules() };
  const answer = await suggestWithModel(text, lexicon);
  if (!answer.ok) return { ok: true, engine: "rules", suggestions: rules(), notice: `${answer.message} The rule-based suggestions are shown instead.` };
  const notice = droppedNotice(answer.dropped);
  return { ok: true, engine: answer.engine, suggestions: answer.suggestions, ...(notice ? { notice } : {}) };
}

// ---------------------------------------------------------------------------------------------
// The optional model (issue 12, item 3; docs/decisions/034): an OpenAI-compatible chat completion
// with a JSON schema limited to the negotiation's own lists, every answer checked again by
// lib/suggest/model.ts readModelAnswer.

/** Has an administrator configured a model (PARLEY_SUGGEST_MODEL_URL and PARLEY_SUGGEST_MODEL)? */
export function modelConfigured(): boolean {
  return configuredModel() !== null;
}

/** The configured model's name, as the batch page offers it ("Model: llama3.1"), or null. */
export function configuredModel(): string | null {
  return env().suggestModel?.model ?? null;
}

export type ModelAnswer =
  | { ok: true; engine: SuggestionEngine; suggestions: Suggestion[]; dropped: Array<{ reason: DropReason; count: number }> }
  /** Why the model gave nothing usable, in a sentence for the analyst. */
  | { ok: false; message: string };

/** At most this much of a model server's answer is read (a 50-suggestion answer is ~30 kB). */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** Asks the configured model for suggestions. Never throws for the model's failures: a message says what went wrong. */
export async function suggestWithModel(text: string, lexicon: Lexicon): Promise<ModelAnswer> {
  const config = env().suggestModel;
  if (!config) return { ok: false, message: "No suggestion model is configured." };
  // A schema with an empty enum is invalid: with no parties or issues there is nothing to ask.
  if (!lexicon.parties.length || !lexicon.issues.length) return { ok: false, message: "The negotiation has no parties or no issues to suggest positions for." };
  const host = new URL(config.url).host;
  const seconds = `${Math.round(config.timeoutMs / 100) / 10} s`;
  const started = Date.now();
  const fail = (outcome: string, message: string, more: Record<string, unknown> = {}): ModelAnswer => {
    log().warn({ event: "suggest.model", outcome, host, model: config.model, ms: Date.now() - started, ...more }, `suggestion model: ${outcome}`);
    return { ok: false, message };
  };
  const where = `The model server at ${host}`;

  let body: string;
  try {
    const response = await fetch(`${config.url}/chat/completions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(config.key ? { authorization: `Bearer ${config.key}` } : {}),
      },
      body: JSON.stringify({
        model: config.model,
        messages: modelMessages(text, lexicon),
        response_format: responseFormat(lexicon),
        temperature: 0,
        stream: false,
      }),
      // The key must not follow a redirect to another host; a model server has no reason to redirect.
      redirect: "error",
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return fail("http-error", `${where} answered with an error (HTTP ${response.status}).`, { status: response.status });
    }
    const received = await readTextWithin(response.body, MAX_ANSWER_BYTES);
    if (received === null) return fail("too-large", `${where} sent an answer larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB.`);
    body = received;
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === "TimeoutError") return fail("timeout", `${where} did not answer within ${seconds}.`);
    const cause = (error as { cause?: { code?: string } })?.cause?.code;
    return fail("unreachable", `${where} could not be reached${cause === "ECONNREFUSED" ? " (nothing is listening there)" : ""}.`, { code: cause });
  }

  let content: unknown;
  try {
    const completion = JSON.parse(body) as { choices?: Array<{ message?: { content?: unknown } }> };
    content = completion?.choices?.[0]?.message?.content;
  } catch {
    return fail("not-json", `${where} sent an answer that is not JSON.`);
  }
  if (typeof content !== "string") return fail("no-content", `${where} sent no suggestions (its answer has no message content).`);

  const reading = readModelAnswer(text, lexicon, content, config.model);
  if (!reading.ok) return fail("bad-answer", `The model ${config.model} at ${host} gave no usable answer: ${reading.problem}.`);
  const dropped = reading.dropped.reduce((n, d) => n + d.count, 0);
  if (!reading.suggestions.length) {
    return fail(
      "nothing-usable",
      dropped ? `The model ${config.model} suggested nothing usable: ${droppedNotice(reading.dropped)}` : `The model ${config.model} found no positions in this text.`,
      { dropped },
    );
  }
  log().info(
    { event: "suggest.model", outcome: "ok", host, model: config.model, ms: Date.now() - started, kept: reading.suggestions.length, dropped },
    "suggestion model answered",
  );
  return { ok: true, engine: `model:${config.model}`, suggestions: reading.suggestions, dropped: reading.dropped };
}
