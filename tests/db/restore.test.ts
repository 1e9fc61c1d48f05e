// Trash and restore on a real SQLite file: a restore brings back exactly what was deleted, and
// an entry never comes back without its source.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, restoreInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry } from "@/server/mutations/entries";
import { trashSource } from "@/server/mutations/sources";
import { getEntry, getMatrix } from "@/server/queries/entries";
import { ValidationError } from "@/server/errors";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

let n = 0;
let entryId = 0;
let sourceId = 0;

beforeAll(async () => {
  useFreshDatabase();
  n = (await createNegotiation({ title: "Restore", slug: "", description: "" }, "t")).id;
  const party = (await createInNegotiation("party", n, partySchema.parse({ name: "P", role: "party", colour: "#000000", order: "1" }), "t")).id;
  const issue = (await createInNegotiation("issue", n, issueSchema.parse({ name: "I", order: "1" }), "t")).id;
  sourceId = (await createInNegotiation("source", n, sourceSchema.parse({ title: "S", publishedOn: "2025-01-01", text: "P demands water." }), "t")).id;
  entryId = (
    await createEntry(
      n,
      entrySchema.parse({ partyIds: [String(party)], issueId: String(issue), sourceId: String(sourceId), stance: "demands", firmness: "red_line", summary: "Wants water.", quote: "P demands water." }),
      "t",
    )
  ).id;
});

describe("restore", () => {
  it("brings a deleted entry back exactly as it was, in the matrix too", async () => {
    const before = await getEntry(n, entryId);
    const cellBefore = (await getMatrix({ negotiationId: n, asOf: "2025-06-01" })).cells;
    await trashEntry(n, entryId, before!.version, "t");
    expect(await getEntry(n, entryId)).toBeNull();
    await restoreInNegotiation("entry", n, entryId, before!.version + 1, "t");
    const after = await getEntry(n, entryId);
    expect({ ...after, version: 0 }).toEqual({ ...before, version: 0 });
    expect(after!.version).toBe(before!.version + 2);
    const cellAfter = (await getMatrix({ negotiationId: n, asOf: "2025-06-01" })).cells;
    expect([...cellAfter.values()].map((c) => c.current?.summary)).toEqual([...cellBefore.values()].map((c) => c.current?.summary));
  });

  it("keeps an entry in the trash while its source is there, then restores it after the source", async () => {
    const entry = (await getEntry(n, entryId))!;
    await trashEntry(n, entryId, entry.version, "t");
    await trashSource(n, sourceId, 1, "t");
    const refused = await restoreInNegotiation("entry", n, entryId, entry.version + 1, "t").catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(await getEntry(n, entryId)).toBeNull();
    await restoreInNegotiation("source", n, sourceId, 2, "t");
    await restoreInNegotiation("entry", n, entryId, entry.version + 1, "t");
    expect((await getEntry(n, entryId))?.summary).toBe("Wants water.");
  });
});
