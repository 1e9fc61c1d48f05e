// Sides on a real SQLite file with real sessions (issue 11, item 1; docs/decisions/027-sides.md):
// create, rename, recolour, reorder, trash and restore a side, each with a revision and a version
// check; a party joins a side through its form; the gap view's rule follows the side.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { digest, invoke, rows, setUpWorld, useRequester, type World } from "../support/action-harness";
import {
  createSideAction,
  deleteSideAction,
  moveSideAction,
  updatePartyAction,
  updateSideAction,
} from "@/server/actions/parties-and-issues";
import { restoreAction } from "@/server/actions/trash";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { createEntry } from "@/server/mutations/entries";
import { getAsOfEntries } from "@/server/queries/entries";
import { listSides } from "@/server/queries/sides";
import { listParties } from "@/server/queries/parties-and-issues";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";
import { buildGapRows } from "@/lib/gaps-view";

let world: World;
beforeAll(async () => {
  world = await setUpWorld();
}, 300_000);

const T = "sides-test";
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const revisionsOf = (id: number) => rows<{ action: string; version: number; state: string }>(`SELECT action, version, state FROM Revision WHERE entityType = 'side' AND entityId = ? ORDER BY id`, id);

/** Two allied factions who both demand a ceasefire, and a government that has said nothing. */
async function makeTalks(slug: string) {
  const n = await createNegotiation({ title: `Talks ${slug}`, slug, description: "" }, T);
  const party = async (name: string, order: string) =>
    (await createInNegotiation("party", n.id, partySchema.parse({ name, role: "party", colour: "#0072b2", order }), T)).id;
  const hamas = await party("Hamas", "1");
  const pij = await party("Islamic Jihad", "2");
  const israel = await party("Israel", "3");
  const ceasefire = (await createInNegotiation("issue", n.id, issueSchema.parse({ name: "Permanent ceasefire", order: "1" }), T)).id;
  const source = (await createInNegotiation("source", n.id, sourceSchema.parse({ title: "Wire", publishedOn: "2024-05-01" }), T)).id;
  for (const p of [hamas, pij]) {
    await createEntry(
      n.id,
      entrySchema.parse({ partyIds: [String(p)], issueId: String(ceasefire), sourceId: String(source), statedOn: "2024-05-01", stance: "demands", summary: "A permanent ceasefire." }),
      T,
    );
  }
  return { n, hamas, pij, israel, ceasefire };
}

async function ceasefireStatus(negotiationId: number) {
  const [{ parties, issues, entries }, sides] = await Promise.all([getAsOfEntries({ negotiationId, asOf: "2024-06-01" }), listSides(negotiationId)]);
  return buildGapRows({ issues, parties, sides, entries, asOf: "2024-06-01", sort: "matrix" })[0]!.gap;
}

const partyForm = async (negotiationId: number, id: number, sideId: string) => {
  const p = (await listParties(negotiationId)).find((x) => x.id === id)!;
  return form({ name: p.name, shortName: p.shortName, aliases: p.aliases, role: p.role, colour: p.colour, order: String(p.order), version: String(p.version), sideId });
};

