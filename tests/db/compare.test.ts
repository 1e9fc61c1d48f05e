// Compare two dates against a real SQLite file: a fixture with known moves, exactly those cells back.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { createEntry } from "@/server/mutations/entries";
import { getComparison, getNegotiationEntries } from "@/server/queries/entries";
import { compareDates } from "@/lib/history";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

let negotiationId = 0;
const party: Record<string, number> = {};
const issue: Record<string, number> = {};
let sourceId = 0;

async function say(who: string[], on: string, stance: string, statedOn: string, extra: Record<string, string> = {}) {
  await createEntry(
    negotiationId,
    entrySchema.parse({
      partyIds: who.map((w) => String(party[w])),
      issueId: String(issue[on]),
      sourceId: String(sourceId),
      stance,
      statedOn,
      summary: extra.summary ?? `${who.join("+")} ${stance} on ${on}`,
      firmness: extra.firmness ?? "",
      changeOverride: extra.changeOverride ?? "",
    }),
    "test",
  );
}

beforeAll(async () => {
  useFreshDatabase();
  negotiationId = (await createNegotiation({ title: "Moves", slug: "", description: "" }, "test")).id;
  for (const [i, name] of ["A", "B", "C"].entries()) {
    party[name] = (await createInNegotiation("party", negotiationId, partySchema.parse({ name, role: "party", colour: "#000000", order: String(i) }), "test")).id;
  }
  for (const [i, name] of ["withdrawal", "ceasefire", "aid", "prisoners"].entries()) {
    issue[name] = (await createInNegotiation("issue", negotiationId, issueSchema.parse({ name, order: String(i) }), "test")).id;
  }
  sourceId = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Wire", url: "https://example.org" }), "test")).id;

  // Before date A (2024-06-01):
  await say(["A"], "withdrawal", "demands", "2024-05-01");
  await say(["B"], "withdrawal", "rejects", "2024-05-01");
  await say(["A"], "ceasefire", "accepts", "2024-05-01");
  await say(["C"], "aid", "proposes", "2024-05-01", { firmness: "firm" });
  await say(["B"], "prisoners", "demands", "2024-05-01");
  // Between A and B (2024-07-01):
  await say(["A"], "withdrawal", "conditions", "2024-06-10"); // softened
  await say(["A"], "ceasefire", "rejects", "2024-06-15"); // reversed
  await say(["C"], "aid", "proposes", "2024-06-20", { firmness: "red_line" }); // hardened
  await say(["B", "C"], "ceasefire", "demands", "2024-06-20"); // joint: new for B and for C
  await say(["B"], "prisoners", "demands", "2024-06-25"); // same stance, same words: unchanged, not listed
  await say(["B"], "withdrawal", "rejects", "2024-06-01"); // on date A itself: already in force, not a change
  // A cell that moved twice between A and B, ending where it started: unchanged, not listed.
  await say(["C"], "withdrawal", "rejects", "2024-05-01");
  await say(["C"], "withdrawal", "accepts", "2024-06-05");
  await say(["C"], "withdrawal", "rejects", "2024-06-06");
  // After date B: must not count.
  await say(["A"], "aid", "demands", "2024-07-02");
  // An analyst override on a consecutive move.
  await say(["A"], "prisoners", "demands", "2024-05-01");
  await say(["A"], "prisoners", "demands", "2024-06-30", { summary: "Wants more prisoners freed", changeOverride: "hardened" });
});

describe("compareDates over the database's entries", () => {
  it("returns exactly the cells that moved between A and B, with their change types", async () => {
    const { parties, issues, entries } = await getNegotiationEntries(negotiationId);
    const result = compareDates({ entries, issueIds: issues.map((i) => i.id), partyIds: parties.map((p) => p.id), from: "2024-06-01", to: "2024-07-01" });
    const name = (id: number, table: Record<string, number>) => Object.keys(table).find((k) => table[k] === id);
    const moves = result.cells.map((c) => `${name(c.partyId, party)} ${name(c.issueId, issue)}: ${c.before?.stance ?? "-"} -> ${c.after.stance} = ${c.change}${c.overridden ? " (override)" : ""}`);
    expect(moves.sort()).toEqual(
      [
        "A withdrawal: demands -> conditions = softened",
        "A ceasefire: accepts -> rejects = reversed",
        "C aid: proposes -> proposes = hardened",
        "B ceasefire: - -> demands = new",
        "C ceasefire: - -> demands = new",
        "A prisoners: demands -> demands = hardened (override)",
      ].sort(),
    );
    expect(result.total).toMatchObject({ softened: 1, reversed: 1, hardened: 2, new: 2, withdrawn: 0, unchanged: 0 });
    expect(result.byParty.get(party.A!)).toMatchObject({ softened: 1, reversed: 1, hardened: 1, new: 0 });
    expect(result.byParty.get(party.C!)).toMatchObject({ hardened: 1, new: 1 });
  });

  it("gives the same answer with the dates the wrong way round, and nothing for equal dates", async () => {
    const { parties, issues, entries } = await getNegotiationEntries(negotiationId);
    const args = { entries, issueIds: issues.map((i) => i.id), partyIds: parties.map((p) => p.id) };
    const forward = compareDates({ ...args, from: "2024-06-01", to: "2024-07-01" });
    const backward = compareDates({ ...args, from: "2024-07-01", to: "2024-06-01" });
    expect(backward.cells).toEqual(forward.cells);
    expect(compareDates({ ...args, from: "2024-06-15", to: "2024-06-15" }).cells).toEqual([]);
  });

  it("getComparison (computed in the database) keeps an override when the earlier entry was stated on date A itself", async () => {
    // A prisoners: 2024-05-01, then 2024-06-30 with an override. From 2024-05-01 the two are
    // consecutive: one entry between the days, the day A entry not counted.
    const compared = await getComparison({ negotiationId, from: "2024-05-01", to: "2024-07-01" });
    const cell = compared.cells.find((c) => c.partyId === party.A && c.issueId === issue.prisoners);
    expect(cell).toMatchObject({ change: "hardened", overridden: true });
    const { parties, issues, entries } = await getNegotiationEntries(negotiationId);
    for (const [from, to] of [["2024-05-01", "2024-07-01"], ["2024-06-01", "2024-07-01"], ["2024-06-30", "2024-05-01"]] as const) {
      const sql = await getComparison({ negotiationId, from, to });
      const all = compareDates({ entries, issueIds: issues.map((i) => i.id), partyIds: parties.map((p) => p.id), from, to });
      const shape = (r: typeof all) => [r.from, r.to, r.total, [...r.byParty], r.cells.map((c) => [c.issueId, c.partyId, c.before?.id ?? null, c.after.id, c.change, c.overridden])];
      expect(shape(sql)).toEqual(shape(all));
    }
  });
});
