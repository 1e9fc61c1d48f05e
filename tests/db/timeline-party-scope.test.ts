// The timeline filtered by party (issue 11 item 5), against a real database: the month counts
// and the entries read are the party's own and the joint statements it made, counted once per
// mark of that party only, so the page decides "draw or summarise" on what it will show.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { createEntry } from "@/server/mutations/entries";
import { countTimelineIssueMonths, countTimelineMonths, getTimelineEntries } from "@/server/queries/entries";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

let negotiationId = 0;
const party: Record<string, number> = {};
const issue: Record<string, number> = {};
let sourceId = 0;

async function say(who: string[], on: string, stance: string, statedOn: string) {
  return createEntry(
    negotiationId,
    entrySchema.parse({
      partyIds: who.map((w) => String(party[w])),
      issueId: String(issue[on]),
      sourceId: String(sourceId),
      stance,
      statedOn,
      summary: `${who.join("+")} ${stance} on ${on}`,
      firmness: "",
      changeOverride: "",
    }),
    "test",
  );
}

beforeAll(async () => {
  useFreshDatabase();
  negotiationId = (await createNegotiation({ title: "Timeline by party", slug: "", description: "" }, "test")).id;
  for (const [i, name] of ["A", "B", "C"].entries()) {
    party[name] = (await createInNegotiation("party", negotiationId, partySchema.parse({ name, role: "party", colour: "#000000", order: String(i) }), "test")).id;
  }
  for (const [i, name] of ["withdrawal", "ceasefire"].entries()) {
    issue[name] = (await createInNegotiation("issue", negotiationId, issueSchema.parse({ name, order: String(i) }), "test")).id;
  }
  sourceId = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Wire", url: "https://example.org" }), "test")).id;
  await say(["A"], "withdrawal", "demands", "2024-05-01");
  await say(["B"], "withdrawal", "rejects", "2024-05-02");
  await say(["A", "B"], "ceasefire", "proposes", "2024-06-10"); // joint
  await say(["C"], "ceasefire", "accepts", "2024-06-11");
  await say(["A"], "ceasefire", "concedes", "2024-07-01");
}, 60_000);

const everything = () => ({ negotiationId, issueId: null, from: "1900-01-01", to: "2100-01-01" });

describe("the timeline scoped to one party", () => {
  it("counts only that party's marks, joint statements once for it", async () => {
    const groups = await countTimelineMonths({ ...everything(), partyId: party.A! });
    expect(groups.every((g) => g.partyId === party.A)).toBe(true);
    expect(groups.reduce((n, g) => n + g.n, 0)).toBe(3);
    expect(new Map(groups.map((g) => [`${g.month} ${g.stance}`, g.n]))).toEqual(
      new Map([
        ["2024-05 demands", 1],
        ["2024-06 proposes", 1],
        ["2024-07 concedes", 1],
      ]),
    );
    // Without a party: every party's marks (the joint statement twice).
    expect((await countTimelineMonths(everything())).reduce((n, g) => n + g.n, 0)).toBe(6);
  });

  it("reads that party's entries, its joint statements included, and with an issue both filters", async () => {
    const read = (await getTimelineEntries({ ...everything(), partyId: party.B! }))!;
    expect(read.entries.map((e) => e.summary)).toEqual(["B rejects on withdrawal", "A+B proposes on ceasefire"]);
    const both = (await getTimelineEntries({ ...everything(), partyId: party.A!, issueId: issue.ceasefire! }))!;
    expect(both.entries.map((e) => e.summary)).toEqual(["A+B proposes on ceasefire", "A concedes on ceasefire"]);
    expect((await getTimelineEntries({ ...everything(), partyId: 2 ** 31 - 1 }))!.entries).toEqual([]);
  });

  it("counts entries per issue and month, a joint statement once, for every party or one", async () => {
    const key = (groups: Array<{ issueId: number; month: string; n: number }>) => new Map(groups.map((g) => [`${g.issueId} ${g.month}`, g.n]));
    expect(key(await countTimelineIssueMonths(everything()))).toEqual(
      new Map([
        [`${issue.withdrawal} 2024-05`, 2],
        [`${issue.ceasefire} 2024-06`, 2],
        [`${issue.ceasefire} 2024-07`, 1],
      ]),
    );
    expect(key(await countTimelineIssueMonths({ ...everything(), partyId: party.B! }))).toEqual(
      new Map([
        [`${issue.withdrawal} 2024-05`, 1],
        [`${issue.ceasefire} 2024-06`, 1],
      ]),
    );
  });
});
