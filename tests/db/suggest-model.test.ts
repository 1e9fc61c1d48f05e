// The optional model for suggested positions (issue 12, item 3; docs/decisions/034), end to end
// inside the server: suggestForSource on a real database (the demo's seed article) against a fake
// OpenAI-compatible server on 127.0.0.1 (tests/support/fake-model-server.ts). Whatever the model
// does, the analyst gets suggestions whose quotes are the text's own characters, or the rule-based
// suggestions with a notice saying why; never a throw.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { getLexicon, modelConfigured, suggestForSource, suggestText } from "@/server/suggestions";
import { captureLog } from "@/server/log";
import { suggestPositions } from "@/lib/suggest/rules";
import { createNegotiation, deleteNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { negotiationSchema, sourceSchema } from "@/lib/schemas";
import { STANCES } from "@/lib/vocabulary";
import { INT_MAX, digest, row, rows, setUpWorld, useRequester, type World } from "../support/action-harness";
import { enumsOf, goodSuggestions, startFakeModelServer, textOf, type FakeMode } from "../support/fake-model-server";

let world: World;
let server: Awaited<ReturnType<typeof startFakeModelServer>>;
let article: { id: number; text: string };
let parties: Array<{ id: number; name: string }>;
let issues: Array<{ id: number; name: string }>;

const MODEL = "fake-llama-3";

function configure(more: Record<string, string> = {}) {
  process.env.PARLEY_SUGGEST_MODEL_URL = server.url;
  process.env.PARLEY_SUGGEST_MODEL = MODEL;
  for (const [k, v] of Object.entries(more)) process.env[k] = v;
}
const MODEL_ENV = ["PARLEY_SUGGEST_MODEL_URL", "PARLEY_SUGGEST_MODEL", "PARLEY_SUGGEST_MODEL_KEY", "PARLEY_SUGGEST_MODEL_TIMEOUT_MS"];

beforeAll(async () => {
  server = await startFakeModelServer({ slowMs: 4000 });
  world = await setUpWorld();
  useRequester(world, "editor");
  // The seed article: the demo's one source with the whole text of a report.
  article = (await row<{ id: number; text: string }>(
    `SELECT id, text FROM "Source" WHERE negotiationId = ? AND deletedAt IS NULL AND text IS NOT NULL ORDER BY length(text) DESC LIMIT 1`,
    world.main.id,
  ))!;
  parties = await rows(`SELECT id, name FROM "Party" WHERE negotiationId = ? AND deletedAt IS NULL ORDER BY "order", name, id`, world.main.id);
  issues = await rows(`SELECT id, name FROM "Issue" WHERE negotiationId = ? AND deletedAt IS NULL ORDER BY "order", name, id`, world.main.id);
}, 180_000);
afterEach(() => {
  for (const name of MODEL_ENV) delete process.env[name];
  server.setMode("good");
  useRequester(world, "editor");
});
afterAll(async () => {
  await server?.close();
});

async function withMode(mode: FakeMode) {
  configure();
  server.setMode(mode);
  const before = server.requests.length;
  const result = await suggestForSource(world.main.id, article.id, "model");
  expect(server.requests.length, "one request to the model server").toBe(before + 1);
  return { result, request: server.requests.at(-1)! };
}

describe("suggestForSource(…, \"model\") against a fake OpenAI-compatible server", () => {
  it("is offered only when both the URL and the model name are configured", () => {
    expect(modelConfigured()).toBe(false);
    configure();
    expect(modelConfigured()).toBe(true);
  });

  it("returns the good answer mapped to ids, quotes taken from the article, in reading order", async () => {
    const { result, request } = await withMode("good");
    const expected = goodSuggestions(request);
    expect(result).toMatchObject({ ok: true, engine: `model:${MODEL}` });
    if (!result.ok) throw new Error(result.message);
    expect(result.notice).toBeUndefined();
    expect(result.suggestions).toHaveLength(2);
    const [first, second] = result.suggestions;
    expect(first).toMatchObject({ partyIds: [parties[0]!.id], issueId: issues[0]!.id, stance: "demands", firmness: null, quote: expected[0]!.quote, confidence: 0.9, reason: `Suggested by ${MODEL}` });
    // The second names its party in capitals: matched case-insensitively.
    expect(second).toMatchObject({ partyIds: [parties[1]!.id], issueId: issues[1]!.id, stance: "rejects", firmness: "firm", confidence: 0.7 });
    for (const s of result.suggestions) expect(article.text.slice(s.start, s.end)).toBe(s.quote);
  });

  it("sends the model name, the prompt with the article and a strict JSON schema whose enums are this negotiation's live lists", async () => {
    configure({ PARLEY_SUGGEST_MODEL_KEY: "sk-local-test" });
    server.setMode("good");
    await suggestForSource(world.main.id, article.id, "model");
    const request = server.requests.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/v1/chat/completions", authorization: "Bearer sk-local-test" });
    expect(request.body.model).toBe(MODEL);
    expect(request.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "parley_suggestions", strict: true } });
    const enums = enumsOf(request);
    expect(enums.parties).toEqual(parties.map((p) => p.name));
    expect(enums.issues).toEqual(issues.map((i) => i.name));
    expect(enums.parties).not.toContain("Trashed party");
    expect(enums.issues).not.toContain("Trashed issue");
    expect(enums.stances).toEqual([...STANCES]);
    expect(textOf(request)).toBe(article.text);
    // The prompt names aliases: the demo's US party is also "Washington".
    expect(request.body.messages[1]!.content).toMatch(/also called: [^\n]*Washington/);
    // The lexicon the prompt was built from is getLexicon's.
    const lexicon = await getLexicon(world.main.id);
    expect(lexicon.parties.map((p) => p.id)).toEqual(parties.map((p) => p.id));
  });

  it("drops invented quotes and says so; keeps the rest", async () => {
    const { result } = await withMode("invented");
    expect(result).toMatchObject({ ok: true, engine: `model:${MODEL}`, notice: "1 suggestion dropped: quote not in the text." });
    if (!result.ok) throw new Error(result.message);
    expect(result.suggestions).toHaveLength(1);
    expect(result.suggestions.map((s) => s.quote)).not.toContain("The parties agreed to everything on the table and signed at once.");
  });

  it.each([
    ["unknown-names", /suggested nothing usable: 1 suggestion dropped: a party not in this negotiation; 1: an issue not in this negotiation\./],
    ["wrong-stance", /suggested nothing usable: 2 suggestions dropped: a stance not in Parley's vocabulary\./],
    ["empty", /found no positions in this text/],
    ["http-500", /The model server at 127\.0\.0\.1:\d+ answered with an error \(HTTP 500\)\./],
    ["non-json", /The model server at 127\.0\.0\.1:\d+ sent an answer that is not JSON\./],
    ["prose", /gave no usable answer: its answer was not JSON\./],
  ] as const)("%s: the rule-based suggestions with a notice, never a throw, and a log line", async (mode, message) => {
    process.env.PARLEY_LOG_LEVEL = "info";
    const log = captureLog();
    try {
      const { result } = await withMode(mode);
      expect(result).toMatchObject({ ok: true, engine: "rules" });
      if (!result.ok) throw new Error(result.message);
      expect(result.suggestions).toEqual(suggestPositions(article.text, await getLexicon(world.main.id)));
      expect(result.notice).toMatch(message);
      expect(result.notice).toMatch(/The rule-based suggestions are shown instead\.$/);
      const line = log.lines().find((l) => l.event === "suggest.model");
      expect(line).toMatchObject({ level: "warn", model: MODEL, host: `127.0.0.1:${server.port}` });
      expect(log.raw()).not.toContain(article.text.slice(0, 40));
    } finally {
      log.stop();
      delete process.env.PARLEY_LOG_LEVEL;
    }
  });

  it("gives up at the configured timeout: the rules' suggestions and a notice naming the server and the seconds", async () => {
    configure({ PARLEY_SUGGEST_MODEL_TIMEOUT_MS: "1000" });
    server.setMode("slow");
    const started = Date.now();
    const result = await suggestForSource(world.main.id, article.id, "model");
    expect(Date.now() - started).toBeLessThan(3500);
    expect(result).toMatchObject({ ok: true, engine: "rules" });
    if (!result.ok) throw new Error(result.message);
    expect(result.notice).toBe(`The model server at 127.0.0.1:${server.port} did not answer within 1 s. The rule-based suggestions are shown instead.`);
  });

  it("the timeout covers the answer's body too, and an answer over 4 MB is not read to its end", async () => {
    configure({ PARLEY_SUGGEST_MODEL_TIMEOUT_MS: "1000" });
    server.setMode("slow-body");
    const started = Date.now();
    const slow = await suggestForSource(world.main.id, article.id, "model");
    expect(Date.now() - started).toBeLessThan(3500);
    expect(slow).toMatchObject({ ok: true, engine: "rules", notice: expect.stringMatching(/did not answer within 1 s\./) });
    server.setMode("huge");
    const huge = await suggestForSource(world.main.id, article.id, "model");
    expect(huge).toMatchObject({ ok: true, engine: "rules", notice: expect.stringMatching(/sent an answer larger than 4 MB\./) });
  });

  it("a server that is down: the rules' suggestions and a notice", async () => {
    const down = await startFakeModelServer();
    const url = down.url;
    await down.close();
    configure();
    process.env.PARLEY_SUGGEST_MODEL_URL = url;
    const result = await suggestForSource(world.main.id, article.id, "model");
    expect(result).toMatchObject({ ok: true, engine: "rules" });
    if (!result.ok) throw new Error(result.message);
    expect(result.notice).toMatch(/^The model server at 127\.0\.0\.1:\d+ could not be reached \(nothing is listening there\)\. The rule-based suggestions are shown instead\.$/);
  });

  it("the rules engine when asked for it, or when no model is configured (and then the model is not called)", async () => {
    const before = server.requests.length;
    expect(await suggestForSource(world.main.id, article.id, "rules")).toMatchObject({ ok: true, engine: "rules" });
    const unconfigured = await suggestForSource(world.main.id, article.id, "model");
    expect(unconfigured).toMatchObject({ ok: true, engine: "rules", notice: "No suggestion model is configured. The rule-based suggestions are shown instead." });
    expect(server.requests.length).toBe(before);
  });

  it("a viewer and an anonymous visitor are sent away (to /no-access, to sign in) before the model is asked; nothing is written", async () => {
    configure();
    const before = server.requests.length;
    const saved = await digest();
    for (const who of ["viewer", "anonymous"] as const) {
      useRequester(world, who);
      await expect(suggestForSource(world.main.id, article.id, "model"), who).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*(no-access|sign-in)/) });
    }
    expect(server.requests.length).toBe(before);
    expect(await digest()).toEqual(saved);
  });

  it("unknown, foreign, trashed and out-of-range source ids are not found; a source without text gets a message", async () => {
    configure();
    const foreign = (await row<{ id: number }>(`SELECT id FROM "Source" WHERE negotiationId = ? LIMIT 1`, world.other.id))!;
    const trashed = (await row<{ id: number }>(`SELECT id FROM "Source" WHERE title = 'Trashed source'`))!;
    for (const id of [foreign.id, trashed.id, 999_999, INT_MAX + 1, -1, 1.5]) {
      await expect(suggestForSource(world.main.id, id, "model"), String(id)).rejects.toMatchObject({ name: "NotFoundError" });
    }
    // A source of a negotiation in the trash.
    const trashedNegotiation = await createNegotiation(negotiationSchema.parse({ title: "Trashed talks", slug: "suggest-model-trashed" }), "fixture");
    const inTrash = await createInNegotiation("source", trashedNegotiation.id, sourceSchema.parse({ title: "Report", text: "Hamas insists on an end of the war." }), "fixture");
    await deleteNegotiation(trashedNegotiation.id, 1, "fixture");
    await expect(suggestForSource(trashedNegotiation.id, inTrash.id, "rules")).rejects.toMatchObject({ name: "NotFoundError" });
    const linkOnly = (await row<{ id: number }>(`SELECT id FROM "Source" WHERE title = 'Link only, undated'`))!;
    expect(await suggestForSource(world.main.id, linkOnly.id, "model")).toEqual({ ok: false, message: expect.stringMatching(/no text/) });
  });
});

describe("suggestText: the same without a source or a session (for the command line)", () => {
  it("reads a text against a lexicon with the model, needing no request", async () => {
    configure();
    server.setMode("good");
    const lexicon = await getLexicon(world.main.id);
    const text = article.text;
    const result = await suggestText(text, lexicon, "model");
    expect(result.engine).toBe(`model:${MODEL}`);
    expect(result.suggestions).toHaveLength(2);
    expect((await suggestText(text, lexicon, "rules")).engine).toBe("rules");
    // No parties or issues: the model is not asked (its schema would have an empty list).
    const before = server.requests.length;
    expect(await suggestText(text, { parties: lexicon.parties, issues: [] }, "model")).toMatchObject({ engine: "rules", notice: expect.stringMatching(/no parties or no issues/) });
    expect(server.requests.length).toBe(before);
  });
});
