// Taxonomy care on a real SQLite file with real sessions (issue 9, item 8; docs/decisions/019):
// reordering parties and issues changes the matrix order; merging an issue or a party moves
// every entry with a revision each; restoring the merged record from the trash puts back
// exactly the state before the merge; search follows the moved entries.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { digest, invoke, rows, setUpWorld, useRequester, type World } from "../support/action-harness";
import { mergeIssueAction, mergePartyAction, moveIssueAction, movePartyAction } from "@/server/actions/parties-and-issues";
import { restoreAction } from "@/server/actions/trash";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, restoreInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry, updateEntry } from "@/server/mutations/entries";
import { mergeInto, moveInOrder } from "@/server/mutations/taxonomy";
import { getMatrix, getEntry } from "@/server/queries/entries";
import { getMergePlan } from "@/server/queries/parties-and-issues";
import { searchIndex } from "@/server/queries/search";
import { ConflictError } from "@/server/errors";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

let world: World;
beforeAll(async () => {
  world = await setUpWorld();
}, 300_000);

const T = "taxonomy-test";

/** A small negotiation of its own: three parties, four issues, five entries (one joint, one in the trash). */
async function makeTalks(slug: string) {
  const n = await createNegotiation({ title: `Talks ${slug}`, slug, description: "" }, T);
  const party = async (name: string, shortName = "", aliases = "") =>
    (await createInNegotiation("party", n.id, partySchema.parse({ name, shortName, aliases, role: "party", colour: "#123456", order: "0" }), T)).id;
  const issue = async (name: string) => (await createInNegotiation("issue", n.id, issueSchema.parse({ name, order: "0" }), T)).id;
  const alpha = await party("Alpha Front", "AF", "Alphas");
  const beta = await party("Beta League", "", "BL");
  const gamma = await party("Gamma Union");
  const water = await issue("Water");
  const borders = await issue("Borders");
  const prisoners = await issue("Prisoners");
  const zones = await issue("Zones");
  const source = (await createInNegotiation("source", n.id, sourceSchema.parse({ title: "Wire", publishedOn: "2025-01-01" }), T)).id;
  const entry = async (partyIds: number[], issueId: number, statedOn: string, summary: string) =>
    (
      await createEntry(
        n.id,
        entrySchema.parse({ partyIds: partyIds.map(String), issueId: String(issueId), sourceId: String(source), statedOn, stance: "demands", summary }),
        T,
      )
    ).id;
  const e1 = await entry([alpha], water, "2025-01-01", "Alpha wants the aquifer shared.");
  const e2 = await entry([alpha, beta], water, "2025-01-02", "A joint call for a pipeline.");
  const e3 = await entry([beta], borders, "2025-01-03", "Beta wants the old line.");
  const e4 = await entry([gamma], water, "2025-01-04", "Gamma withdrew a cistern plan.");
  await trashEntry(n.id, e4, 1, T);
  const e5 = await entry([alpha], prisoners, "2025-01-05", "Alpha lists detainees.");
  return { n, alpha, beta, gamma, water, borders, prisoners, zones, e1, e2, e3, e4, e5 };
}

/** Everything a merge may touch, without the bookkeeping (versions, update times). */
async function state(negotiationId: number) {
  return {
    parties: await rows(`SELECT id, name, shortName, aliases, "order", deletedAt IS NOT NULL AS trashed FROM Party WHERE negotiationId = ? ORDER BY id`, negotiationId),
    issues: await rows(`SELECT id, name, "order", deletedAt IS NOT NULL AS trashed FROM Issue WHERE negotiationId = ? ORDER BY id`, negotiationId),
    entries: await rows(
      `SELECT e.id, e.issueId, e.summary, e.deletedAt IS NOT NULL AS trashed, (SELECT group_concat(partyId) FROM (SELECT partyId FROM PositionEntryParty WHERE entryId = e.id ORDER BY partyId) AS ordered) AS parties
       FROM PositionEntry e WHERE negotiationId = ? ORDER BY id`,
      negotiationId,
    ),
  };
}

const revisionsOf = (entityType: string, id: number) =>
  rows<{ action: string; version: number; state: string }>(`SELECT action, version, state FROM Revision WHERE entityType = ? AND entityId = ? ORDER BY id`, entityType, id);
