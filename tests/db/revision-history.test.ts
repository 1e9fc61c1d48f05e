// A record's history page reads the names its revisions refer to from the database (issue 11,
// item 7): parties, issues and sources by name, those in the trash too, the record a merge went
// into, and where the record is now for the link back to it. Real SQLite (or PostgreSQL) file.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { useFreshDatabase } from "../support/db";
import { request } from "../support/next-request";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, trashInNegotiation, updateInNegotiation } from "@/server/mutations/scoped";
import { createEntry, updateEntry } from "@/server/mutations/entries";
import { trashSource } from "@/server/mutations/sources";
import { mergeInto } from "@/server/mutations/taxonomy";
import { getRevisionHistory } from "@/server/queries/revisions";
import { describeRevisions, recordLink, recordTitle } from "@/lib/revision-history";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

const T = "revision-history-test";
let talks: Awaited<ReturnType<typeof makeTalks>>;

async function makeTalks() {
  const n = await createNegotiation({ title: "Harbour talks", slug: "harbour", description: "" }, T);
  const party = async (name: string) => (await createInNegotiation("party", n.id, partySchema.parse({ name, role: "party", colour: "#123456", order: "0" }), T)).id;
  const issue = async (name: string) => (await createInNegotiation("issue", n.id, issueSchema.parse({ name, order: "0" }), T)).id;
  const source = async (title: string) => (await createInNegotiation("source", n.id, sourceSchema.parse({ title, outlet: "Wire", publishedOn: "2025-01-01" }), T)).id;
  const north = await party("North Alliance");
  const south = await party("South Front");
  const water = await issue("Water rights");
  const ports = await issue("Port access");
  const wire = await source("Talks resume");
  const later = await source("Second round");
  const input = (issueId: number, partyIds: number[], firmness: string, sourceId = wire) =>
    entrySchema.parse({ partyIds: partyIds.map(String), issueId: String(issueId), sourceId: String(sourceId), statedOn: "2025-01-02", stance: "demands", firmness, summary: "Wants the harbour open." });
  const entry = (await createEntry(n.id, input(water, [north], "red_line"), T)).id;
  await updateEntry(n.id, entry, 1, input(ports, [north, south], "firm"), T);
  // The issue it was first on goes to the trash; a party is merged into the other.
  await trashInNegotiation("issue", n.id, water, 1, T);
  await updateInNegotiation("party", n.id, south, 1, partySchema.parse({ name: "South Front", role: "mediator", colour: "#123456", order: "0" }), T);
  await mergeInto("party", n.id, north, 1, south, T);
  const onLater = (await createEntry(n.id, input(ports, [south], "flexible", later), T)).id;
  await trashSource(n.id, later, 1, T);
  return { n, north, south, water, ports, wire, entry, onLater };
}

beforeAll(async () => {
  // The anonymous reader's check asks Better Auth for a session, which needs a secret.
  process.env.BETTER_AUTH_SECRET = "parley-revision-history-tests-0123456789abcdef";
  request.headers = new Headers({ host: "127.0.0.1:3000" });
  useFreshDatabase();
  talks = await makeTalks();
}, 120_000);

describe("revision history in words (issue 11, item 7)", () => {
  it("an edited entry names its issue, parties and source, the trashed issue too, and stance and firmness by label", async () => {
    const history = (await getRevisionHistory("entry", talks.entry))!;
    const views = describeRevisions("entry", history.revisions, history.names);
    const created = Object.fromEntries(views[0]!.changes.map((c) => [c.label, c.after]));
    expect(created).toMatchObject({
      Negotiation: "Harbour talks",
      Issue: "Water rights (in the trash)",
      Source: "Talks resume",
      Stance: "Demands",
      Firmness: "Red line",
    });
    // The merge moved North's entry to South: the last revision names the party it went to.
    expect(views.map((v) => v.heading)).toEqual(["Created", "Edited", "Edited"]);
    expect(views[1]!.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ["Parties", "North Alliance (in the trash)", "North Alliance (in the trash), South Front"],
      ["Issue", "Water rights (in the trash)", "Port access"],
      ["Firmness", "Red line", "Firm"],
    ]);
    expect(JSON.stringify(views)).not.toMatch(/#\d/);
    expect(recordTitle("entry", history.revisions.at(-1)!.state, history.names, "")).toBe("South Front on Port access, 2 Jan 2025");
    expect(recordLink("entry", talks.entry, history.place!)).toEqual({ href: `/negotiations/harbour/sources/${talks.wire}#entry-${talks.entry}`, text: "Open this entry in its source" });
  });

  it("a party's history shows its role by label and links to the party", async () => {
    const history = (await getRevisionHistory("party", talks.south))!;
    const views = describeRevisions("party", history.revisions, history.names);
    expect(views[1]!.changes).toEqual([{ field: "role", label: "Role", before: "Party", after: "Mediator", prose: false }]);
    expect(recordLink("party", talks.south, history.place!)).toEqual({ href: `/negotiations/harbour/parties/${talks.south}`, text: "Open this party" });
  });

  it("an entry whose source is in the trash says so instead of linking", async () => {
    const history = (await getRevisionHistory("entry", talks.onLater))!;
    expect(history.place).toMatchObject({ status: "source-trashed" });
    expect(describeRevisions("entry", history.revisions, history.names)[0]!.changes.find((c) => c.label === "Source")!.after).toBe("Second round (in the trash)");
  });

  it("a merged party's history is for those who may restore it (nothing for an anonymous reader); unknown ids give nothing", async () => {
    expect(await getRevisionHistory("party", talks.north)).toBeNull();
    expect(await getRevisionHistory("party", 2_000_000_000)).toBeNull();
  });
});