describe("sides", () => {
  it("creates, renames, recolours and reorders a side, each change with a revision; a new side goes last", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("sides-crud");
    expect(await invoke(() => createSideAction(t.n.slug, {}, form({ name: "Palestinian factions", colour: "#009e73" })))).toEqual({
      kind: "redirect",
      url: `/negotiations/${t.n.slug}/sides`,
    });
    await invoke(() => createSideAction(t.n.slug, {}, form({ name: "Israel", colour: "#d55e00" })));
    let sides = await listSides(t.n.id);
    expect(sides.map((s) => [s.name, s.order, s.colour])).toEqual([
      ["Palestinian factions", 1, "#009e73"],
      ["Israel", 2, "#d55e00"],
    ]);
    const factions = sides[0]!;
    await invoke(() => updateSideAction(t.n.slug, factions.id, {}, form({ name: "Factions", colour: "#CC79A7", version: "1" })));
    const moved = await invoke(() => moveSideAction(t.n.slug, factions.id, {}, form({ version: "2", direction: "down" })));
    expect(moved).toEqual({ kind: "state", state: { status: "Factions moved to position 2 of 2." } });
    sides = await listSides(t.n.id);
    expect(sides.map((s) => [s.name, s.colour])).toEqual([
      ["Israel", "#d55e00"],
      ["Factions", "#cc79a7"],
    ]);
    expect((await revisionsOf(factions.id)).map((r) => r.action)).toEqual(["create", "update", "update"]);
  });

  it("refuses a colour outside the palette, an empty name and a stale version by the field, writing nothing", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("sides-refusals");
    await invoke(() => createSideAction(t.n.slug, {}, form({ name: "Israel", colour: "#0072b2" })));
    const side = (await listSides(t.n.id))[0]!;
    const before = await digest();
    const hex = await invoke(() => createSideAction(t.n.slug, {}, form({ name: "Mediators", colour: "#123456" })));
    expect(hex.kind === "state" && hex.state.fieldErrors?.colour).toEqual(["Choose one of the listed colours."]);
    expect(hex.kind === "state" && hex.state.values?.name).toBe("Mediators");
    const empty = await invoke(() => createSideAction(t.n.slug, {}, form({ name: "  ", colour: "#0072b2" })));
    expect(empty.kind === "state" && empty.state.fieldErrors?.name).toBeTruthy();
    await invoke(() => updateSideAction(t.n.slug, side.id, {}, form({ name: "Israel (government)", colour: "#0072b2", version: "1" })));
    const afterFirst = await digest();
    const stale = await invoke(() => updateSideAction(t.n.slug, side.id, {}, form({ name: "Israel again", colour: "#0072b2", version: "1" })));
    expect(stale.kind === "state" && stale.state.formError).toBeTruthy();
    expect(await digest()).toEqual(afterFirst);
    expect(afterFirst.Side).not.toEqual(before.Side);
    // An unknown side id is "no longer exists", also beyond 32 bits, and writes nothing.
    for (const id of [999_999, 2 ** 31]) {
      const missing = await invoke(() => updateSideAction(t.n.slug, id, {}, form({ name: "X", colour: "#0072b2", version: "1" })));
      expect(missing.kind === "state" && missing.state.formError).toMatch(/no longer exists/);
    }
    expect(await digest()).toEqual(afterFirst);
  });

  it("grouping two allies into one side turns 'Demands on both sides' into one side speaking; trashing the side ungroups them, restoring groups them again", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("sides-gap");
    expect(await ceasefireStatus(t.n.id)).toMatchObject({ status: "opposed", reason: "Demands on both sides" });

    await invoke(() => createSideAction(t.n.slug, {}, form({ name: "Palestinian factions", colour: "#009e73" })));
    const side = (await listSides(t.n.id))[0]!;
    for (const id of [t.hamas, t.pij]) {
      expect(await invoke(async () => updatePartyAction(t.n.slug, id, {}, await partyForm(t.n.id, id, String(side.id))))).toMatchObject({ kind: "redirect" });
    }
    expect(await ceasefireStatus(t.n.id)).toMatchObject({ status: "open", reason: "Only one side has stated a position" });

    // To the trash: its parties count as without a side (and keep their sideId for the restore).
    await invoke(() => deleteSideAction(t.n.slug, side.id, {}, form({ version: "1" })));
    expect(await listSides(t.n.id)).toEqual([]);
    expect(await ceasefireStatus(t.n.id)).toMatchObject({ status: "opposed" });
    useRequester(world, "editor");
    expect(await invoke(() => restoreAction("side", side.id, {}, form({ version: "2" })))).toMatchObject({ kind: "redirect" });
    expect(await ceasefireStatus(t.n.id)).toMatchObject({ status: "open" });
    expect((await revisionsOf(side.id)).map((r) => r.action)).toEqual(["create", "delete", "restore"]);

    // "No side" takes a party out again.
    await invoke(async () => updatePartyAction(t.n.slug, t.pij, {}, await partyForm(t.n.id, t.pij, "")));
    expect(await ceasefireStatus(t.n.id)).toMatchObject({ status: "opposed" });
  });

  it("a party cannot join a side of another negotiation or one in the trash; a form without the Side field leaves the side as it is", async () => {
    useRequester(world, "editor");
    const t = await makeTalks("sides-party");
    const other = await makeTalks("sides-party-other");
    await invoke(() => createSideAction(other.n.slug, {}, form({ name: "Elsewhere", colour: "#009e73" })));
    const foreign = (await listSides(other.n.id))[0]!;
    const before = await digest();
    const refused = await invoke(async () => updatePartyAction(t.n.slug, t.hamas, {}, await partyForm(t.n.id, t.hamas, String(foreign.id))));
    expect(refused.kind === "state" && refused.state.fieldErrors?.sideId).toBeTruthy();
    const bad = await invoke(async () => updatePartyAction(t.n.slug, t.hamas, {}, await partyForm(t.n.id, t.hamas, "abc")));
    expect(bad.kind === "state" && bad.state.fieldErrors?.sideId).toEqual(["Choose a side from the list."]);
    expect(await digest()).toEqual(before);

    await invoke(() => createSideAction(t.n.slug, {}, form({ name: "Factions", colour: "#009e73" })));
    const side = (await listSides(t.n.id))[0]!;
    await invoke(async () => updatePartyAction(t.n.slug, t.hamas, {}, await partyForm(t.n.id, t.hamas, String(side.id))));
    const withoutField = await partyForm(t.n.id, t.hamas, "");
    withoutField.delete("sideId");
    withoutField.set("name", "Hamas (movement)");
    await invoke(() => updatePartyAction(t.n.slug, t.hamas, {}, withoutField));
    expect((await listParties(t.n.id)).find((p) => p.id === t.hamas)).toMatchObject({ name: "Hamas (movement)", sideId: side.id });

    // A side in the trash cannot be chosen.
    await invoke(() => createSideAction(t.n.slug, {}, form({ name: "Gone", colour: "#d55e00" })));
    const gone = (await listSides(t.n.id)).find((x) => x.name === "Gone")!;
    await invoke(() => deleteSideAction(t.n.slug, gone.id, {}, form({ version: "1" })));
    const beforeTrashed = await digest();
    const trashed = await invoke(async () => updatePartyAction(t.n.slug, t.pij, {}, await partyForm(t.n.id, t.pij, String(gone.id))));
    expect(trashed.kind === "state" && trashed.state.fieldErrors?.sideId).toBeTruthy();
    expect(await digest()).toEqual(beforeTrashed);
  });

  it("a reader cannot create a side", async () => {
    useRequester(world, "viewer");
    const t = world.main;
    const before = await digest();
    const outcome = await invoke(() => createSideAction(t.slug, {}, form({ name: "Readers", colour: "#009e73" })));
    expect(outcome.kind).not.toBe("redirect");
    expect(await digest()).toEqual(before);
  });
});