const versionOf = async (table: string, id: number) => (await rows<{ version: number }>(`SELECT version FROM ${table} WHERE id = ?`, id))[0]!.version;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const NO_FILTERS = { negotiation: null, partyId: null, issueId: null, stance: null, from: null, to: null };

describe("reorder", () => {
  it("moves an issue one place and the matrix follows; the list is renumbered with a revision for each change", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("reorder-issues");
    const names = async () => (await getMatrix({ negotiationId: t.n.id, asOf: "2025-12-31" })).issues.map((i) => i.name);
    // All at order 0: matrix order is by name.
    expect(await names()).toEqual(["Borders", "Prisoners", "Water", "Zones"]);
    const outcome = await invoke(() => moveIssueAction(t.n.slug, t.water, {}, form({ version: "1", direction: "up" })));
    expect(outcome).toEqual({ kind: "state", state: { status: "Water moved to position 2 of 4." } });
    expect(await names()).toEqual(["Borders", "Water", "Prisoners", "Zones"]);
    const water = await revisionsOf("issue", t.water);
    expect(water.at(-1)).toMatchObject({ action: "update", version: 2 });
    expect(JSON.parse(water.at(-1)!.state)).toMatchObject({ order: 2 });
    // Every issue got its place written down once (1..4), each with a revision.
    for (const id of [t.borders, t.prisoners, t.zones]) expect((await revisionsOf("issue", id)).map((r) => r.action)).toEqual(["create", "update"]);
    // A second move writes only the two that swap.
    await invoke(() => moveIssueAction(t.n.slug, t.water, {}, form({ version: "2", direction: "up" })));
    expect(await names()).toEqual(["Water", "Borders", "Prisoners", "Zones"]);
    expect((await revisionsOf("issue", t.prisoners)).length).toBe(2);
  });

  it("moves a party down (the matrix's columns), and refuses a stale version, the first going up, and a bad direction, writing nothing", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("reorder-parties");
    const names = async () => (await getMatrix({ negotiationId: t.n.id, asOf: "2025-12-31" })).parties.map((p) => p.name);
    expect(await names()).toEqual(["Alpha Front", "Beta League", "Gamma Union"]);
    const moved = await invoke(() => movePartyAction(t.n.slug, t.alpha, {}, form({ version: "1", direction: "down" })));
    expect(moved).toEqual({ kind: "state", state: { status: "Alpha Front moved to position 2 of 3." } });
    expect(await names()).toEqual(["Beta League", "Alpha Front", "Gamma Union"]);
    const before = await digest();
    const stale = await invoke(() => movePartyAction(t.n.slug, t.alpha, {}, form({ version: "1", direction: "down" })));
    expect(stale.kind === "state" && stale.state.formError).toMatch(/Someone else changed this list/);
    const first = await invoke(async () => movePartyAction(t.n.slug, t.beta, {}, form({ version: String(await versionOf("Party", t.beta)), direction: "up" })));
    expect(first.kind === "state" && first.state.formError).toBe("Beta League is already first.");
    const sideways = await invoke(async () => movePartyAction(t.n.slug, t.beta, {}, form({ version: String(await versionOf("Party", t.beta)), direction: "left" })));
    expect(sideways.kind === "state" && sideways.state.formError).toMatch(/up or down/);
    expect(await digest()).toEqual(before);
  });
});

