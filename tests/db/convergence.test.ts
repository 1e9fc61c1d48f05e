// The convergence series read from the database (server/queries/convergence.ts) gives, on every
// day, the counts the gap view shows as of that day (its own read, getAsOfEntries, and its own
// rule, buildGapRows), and stays equal after each kind of change the gap rule sees, although
// the series is kept between requests (keyed by the negotiation's data version).
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { getDb } from "@/server/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, restoreInNegotiation, trashInNegotiation, updateInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry } from "@/server/mutations/entries";
import { getConvergence } from "@/server/queries/convergence";
import { getAsOfEntries } from "@/server/queries/entries";
import { listSides } from "@/server/queries/sides";
import { countsOn } from "@/lib/convergence";
import { buildGapRows, countGapStatuses } from "@/lib/gaps-view";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

const PROBES = ["2023-12-31", "2024-01-05", "2024-01-06", "2024-02-01", "2024-02-10", "2024-03-01", "2024-06-01", "2030-01-01"];
let negotiationId: number;
let ids: { a: number; b: number; c: number; x: number; y: number; source: number; lateEntry: number };

async function gapViewCounts(asOf: string) {
  const [{ issues, parties, entries }, sides] = await Promise.all([getAsOfEntries({ negotiationId, asOf }), listSides(negotiationId)]);
  return countGapStatuses(buildGapRows({ issues, parties, sides, entries, asOf, sort: "gap" }));
}

async function expectSameAsGapView() {
  const series = await getConvergence(negotiationId);
  for (const day of PROBES) expect(countsOn(series, day), day).toEqual(await gapViewCounts(day));
  return series;
}

const version = async (table: "party" | "issue" | "source" | "positionEntry", id: number) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ((await ((await getDb())[table] as any).findUniqueOrThrow({ where: { id }, select: { version: true } })) as { version: number }).version;

beforeAll(async () => {
  useFreshDatabase();
  negotiationId = (await createNegotiation({ title: "Convergence talks", slug: "", description: "" }, "test")).id;
  const party = async (name: string, role = "party") => (await createInNegotiation("party", negotiationId, partySchema.parse({ name, role, colour: "#000000", order: "0" }), "test")).id;
  const issue = async (name: string) => (await createInNegotiation("issue", negotiationId, issueSchema.parse({ name, order: "0" }), "test")).id;
  const [a, b, c] = [await party("A"), await party("B"), await party("C", "mediator")];
  const [x, y] = [await issue("X"), await issue("Y")];
  const source = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Report", publishedOn: "2024-01-01" }), "test")).id;
  const add = async (partyIds: number[], issueId: number, statedOn: string, stance: string) =>
    (
      await createEntry(
        negotiationId,
        entrySchema.parse({ partyIds: partyIds.map(String), issueId: String(issueId), sourceId: String(source), statedOn, stance, firmness: "", summary: `${stance} on ${statedOn}` }),
        "test",
      )
    ).id;
  await add([a], x, "2024-01-05", "demands");
  await add([b], x, "2024-02-01", "rejects");
  await add([a, b], y, "2024-02-01", "accepts"); // a joint statement
  await add([c], y, "2024-02-10", "rejects"); // a mediator: never decides
  const lateEntry = await add([b], x, "2024-03-01", "accepts");
  ids = { a, b, c, x, y, source, lateEntry };
});

describe("getConvergence", () => {
  it("on every day equals the gap view's counts as of that day", async () => {
    const series = await expectSameAsGapView();
    expect(series.points.map((p) => p.day)).toEqual(["2024-01-05", "2024-02-01", "2024-02-10", "2024-03-01"]);
    // Y: the joint statement is one voice, so "only one party" (open).
    expect(countsOn(series, "2024-02-01")).toEqual({ opposed: 1, open: 1, compatible: 0 });
    // X: A's demand meets B's acceptance, not yet met (open).
    expect(countsOn(series, "2024-03-01")).toEqual({ opposed: 0, open: 2, compatible: 0 });
  });

  it("follows an entry to the trash and back, although the series is kept between requests", async () => {
    await getConvergence(negotiationId);
    await trashEntry(negotiationId, ids.lateEntry, await version("positionEntry", ids.lateEntry), "test");
    expect(countsOn(await expectSameAsGapView(), "2030-01-01")).toEqual({ opposed: 1, open: 1, compatible: 0 });
    await restoreInNegotiation("entry", negotiationId, ids.lateEntry, await version("positionEntry", ids.lateEntry), "test");
    expect(countsOn(await expectSameAsGapView(), "2030-01-01")).toEqual({ opposed: 0, open: 2, compatible: 0 });
  });

  it("follows a party's role (a mediator's rejection starts to count) and a party or issue in the trash", async () => {
    await updateInNegotiation("party", negotiationId, ids.c, await version("party", ids.c), { role: "party" }, "test");
    expect(countsOn(await expectSameAsGapView(), "2024-02-10")).toEqual({ opposed: 2, open: 0, compatible: 0 });
    await trashInNegotiation("party", negotiationId, ids.b, await version("party", ids.b), "test");
    await expectSameAsGapView();
    await trashInNegotiation("issue", negotiationId, ids.y, await version("issue", ids.y), "test");
    const series = await expectSameAsGapView();
    expect(series.issueCount).toBe(1);
  });
});
