// Batch entry (issue 9, item 2; docs/decisions/018) and the single form's "Save and add another":
// the real actions, in-process, against a real SQLite file with real sessions.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { createEntriesAction, createEntryAction } from "@/server/actions/entries";
import { digest, invoke, row, rows, setUpWorld, useRequester, type World } from "../support/action-harness";

let world: World;
let source: { id: number; publishedOn: string };
let parties: number[];
let issues: number[];
beforeAll(async () => {
  world = await setUpWorld();
  useRequester(world, "editor");
  source = (await row<{ id: number; publishedOn: string }>(`SELECT id, publishedOn FROM "Source" WHERE title = 'Statement in three scripts'`))!;
  parties = (await rows<{ id: number }>(`SELECT id FROM "Party" WHERE negotiationId = ? AND deletedAt IS NULL ORDER BY id LIMIT 3`, world.main.id)).map((p) => p.id);
  issues = (await rows<{ id: number }>(`SELECT id FROM "Issue" WHERE negotiationId = ? AND deletedAt IS NULL ORDER BY id LIMIT 3`, world.main.id)).map((i) => i.id);
}, 180_000);

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
}

type Row = { partyIds?: string[]; issueId?: string; stance?: string; firmness?: string; summary?: string; quote?: string; notes?: string };
/** A batch form as the page sends it: the row list, the date, the token and each row's fields. */
function batch(rowsByKey: Record<string, Row>, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = { rows: Object.keys(rowsByKey), statedOn: "", submissionId: crypto.randomUUID(), ...extra };
  for (const [key, r] of Object.entries(rowsByKey)) for (const [name, v] of Object.entries(r)) fields[`row${key}.${name}`] = v;
  return fields;
}
const good = (n: number, summary: string): Row => ({ partyIds: [String(parties[n % 3])], issueId: String(issues[n % 3]), stance: "demands", summary });

async function entriesWithSummary(summary: string) {
  return rows<{ id: number; statedOn: string; sourceId: number }>(`SELECT id, statedOn, sourceId FROM "PositionEntry" WHERE summary = ?`, summary);
}

