// "Latest entry … · last updated … · N entries in all": read from the newest live rows by index
// (server/queries/overview.ts getNegotiationActivity), on a real database (SQLite, or PostgreSQL with PARLEY_TEST_PG). Entries that are not
// live (in the trash, or naming a party in the trash) never count, even when they are the newest.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { getDb } from "@/server/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, trashInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry } from "@/server/mutations/entries";
import { getNegotiationActivity } from "@/server/queries/overview";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

let negotiationId: number;
let liveIds: number[] = [];

beforeAll(async () => {
  useFreshDatabase();
  negotiationId = (await createNegotiation({ title: "Activity talks", slug: "", description: "" }, "test")).id;
  const party = async (name: string) => (await createInNegotiation("party", negotiationId, partySchema.parse({ name, role: "party", colour: "#000000", order: "0" }), "test")).id;
  const [a, gone] = [await party("A"), await party("Gone")];
  const issue = (await createInNegotiation("issue", negotiationId, issueSchema.parse({ name: "X", order: "0" }), "test")).id;
  const source = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Report", publishedOn: "2024-01-01" }), "test")).id;
  const add = (partyIds: number[], statedOn: string) =>
    createEntry(
      negotiationId,
      entrySchema.parse({ partyIds: partyIds.map(String), issueId: String(issue), sourceId: String(source), statedOn, stance: "demands", firmness: "", summary: `on ${statedOn}` }),
      "test",
    );
  liveIds = [(await add([a], "2024-01-05")).id, (await add([a], "2024-02-01")).id];
  const trashed = await add([a], "2024-05-01"); // newest day, then in the trash
  await trashEntry(negotiationId, trashed.id, 1, "test");
  await add([a, gone], "2024-06-01"); // newest of all, names a party that goes to the trash
  const { version } = await (await getDb()).party.findUniqueOrThrow({ where: { id: gone }, select: { version: true } });
  await trashInNegotiation("party", negotiationId, gone, version, "test");
});

describe("getNegotiationActivity", () => {
  it("gives the latest live statement day, the live entries' count and the newest change of a live entry or source", async () => {
    const activity = await getNegotiationActivity(negotiationId);
    const db = await getDb();
    const stamps = [
      ...(await db.positionEntry.findMany({ where: { id: { in: liveIds } }, select: { updatedAt: true } })),
      ...(await db.source.findMany({ where: { negotiationId }, select: { updatedAt: true } })),
    ];
    const newest = Math.max(...stamps.map((s) => s.updatedAt.getTime()));
    expect(activity).toEqual({ latestStatedOn: "2024-02-01", entryCount: 2, lastUpdatedAt: new Date(newest) });
  });
});
