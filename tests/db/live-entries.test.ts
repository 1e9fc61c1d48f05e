// What trashing a party, issue or source does to the entries that depend on it (server/live.ts,
// docs/decisions/011-trash-and-dependent-entries.md), on a real SQLite file: the entries keep
// every link, are not live anywhere while a dependency is in the trash, and come back unchanged
// with it.
import { beforeEach, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, restoreInNegotiation, trashInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry, updateEntry } from "@/server/mutations/entries";
import { trashSource } from "@/server/mutations/sources";
import { getEntry, getMatrix, getNegotiationEntries, listDependants, listEntriesOfCell, listEntriesOfSource } from "@/server/queries/entries";
import { listNegotiations } from "@/server/queries/negotiations";
import { listSources } from "@/server/queries/sources";
import { NotFoundError, ValidationError } from "@/server/errors";
import { getDb } from "@/server/db";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

let n = 0;
let a = 0; // party A
let b = 0; // party B
let issue = 0;
let source = 0;
let joint = 0; // a joint statement of A and B
let solo = 0; // B alone
const AS_OF = "2025-06-01";

const entry = (partyIds: number[], summary: string, notes = "") =>
  entrySchema.parse({ partyIds: partyIds.map(String), issueId: String(issue), sourceId: String(source), stance: "demands", summary, notes });

beforeEach(async () => {
  useFreshDatabase();
  n = (await createNegotiation({ title: "Live rule", slug: "", description: "" }, "t")).id;
  a = (await createInNegotiation("party", n, partySchema.parse({ name: "Side A", role: "party", colour: "#000000", order: "1" }), "t")).id;
  b = (await createInNegotiation("party", n, partySchema.parse({ name: "Side B", role: "party", colour: "#000000", order: "2" }), "t")).id;
  issue = (await createInNegotiation("issue", n, issueSchema.parse({ name: "Water", order: "1" }), "t")).id;
  source = (await createInNegotiation("source", n, sourceSchema.parse({ title: "Report", publishedOn: "2025-01-01" }), "t")).id;
  joint = (await createEntry(n, entry([a, b], "Both want water."), "t")).id;
  solo = (await createEntry(n, { ...entry([b], "B alone."), statedOn: "2024-12-01" }, "t")).id;
});

const version = async (table: "party" | "issue" | "source" | "positionEntry", id: number) =>
  ((await (await getDb())[table as "party"].findUniqueOrThrow({ where: { id } })) as { version: number }).version;

/** Everything a reader sees of the negotiation's entries. */
async function visible() {
  const matrix = await getMatrix({ negotiationId: n, asOf: AS_OF });
  const counts = (await listNegotiations()).find((x) => x.id === n)!.counts.entries;
  const sourceCount = (await listSources(n)).find((s) => s.id === source)?.entryCount ?? null;
  return {
    matrixEntries: (await getNegotiationEntries(n)).entries.length,
    cellOfB: (await listEntriesOfCell(n, b, issue)).map((e) => e.id),
    ofSource: (await listEntriesOfSource(n, source)).map((e) => e.id),
    homeCount: counts,
    sourceCount,
    joint: (await getEntry(n, joint))?.id ?? null,
  };
}

