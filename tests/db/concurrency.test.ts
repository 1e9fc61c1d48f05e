// Two saves of the same entry from the same loaded version: exactly one wins, the other gets
// a conflict — under every interleaving fast-check's scheduler tries, against a real SQLite file.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { createEntry, updateEntry } from "@/server/mutations/entries";
import { ConflictError } from "@/server/errors";
import { getDb } from "@/server/db";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

let negotiationId = 0;
let base: Record<string, string> = {};

beforeAll(async () => {
  useFreshDatabase();
  negotiationId = (await createNegotiation({ title: "Races", slug: "", description: "" }, "test")).id;
  const party = (await createInNegotiation("party", negotiationId, partySchema.parse({ name: "P", role: "party", colour: "#000000", order: "1" }), "test")).id;
  const issue = (await createInNegotiation("issue", negotiationId, issueSchema.parse({ name: "I", order: "1" }), "test")).id;
  const source = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "S", publishedOn: "2025-01-01" }), "test")).id;
  base = { partyIds: String(party), issueId: String(issue), sourceId: String(source), stance: "demands", summary: "start" };
});

describe("optimistic locking under concurrency", () => {
  it("one of two concurrent saves of the same version wins; the other sees a conflict", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (s, a, b) => {
        runs++;
        const { id, state } = await createEntry(negotiationId, entrySchema.parse({ ...base, partyIds: [base.partyIds] }), "test");
        const version = state.version as number;
        const save = (summary: string, who: string) =>
          updateEntry(negotiationId, id, version, entrySchema.parse({ ...base, partyIds: [base.partyIds], summary: summary.trim() || "x" }), who).then(
            () => "saved" as const,
            (e) => (e instanceof ConflictError ? ("conflict" as const) : Promise.reject(e)),
          );
        const results = Promise.all([s.schedule(Promise.resolve("first")).then(() => save(a, "first")), s.schedule(Promise.resolve("second")).then(() => save(b, "second"))]);
        await s.waitAll();
        const outcome = await results;
        expect(outcome.sort()).toEqual(["conflict", "saved"]);
        const db = await getDb();
        const row = await db.positionEntry.findUniqueOrThrow({ where: { id } });
        expect(row.version).toBe(version + 1);
        const revisions = await db.revision.count({ where: { entityType: "entry", entityId: id } });
        expect(revisions).toBe(2); // the create and the one winning update
      }),
      { numRuns: 50 },
    );
    expect(runs).toBe(50);
  }, 120_000);
});