describe("batch entry: each row on its own", () => {
  it("saves valid rows with their revisions and returns the invalid one with its values and message", async () => {
    const tag = `valid-and-invalid-${Date.now()}`;
    const fields = batch({
      "1": good(0, `${tag} one`),
      "2": { ...good(1, `${tag} two`), quote: "no deal without a full withdrawal" },
      "3": { partyIds: [String(parties[2])], issueId: String(issues[2]), stance: "rejects", summary: "", quote: "words the source never said" },
    });
    const outcome = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(fields)));
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    const state = outcome.state;
    expect(state.status).toBe("2 positions saved, 1 row needs fixing.");
    // The bad row's messages sit under its own field names; its values are kept as typed.
    expect(state.fieldErrors?.["row3.summary"]).toEqual(["Summarise the position in your own words."]);
    expect(state.values?.["row3.quote"]).toBe("words the source never said");
    expect(state.values?.["row3.partyIds"]).toEqual([String(parties[2])]);
    expect(state.values?.rows).toEqual(["3"]);
    // Saved rows leave the form and are listed as saved.
    expect(state.values?.["row1.summary"]).toBeUndefined();
    expect(state.saved?.map((s) => s.label)).toHaveLength(2);
    expect(state.saved?.[0]?.href).toMatch(new RegExp(`^/negotiations/${world.main.slug}\\?asOf=${source.publishedOn}&saved=\\d+`));
    for (const summary of [`${tag} one`, `${tag} two`]) {
      const [entry] = await entriesWithSummary(summary);
      // The batch's date defaults to the source's; each saved row has its create revision.
      expect(entry).toMatchObject({ statedOn: source.publishedOn, sourceId: source.id });
      expect(await row(`SELECT action, version FROM "Revision" WHERE entityType = 'entry' AND entityId = ?`, entry!.id)).toEqual({ action: "create", version: 1 });
    }
  });

  it("checks a row's quote against the source's text as the single form does (the same mutation)", async () => {
    const tag = `quote-${Date.now()}`;
    const outcome = await invoke(() =>
      createEntriesAction(world.main.slug, source.id, {}, form(batch({ "1": good(0, `${tag} ok`), "2": { ...good(1, `${tag} bad`), quote: "not in the text at all" } }))),
    );
    expect(outcome.kind === "state" && outcome.state.fieldErrors?.["row2.quote"]?.[0]).toMatch(/does not occur in the source's text/);
    expect(await entriesWithSummary(`${tag} ok`)).toHaveLength(1);
    expect(await entriesWithSummary(`${tag} bad`)).toHaveLength(0);
  });

  it("leaves empty rows out, without a message", async () => {
    const tag = `empty-${Date.now()}`;
    const outcome = await invoke(() =>
      createEntriesAction(world.main.slug, source.id, {}, form(batch({ "1": good(0, tag), "2": { partyIds: [], summary: "  " }, "3": {} }))),
    );
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    expect(outcome.state.status).toBe("1 position saved.");
    expect(outcome.state.fieldErrors).toBeUndefined();
    // All saved: a fresh form with three rows, the date kept, a new token.
    expect(outcome.state.values?.rows).toEqual(["1", "2", "3"]);
    expect(await entriesWithSummary(tag)).toHaveLength(1);
  });

  it("an all-empty batch saves nothing and says so", async () => {
    const before = await digest();
    const outcome = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(batch({ "1": {}, "2": {} }))));
    expect(outcome.kind === "state" && outcome.state.formError).toMatch(/Every row is empty/);
    expect(await digest()).toEqual(before);
  });

  it("a wrong batch date is the batch field's error and no row is saved", async () => {
    const before = await digest();
    const outcome = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(batch({ "1": good(0, "never") }, { statedOn: "2024-02-30" }))));
    expect(outcome.kind === "state" && outcome.state.fieldErrors?.statedOn?.[0]).toMatch(/not a real date/);
    expect(outcome.kind === "state" && outcome.state.values?.["row1.summary"]).toBe("never");
    expect(await digest()).toEqual(before);
  });

  it("the same form sent twice (or at once) saves each row once", async () => {
    const tag = `twice-${Date.now()}`;
    const fields = batch({ "1": good(0, `${tag} a`), "2": good(1, `${tag} b`) });
    const [a, b] = await Promise.all([
      invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(fields))),
      invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(fields))),
    ]);
    const again = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(fields)));
    for (const o of [a, b, again]) expect(o.kind === "state" && o.state.status).toBe("2 positions saved.");
    expect(await entriesWithSummary(`${tag} a`)).toHaveLength(1);
    expect(await entriesWithSummary(`${tag} b`)).toHaveLength(1);
  });

  it("a viewer, an anonymous visitor and a foreign origin are refused and nothing is written", async () => {
    try {
      for (const who of ["viewer", "anonymous", "cross-origin"] as const) {
        useRequester(world, who);
        const before = await digest();
        const outcome = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(batch({ "1": good(0, `refused ${who}`) }))));
        expect(outcome.kind === "state" && outcome.state.formError, who).toBeTruthy();
        expect(await digest(), who).toEqual(before);
      }
    } finally {
      useRequester(world, "editor");
    }
  });

  it("a source of another negotiation, or an unknown one, is refused as not found", async () => {
    const foreign = (await row<{ id: number }>(`SELECT id FROM "Source" WHERE negotiationId = ?`, world.other.id))!;
    for (const id of [foreign.id, 2_000_000_000]) {
      const before = await digest();
      const outcome = await invoke(() => createEntriesAction(world.main.slug, id, {}, form(batch({ "1": good(0, "foreign") }))));
      expect(outcome.kind === "state" && outcome.state.formError).toMatch(/no longer exists/);
      expect(await digest()).toEqual(before);
    }
  });

  it("a malformed row list is refused whole", async () => {
    const before = await digest();
    const outcome = await invoke(() => createEntriesAction(world.main.slug, source.id, {}, form(batch({ "1": good(0, "dup") }, { rows: ["1", "1"] }))));
    expect(outcome.kind === "state" && outcome.state.formError).toMatch(/not sent as the page sends them/);
    expect(await digest()).toEqual(before);
  });
});

describe("Save and add another", () => {
  it("saves, then answers with a fresh form keeping the source, the date and the parties, and says what was saved", async () => {
    const summary = `another-${Date.now()}`;
    const fields = {
      partyIds: [String(parties[0]), String(parties[1])],
      issueId: String(issues[0]),
      sourceId: String(source.id),
      statedOn: "2024-08-02",
      stance: "proposes",
      summary,
      submissionId: crypto.randomUUID(),
      then: "another",
    };
    const outcome = await invoke(() => createEntryAction(world.main.slug, {}, form(fields)));
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    expect(outcome.state.status).toMatch(/^Saved: .+, .+ on .+: Proposes \(2 Aug 2024\)\. Add the next position from the same source\.$/);
    expect(outcome.state.values).toMatchObject({ sourceId: fields.sourceId, statedOn: "2024-08-02", partyIds: fields.partyIds });
    expect(outcome.state.values?.summary).toBeUndefined();
    expect(outcome.state.values?.submissionId).not.toBe(fields.submissionId);
    expect(await entriesWithSummary(summary)).toHaveLength(1);
  });

  it("the plain button still goes to the matrix", async () => {
    const outcome = await invoke(() =>
      createEntryAction(world.main.slug, {}, form({ partyIds: [String(parties[0])], issueId: String(issues[0]), sourceId: String(source.id), stance: "demands", summary: `plain-${Date.now()}` })),
    );
    expect(outcome.kind === "redirect" && outcome.url).toMatch(/\?asOf=.*&saved=/);
  });
});