describe("merging issues", () => {
  it("moves every entry of the merged issue (trashed ones too) with a revision each; restoring it undoes the merge exactly", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("merge-issues");
    const before = await state(t.n.id);
    const plan = await getMergePlan("issue", t.n.id, t.water, t.borders);
    expect(plan).toMatchObject({ ok: true, entries: 3, joint: 0 });

    const outcome = await invoke(() => mergeIssueAction(t.n.slug, t.water, {}, form({ version: "1", targetId: String(t.borders) })));
    expect(outcome).toEqual({ kind: "redirect", url: `/negotiations/${t.n.slug}/issues?merged=${t.borders}` });

    const after = await state(t.n.id);
    expect(after.entries.filter((e) => e.issueId === t.water)).toEqual([]);
    expect(after.entries.filter((e) => [t.e1, t.e2, t.e4].includes(e.id as number)).map((e) => e.issueId)).toEqual([t.borders, t.borders, t.borders]);
    expect(after.issues.find((i) => i.id === t.water)).toMatchObject({ trashed: 1 });
    for (const id of [t.e1, t.e2, t.e4]) {
      const last = (await revisionsOf("entry", id)).at(-1)!;
      expect(last.action).toBe("update");
      expect(JSON.parse(last.state)).toMatchObject({ issueId: t.borders });
    }
    const deletion = (await revisionsOf("issue", t.water)).at(-1)!;
    expect(deletion.action).toBe("delete");
    expect(JSON.parse(deletion.state)).toMatchObject({ mergedInto: `Borders (#${t.borders})`, merge: { kind: "issue", targetId: t.borders, entryIds: [t.e1, t.e2, t.e4] } });

    // The matrix shows the moved entries on the target's row; search follows them.
    const matrix = await getMatrix({ negotiationId: t.n.id, asOf: "2025-12-31" });
    expect(matrix.issues.map((i) => i.name)).toEqual(["Borders", "Prisoners", "Zones"]);
    expect(matrix.cells.get(matrix.cellKey(t.borders, t.alpha))?.current?.summary).toBe("A joint call for a pipeline.");
    expect((await searchIndex("aquifer", { ...NO_FILTERS, issueId: t.borders })).entries.map((e) => e.id)).toEqual([t.e1]);

    // Restore from the trash (the trash page's own action): the state before the merge, exactly.
    const restored = await invoke(async () => restoreAction("issue", t.water, {}, form({ version: String(await versionOf("Issue", t.water)) })));
    expect(restored.kind).toBe("redirect");
    expect(await state(t.n.id)).toEqual(before);
    for (const id of [t.e1, t.e2, t.e4]) {
      const last = (await revisionsOf("entry", id)).at(-1)!;
      expect(JSON.parse(last.state)).toMatchObject({ issueId: t.water });
    }
    expect((await searchIndex("aquifer", { ...NO_FILTERS, issueId: t.water })).entries.map((e) => e.id)).toEqual([t.e1]);
    expect((await searchIndex("aquifer", { ...NO_FILTERS, issueId: t.borders })).entries).toEqual([]);
  });

  it("on undo, an entry edited since the merge comes back with its edit; one moved by hand to a third issue stays there", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("merge-edited");
    await mergeInto("issue", t.n.id, t.water, 1, t.borders, T);
    const e1 = (await getEntry(t.n.id, t.e1))!;
    const input = (issueId: number, summary: string) =>
      entrySchema.parse({ partyIds: [String(t.alpha)], issueId: String(issueId), sourceId: String(e1.sourceId), statedOn: e1.statedOn, stance: "demands", summary });
    await updateEntry(t.n.id, t.e1, e1.version, input(t.borders, "Alpha wants the aquifer shared, edited."), T);
    const e2 = (await getEntry(t.n.id, t.e2))!;
    await updateEntry(t.n.id, t.e2, e2.version, { ...input(t.zones, "Moved to zones by hand."), partyIds: [t.alpha, t.beta] } as never, T);
    const result = await restoreInNegotiation("issue", t.n.id, t.water, await versionOf("Issue", t.water), T);
    expect(result.unmerged).toBe(2); // e1 and the trashed e4
    expect(await getEntry(t.n.id, t.e1)).toMatchObject({ issueId: t.water, summary: "Alpha wants the aquifer shared, edited." });
    expect(await getEntry(t.n.id, t.e2)).toMatchObject({ issueId: t.zones });
  });

  it("refuses a target in another negotiation, the issue itself, and a stale version, writing nothing", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("merge-refusals");
    const other = await makeTalks("merge-refusals-other");
    const before = await digest();
    for (const [targetId, version] of [
      [other.borders, "1"],
      [t.water, "1"],
      [t.borders, "7"],
    ] as const) {
      const outcome = await invoke(() => mergeIssueAction(t.n.slug, t.water, {}, form({ version, targetId: String(targetId) })));
      expect(outcome.kind === "state" && outcome.state.formError, `${targetId} v${version}`).toMatch(/Choose another issue|was changed after this page was shown/);
    }
    await expect(mergeInto("issue", t.n.id, t.water, 7, t.borders, T)).rejects.toBeInstanceOf(ConflictError);
    expect(await digest()).toEqual(before);
  });
});

