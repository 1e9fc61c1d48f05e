// Finding 11: whether a quote occurs in its source is computed from the source's text as it is
// now, wherever an entry is shown; an edit or restore that breaks a quote says so and flags the
// entry, never drops it. Real SQLite file.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, restoreInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry } from "@/server/mutations/entries";
import { updateSource } from "@/server/mutations/sources";
import { getEntry, getMatrix, getQuoteStatus, listEntriesOfCell, listEntriesOfSource } from "@/server/queries/entries";
import { listQuotesMissingFromSource } from "@/server/queries/sources";
import { getDb } from "@/server/db";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

let n = 0;
let party = 0;
let issue = 0;
let source = 0;
let kept = 0; // quotes a passage the new text keeps
let trashed = 0; // in the trash while its passage is edited away
const TEXT = "The delegation demands a full withdrawal. It also rejects any buffer zone.";
const sourceInput = (text: string | null) => sourceSchema.parse({ title: "Wire report", publishedOn: "2025-01-01", ...(text === null ? { url: "https://example.org/r" } : { text }) });
const version = async (table: "source" | "positionEntry", id: number) => ((await (await getDb())[table as "source"].findUniqueOrThrow({ where: { id } })) as { version: number }).version;

beforeAll(async () => {
  useFreshDatabase();
  n = (await createNegotiation({ title: "Quotes", slug: "", description: "" }, "t")).id;
  party = (await createInNegotiation("party", n, partySchema.parse({ name: "Delegation", role: "party", colour: "#000000", order: "1" }), "t")).id;
  issue = (await createInNegotiation("issue", n, issueSchema.parse({ name: "Withdrawal", order: "1" }), "t")).id;
  source = (await createInNegotiation("source", n, sourceInput(TEXT), "t")).id;
  const entry = (summary: string, quote: string, statedOn: string) =>
    entrySchema.parse({ partyIds: [String(party)], issueId: String(issue), sourceId: String(source), stance: "demands", summary, quote, statedOn });
  kept = (await createEntry(n, entry("Demands withdrawal.", "demands a full withdrawal", "2025-01-01"), "t")).id;
  trashed = (await createEntry(n, entry("No buffer zone.", "rejects any buffer zone", "2025-01-02"), "t")).id;
});

describe("finding 11: quote status from the source's current text", () => {
  it("shows a quote as found while the text contains it", async () => {
    expect((await getEntry(n, trashed))?.quoteStatus).toBe("verified");
    expect((await listEntriesOfSource(n, source)).map((e) => e.quoteStatus)).toEqual(["verified", "verified"]);
  });

  // Issue 9 replaced the refusal: the edit is saved and the entry is flagged and listed
  // (tests/db/quote-positions.test.ts); here the entry is trashed first, as before.
  it("trash an entry, edit its passage out of the source, restore it: it is flagged, not shown as found", async () => {
    await trashEntry(n, trashed, await version("positionEntry", trashed), "t");
    // The edit is allowed (the entry is in the trash) and says which trashed entries lost their quote.
    const saved = await updateSource(n, source, await version("source", source), sourceInput("The delegation demands a full withdrawal."), "t");
    expect(saved.trashedEntriesWithoutQuote).toEqual([trashed]);
    expect(await listQuotesMissingFromSource(n, source)).toEqual({ inTrash: [trashed], outsideTrash: [] });

    const restored = await restoreInNegotiation("entry", n, trashed, await version("positionEntry", trashed), "t");
    expect(restored.quote).toBe("missing"); // the message after the restore
    expect(await getQuoteStatus(trashed)).toMatchObject({ status: "missing", sourceId: source });
    // Kept, flagged everywhere it is shown: the entry, the source page, the cell history, the matrix.
    expect((await getEntry(n, trashed))?.quoteStatus).toBe("missing");
    expect((await listEntriesOfSource(n, source)).map((e) => [e.id, e.quoteStatus])).toEqual([
      [kept, "verified"],
      [trashed, "missing"],
    ]);
    expect((await listEntriesOfCell(n, party, issue)).find((e) => e.id === trashed)?.quoteStatus).toBe("missing");
    const cell = [...(await getMatrix({ negotiationId: n, asOf: "2025-06-01" })).cells.values()][0]!;
    expect(cell.current).toMatchObject({ id: trashed, quoteStatus: "missing" });
    expect(await listQuotesMissingFromSource(n, source)).toEqual({ inTrash: [], outsideTrash: [trashed] });
  });

  it("a quote from a link-only source is unverified, and the text put back makes it found again", async () => {
    // The flagged entry's passage restored to the text: found again, with no stored flag to clear.
    await updateSource(n, source, await version("source", source), sourceInput(TEXT), "t");
    expect((await getEntry(n, trashed))?.quoteStatus).toBe("verified");
    await updateSource(n, source, await version("source", source), sourceInput(null), "t");
    expect((await listEntriesOfSource(n, source)).map((e) => e.quoteStatus)).toEqual(["unverified", "unverified"]);
  });
});