describe("finding 12: trashing a party, issue or source and its dependent entries", () => {
  it("a joint statement keeps every party when one of them is trashed, edited around and restored", async () => {
    await trashInNegotiation("party", n, a, await version("party", a), "t");
    // The joint entry is not live while Side A is in the trash: it cannot be edited into an
    // entry of Side B alone (the form would only offer the live party).
    const edit = await updateEntry(n, joint, await version("positionEntry", joint), entry([b], "Both want water.", "Only the notes changed."), "t").catch((e) => e);
    expect(edit).toBeInstanceOf(NotFoundError);
    await restoreInNegotiation("party", n, a, await version("party", a), "t");
    const after = await getEntry(n, joint);
    expect(after?.partyIds).toEqual([a, b]);
    expect(after?.notes).toBe("");
  });

  it("while a party is in the trash, its joint statements leave every cell, list and count, and come back with it", async () => {
    const before = await visible();
    expect(before).toEqual({ matrixEntries: 2, cellOfB: [solo, joint], ofSource: [solo, joint], homeCount: 2, sourceCount: 2, joint });
    await trashInNegotiation("party", n, a, await version("party", a), "t");
    expect(await visible()).toEqual({ matrixEntries: 1, cellOfB: [solo], ofSource: [solo], homeCount: 1, sourceCount: 1, joint: null });
    // B's cell shows B's own earlier position, not the joint one.
    const cells = (await getMatrix({ negotiationId: n, asOf: AS_OF })).cells;
    expect([...cells.values()].map((c) => c.current?.id ?? null).filter(Boolean)).toEqual([solo]);
    await restoreInNegotiation("party", n, a, await version("party", a), "t");
    expect(await visible()).toEqual(before);
  });

  it("an issue in the trash takes its entries out of the matrix and counts, and brings them back", async () => {
    const before = await visible();
    await trashInNegotiation("issue", n, issue, await version("issue", issue), "t");
    expect(await visible()).toEqual({ matrixEntries: 0, cellOfB: [], ofSource: [], homeCount: 0, sourceCount: 0, joint: null });
    await restoreInNegotiation("issue", n, issue, await version("issue", issue), "t");
    expect(await visible()).toEqual(before);
  });

  it("a source with entries can be trashed like a party or issue: its entries wait with it and come back", async () => {
    const before = await visible();
    await trashSource(n, source, await version("source", source), "t");
    expect(await visible()).toEqual({ matrixEntries: 0, cellOfB: [], ofSource: [], homeCount: 0, sourceCount: null, joint: null });
    const db = await getDb();
    expect(await db.positionEntry.count({ where: { id: { in: [joint, solo] }, deletedAt: null } })).toBe(2); // not trashed, only not live
    await restoreInNegotiation("source", n, source, await version("source", source), "t");
    expect(await visible()).toEqual(before);
  });

  it("an entry is not trashed again or edited while its party is in the trash", async () => {
    await trashInNegotiation("party", n, a, await version("party", a), "t");
    await expect(trashEntry(n, joint, await version("positionEntry", joint), "t")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an entry is restored only when what it depends on is out of the trash, and the refusal names it", async () => {
    await trashEntry(n, joint, await version("positionEntry", joint), "t");
    await trashInNegotiation("party", n, a, await version("party", a), "t");
    await trashInNegotiation("issue", n, issue, await version("issue", issue), "t");
    const refused = await restoreInNegotiation("entry", n, joint, await version("positionEntry", joint), "t").catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors._form?.[0]).toBe("This entry depends on the party “Side A”, the issue “Water”, in the trash: restore them first.");
    await restoreInNegotiation("party", n, a, await version("party", a), "t");
    await restoreInNegotiation("issue", n, issue, await version("issue", issue), "t");
    await restoreInNegotiation("entry", n, joint, await version("positionEntry", joint), "t");
    expect((await getEntry(n, joint))?.partyIds).toEqual([a, b]);
  });

  it("the delete confirmation's dependants: the live entries that would leave, joint ones included", async () => {
    expect(await listDependants(n, "party", a)).toMatchObject({ count: 1, entries: [{ id: joint, partyIds: [a, b] }] });
    expect((await listDependants(n, "party", b)).entries.map((e) => e.id)).toEqual([joint, solo]); // newest first
    expect((await listDependants(n, "issue", issue)).count).toBe(2);
    expect((await listDependants(n, "source", source)).count).toBe(2);
    await trashEntry(n, solo, await version("positionEntry", solo), "t");
    expect((await listDependants(n, "source", source)).count).toBe(1);
    await trashInNegotiation("party", n, a, await version("party", a), "t");
    expect((await listDependants(n, "party", b)).count).toBe(0); // the joint entry already left with A
  });
});