describe("merging parties", () => {
  it("credits the merged party's entries to the target, keeps a joint statement with one link, adds its names; restoring undoes it exactly", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("merge-parties");
    const before = await state(t.n.id);
    expect(await getMergePlan("party", t.n.id, t.alpha, t.beta)).toMatchObject({ ok: true, entries: 3, joint: 1, addedAliases: ["Alpha Front", "AF", "Alphas"] });

    const outcome = await invoke(() => mergePartyAction(t.n.slug, t.alpha, {}, form({ version: "1", targetId: String(t.beta) })));
    expect(outcome).toEqual({ kind: "redirect", url: `/negotiations/${t.n.slug}/parties?merged=${t.beta}` });

    const after = await state(t.n.id);
    const partiesOf = (id: number) => after.entries.find((e) => e.id === id)!.parties;
    expect([partiesOf(t.e1), partiesOf(t.e2), partiesOf(t.e5)]).toEqual([String(t.beta), String(t.beta), String(t.beta)]);
    expect(after.parties.find((p) => p.id === t.beta)).toMatchObject({ aliases: "BL\nAlpha Front\nAF\nAlphas", trashed: 0 });
    expect(after.parties.find((p) => p.id === t.alpha)).toMatchObject({ trashed: 1 });
    for (const id of [t.e1, t.e2, t.e5]) expect(JSON.parse((await revisionsOf("entry", id)).at(-1)!.state)).toMatchObject({ partyIds: [t.beta] });
    expect(JSON.parse((await revisionsOf("party", t.alpha)).at(-1)!.state)).toMatchObject({
      merge: { kind: "party", targetId: t.beta, entryIds: [t.e1, t.e5], jointEntryIds: [t.e2], addedAliases: ["Alpha Front", "AF", "Alphas"] },
    });
    // Search by the merged party's old names finds its statements under the target.
    const hits = await searchIndex("Alphas", { ...NO_FILTERS, negotiation: t.n.slug });
    expect(hits.entries.map((e) => e.id).sort()).toEqual([t.e1, t.e2, t.e3, t.e5].sort());
    const matrix = await getMatrix({ negotiationId: t.n.id, asOf: "2025-12-31" });
    expect(matrix.parties.map((p) => p.name)).toEqual(["Beta League", "Gamma Union"]);
    expect(matrix.cells.get(matrix.cellKey(t.prisoners, t.beta))?.current?.summary).toBe("Alpha lists detainees.");

    const restored = await invoke(async () => restoreAction("party", t.alpha, {}, form({ version: String(await versionOf("Party", t.alpha)) })));
    expect(restored.kind).toBe("redirect");
    expect(await state(t.n.id)).toEqual(before);
    expect(JSON.parse((await revisionsOf("entry", t.e2)).at(-1)!.state)).toMatchObject({ partyIds: [t.alpha, t.beta].sort((a, b) => a - b) });
    expect(JSON.parse((await revisionsOf("party", t.beta)).at(-1)!.state)).toMatchObject({ aliases: "BL" });
  });

  it("refuses a viewer, an anonymous reader and a foreign origin, writing nothing", async () => {
    const t = await makeTalks("merge-viewer");
    const before = await digest();
    for (const who of ["viewer", "anonymous", "cross-origin"] as const) {
      useRequester(world, who);
      for (const call of [
        () => mergePartyAction(t.n.slug, t.alpha, {}, form({ version: "1", targetId: String(t.beta) })),
        () => mergeIssueAction(t.n.slug, t.water, {}, form({ version: "1", targetId: String(t.borders) })),
        () => movePartyAction(t.n.slug, t.alpha, {}, form({ version: "1", direction: "down" })),
        () => moveIssueAction(t.n.slug, t.water, {}, form({ version: "1", direction: "up" })),
      ]) {
        const outcome = await invoke(call);
        expect(outcome.kind === "state" && outcome.state.formError, who).toBeTruthy();
      }
    }
    expect(await digest()).toEqual(before);
    await expect(moveInOrder("issue", t.n.id, t.water, 1, "up", T)).resolves.toMatchObject({ position: 2 });
  });
});
