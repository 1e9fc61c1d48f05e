// Suggested positions in the workbench (issue 12 item 2; docs/decisions/035): the lexicon and the
// rules path of server/suggestions.ts, and the batch action with suggestion rows (accepted ones
// saved with their provenance, the others kept in the form, a tampered origin ignored), on a
// real database file (and on PostgreSQL with PARLEY_TEST_PG).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { createEntriesAction } from "@/server/actions/entries";
import { getLexicon, suggestForSource } from "@/server/suggestions";
import { getDb } from "@/server/db";
import { listEntriesOfSource } from "@/server/queries/entries";
import { encodeOrigin } from "@/lib/suggest/provenance";
import { digest, invoke, setUpWorld, useRequester, type World } from "../support/action-harness";

let world: World;
let source: { id: number; publishedOn: string | null };
let parties: number[];
let issues: number[];
const QUOTE = "no deal without a full withdrawal";

beforeAll(async () => {
  world = await setUpWorld();
  useRequester(world, "editor");
  const db = await getDb();
  source = await db.source.findFirstOrThrow({ where: { title: "Statement in three scripts" }, select: { id: true, publishedOn: true } });
  parties = (await db.party.findMany({ where: { negotiationId: world.main.id, deletedAt: null }, orderBy: { id: "asc" }, take: 3, select: { id: true } })).map((p) => p.id);
  issues = (await db.issue.findMany({ where: { negotiationId: world.main.id, deletedAt: null }, orderBy: { id: "asc" }, take: 3, select: { id: true } })).map((i) => i.id);
}, 180_000);

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
}

type Row = Record<string, string | string[]>;
function batch(rowsByKey: Record<string, Row>): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = { rows: Object.keys(rowsByKey), statedOn: "", submissionId: crypto.randomUUID() };
  for (const [key, r] of Object.entries(rowsByKey)) for (const [name, v] of Object.entries(r)) fields[`row${key}.${name}`] = v;
  return fields;
}

/** A suggestion row as the page renders it: the fields prefilled and the origin beside them. */
function suggestionRow(summary: string, review: string, change: Row = {}, origin?: string): Row {
  const suggestion = { engine: "rules" as const, partyIds: [parties[0]!], issueId: issues[0]!, stance: "demands" as const, firmness: null, quote: QUOTE };
  return {
    partyIds: [String(parties[0])],
    issueId: String(issues[0]),
    stance: "demands",
    firmness: "",
    summary,
    quote: QUOTE,
    notes: "",
    suggestion: origin ?? encodeOrigin(suggestion),
    review,
    ...change,
  };
}

async function saved(summary: string) {
  const db = await getDb();
  return db.positionEntry.findMany({ where: { summary }, select: { id: true, suggestedBy: true, suggestionEdited: true } });
}

describe("the lexicon and the rules path", () => {
  it("getLexicon: live parties with their other names and live issues with their words, one per line", async () => {
    const db = await getDb();
    await db.issue.update({ where: { id: issues[1]! }, data: { keywords: "truce\npause in fighting" } });
    await db.party.update({ where: { id: parties[1]! }, data: { aliases: "Jerusalem\nIsraeli officials" } });
    const lexicon = await getLexicon(world.main.id);
    expect(lexicon.issues.find((i) => i.id === issues[1])?.keywords).toEqual(["truce", "pause in fighting"]);
    expect(lexicon.parties.find((p) => p.id === parties[1])?.aliases).toEqual(["Jerusalem", "Israeli officials"]);
    const live = await db.party.count({ where: { negotiationId: world.main.id, deletedAt: null } });
    expect(lexicon.parties).toHaveLength(live);
  });

  it("suggestForSource: the rules read a source with text; a text-less source gets a message, an unknown or foreign one is not found", async () => {
    const result = await suggestForSource(world.main.id, source.id, "rules");
    expect(result).toMatchObject({ ok: true, engine: "rules" });
    if (result.ok) for (const s of result.suggestions) expect(s.quote).toBe((await (await getDb()).source.findUniqueOrThrow({ where: { id: source.id } })).text!.slice(s.start, s.end));
    const db = await getDb();
    const linkOnly = await db.source.findFirstOrThrow({ where: { title: "Link only, undated" }, select: { id: true } });
    const foreign = await db.source.findFirstOrThrow({ where: { negotiationId: world.other.id }, select: { id: true } });
    expect(await suggestForSource(world.main.id, linkOnly.id, "rules")).toMatchObject({ ok: false, message: expect.stringContaining("no text") });
    for (const id of [foreign.id, 2_000_000_000, 2 ** 40]) {
      await expect(suggestForSource(world.main.id, id, "rules"), String(id)).rejects.toMatchObject({ name: "NotFoundError" });
    }
  });

  it("suggestForSource needs an editor: a viewer is sent to the no-access page", async () => {
    try {
      useRequester(world, "viewer");
      const outcome = await invoke(async () => ((await suggestForSource(world.main.id, source.id, "rules")), {}));
      expect(outcome).toEqual({ kind: "redirect", url: "/no-access?needed=editor" });
    } finally {
      useRequester(world, "editor");
    }
  });
});

describe("batch entry with suggestion rows", () => {
  it("saves accepted rows with their reader, keeps pending and rejected ones in the form, and says how many are left", async () => {
    const tag = `suggested-${Date.now()}`;
    const fields = batch({
      "1": suggestionRow(`${tag} as suggested`, "accepted"),
      "2": suggestionRow(`${tag} summary rewritten`, "accepted", { notes: "my own words" }),
      "3": suggestionRow(`${tag} stance changed`, "accepted", { stance: "rejects" }),
      "4": suggestionRow(`${tag} pending`, "pending"),
      "5": suggestionRow(`${tag} rejected`, "rejected"),
      "6": { partyIds: [String(parties[2])], issueId: String(issues[2]), stance: "supports", summary: `${tag} by hand` },
    });
    const outcome = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(fields)));
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    expect(outcome.state.status).toBe("4 positions saved; 1 suggestion still to accept or reject.");
    expect(await saved(`${tag} as suggested`)).toEqual([expect.objectContaining({ suggestedBy: "rules", suggestionEdited: false })]);
    // The summary and notes are the analyst's own words: not an edit of the suggestion.
    expect(await saved(`${tag} summary rewritten`)).toEqual([expect.objectContaining({ suggestedBy: "rules", suggestionEdited: false })]);
    expect(await saved(`${tag} stance changed`)).toEqual([expect.objectContaining({ suggestedBy: "rules", suggestionEdited: true })]);
    expect(await saved(`${tag} by hand`)).toEqual([expect.objectContaining({ suggestedBy: null, suggestionEdited: null })]);
    // Nothing is saved without a click: the pending and rejected rows stay in the form, as they were.
    expect(await saved(`${tag} pending`)).toEqual([]);
    expect(await saved(`${tag} rejected`)).toEqual([]);
    expect(outcome.state.values?.rows).toEqual(["4", "5"]);
    expect(outcome.state.values?.["row4.review"]).toBe("pending");
    expect(outcome.state.values?.["row5.review"]).toBe("rejected");
    expect(outcome.state.values?.["row4.summary"]).toBe(`${tag} pending`);
    // The revision carries the provenance.
    const [entry] = await saved(`${tag} stance changed`);
    const revision = await (await getDb()).revision.findFirstOrThrow({ where: { entityType: "entry", entityId: entry!.id } });
    expect(JSON.parse(revision.state)).toMatchObject({ suggestedBy: "rules", suggestionEdited: true });
    // The entry reads (cards, histories) carry it, true/false/null alike on SQLite (0/1) and PostgreSQL.
    const listed = await listEntriesOfSource(world.main.id, source.id);
    const [plain] = await saved(`${tag} as suggested`);
    const [hand] = await saved(`${tag} by hand`);
    expect(listed.find((e) => e.id === entry!.id)).toMatchObject({ suggestedBy: "rules", suggestionEdited: true });
    expect(listed.find((e) => e.id === plain!.id)).toMatchObject({ suggestedBy: "rules", suggestionEdited: false });
    expect(listed.find((e) => e.id === hand!.id)).toMatchObject({ suggestedBy: null, suggestionEdited: null });
  });

  it("only pending suggestions: nothing saved, and the status says so", async () => {
    const before = await digest();
    const outcome = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(batch({ "1": suggestionRow("pending only", "pending"), "2": suggestionRow("pending two", "maybe") }))));
    expect(outcome.kind === "state" && outcome.state.status).toBe("Nothing saved; 2 suggestions still to accept or reject.");
    expect(await digest()).toEqual(before);
  });

  it("a tampered or malformed origin is ignored: the entry is saved as typed by hand", async () => {
    const tag = `tampered-${Date.now()}`;
    const forged = (o: object) => JSON.stringify({ engine: "rules", partyIds: [parties[0]], issueId: issues[0], stance: "demands", firmness: null, quote: QUOTE, ...o });
    const fields = batch({
      "1": suggestionRow(`${tag} not json`, "accepted", {}, "{not json"),
      "2": suggestionRow(`${tag} invented quote`, "accepted", {}, forged({ quote: "words the source never said" })),
      "3": suggestionRow(`${tag} unknown party`, "accepted", {}, forged({ partyIds: [2_000_000_000] })),
      "4": suggestionRow(`${tag} extra key`, "accepted", {}, forged({ __proto__: 1, admin: true })),
      "5": suggestionRow(`${tag} bad engine`, "accepted", {}, forged({ engine: "me" })),
    });
    const outcome = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(fields)));
    expect(outcome.kind === "state" && outcome.state.status).toBe("5 positions saved.");
    for (const what of ["not json", "invented quote", "unknown party", "extra key", "bad engine"]) {
      expect(await saved(`${tag} ${what}`), what).toEqual([expect.objectContaining({ suggestedBy: null, suggestionEdited: null })]);
    }
  });

  it("a viewer is refused and nothing is written, accepted suggestions or not", async () => {
    try {
      useRequester(world, "viewer");
      const before = await digest();
      const outcome = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(batch({ "1": suggestionRow("viewer", "accepted") }))));
      expect(outcome.kind === "state" && outcome.state.formError).toBeTruthy();
      expect(await digest()).toEqual(before);
    } finally {
      useRequester(world, "editor");
    }
  });
});
