// Issue 9, item 1: quote positions are stored on every entry create and edit, located again for
// every entry of a source when its text is edited (in the same transaction), and an entry whose
// quote the new text no longer contains is flagged and listed, never dropped. Real SQLite file.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry, updateEntry } from "@/server/mutations/entries";
import { locateUnplacedQuotes, updateSource } from "@/server/mutations/sources";
import { countQuotesToCheck, getEntry, listEntriesOfSource, listQuotesToCheckPage } from "@/server/queries/entries";
import { getDb } from "@/server/db";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

let n = 0;
let party = 0;
let issue = 0;
let source = 0;
const TEXT = "CAIRO - The delegation demands a full withdrawal.\u00a0It also rejects any buffer zone. Мы не согласимся. نرفض أي منطقة عازلة.";
const sourceInput = (text: string | null) => sourceSchema.parse({ title: "Wire report", publishedOn: "2025-01-01", ...(text === null ? { url: "https://example.org/r" } : { text }) });
const entryInput = (quote: string, summary = "A position.") =>
  entrySchema.parse({ partyIds: [String(party)], issueId: String(issue), sourceId: String(source), stance: "demands", summary, quote, statedOn: "2025-01-01" });
const row = async (id: number) =>
  (await getDb()).positionEntry.findUniqueOrThrow({ where: { id }, select: { quoteStart: true, quoteEnd: true, quote: true, deletedAt: true, version: true } });
const sourceVersion = async () => (await (await getDb()).source.findUniqueOrThrow({ where: { id: source } })).version;
const slice = (text: string, r: { quoteStart: number | null; quoteEnd: number | null }) => (r.quoteStart === null ? null : text.slice(r.quoteStart, r.quoteEnd!));

beforeAll(async () => {
  useFreshDatabase();
  n = (await createNegotiation({ title: "Positions", slug: "", description: "" }, "t")).id;
  party = (await createInNegotiation("party", n, partySchema.parse({ name: "Delegation", role: "party", colour: "#000000", order: "1" }), "t")).id;
  issue = (await createInNegotiation("issue", n, issueSchema.parse({ name: "Withdrawal", order: "1" }), "t")).id;
  source = (await createInNegotiation("source", n, sourceInput(TEXT), "t")).id;
});

describe("issue 9: quote positions stored and re-located", () => {
  let withdrawal = 0;
  let buffer = 0;
  let russian = 0;
  let arabic = 0;
  let noQuote = 0;

  it("stores the quote's offsets in the original text on create (curly marks, NBSP, Cyrillic, Arabic)", async () => {
    withdrawal = (await createEntry(n, entryInput("demands a full   withdrawal. It also"), "t")).id;
    buffer = (await createEntry(n, entryInput("rejects any buffer zone"), "t")).id;
    russian = (await createEntry(n, entryInput("Мы не согласимся"), "t")).id;
    arabic = (await createEntry(n, entryInput("نرفض أي منطقة عازلة"), "t")).id;
    noQuote = (await createEntry(n, entryInput(""), "t")).id;
    expect(slice(TEXT, await row(withdrawal))).toBe("demands a full withdrawal.\u00a0It also");
    expect(slice(TEXT, await row(buffer))).toBe("rejects any buffer zone");
    expect(slice(TEXT, await row(russian))).toBe("Мы не согласимся");
    expect(slice(TEXT, await row(arabic))).toBe("نرفض أي منطقة عازلة");
    expect(await row(noQuote)).toMatchObject({ quoteStart: null, quoteEnd: null });
    expect((await getEntry(n, buffer))?.quoteSpan).toEqual({ start: TEXT.indexOf("rejects"), end: TEXT.indexOf(" zone.") + 5 });
  });

  it("sets the offsets again when the entry's quote is edited", async () => {
    const { version } = await row(buffer);
    await updateEntry(n, buffer, version, entryInput("any buffer zone"), "t");
    expect(slice(TEXT, await row(buffer))).toBe("any buffer zone");
  });

  it("a source edit re-locates every entry's quote in the same save, and flags (never drops) the one whose quote is gone", async () => {
    const trashed = (await createEntry(n, entryInput("also rejects"), "t")).id;
    await trashEntry(n, trashed, (await row(trashed)).version, "t");
    const edited = "UPDATED 10:00 - " + TEXT.replace("The delegation demands a full withdrawal.\u00a0It also", "The delegation accepts a phased withdrawal. It also");
    const versions = await Promise.all([withdrawal, buffer, russian, arabic].map(async (id) => (await row(id)).version));
    const saved = await updateSource(n, source, await sourceVersion(), sourceInput(edited), "t");

    expect(saved.entriesWithoutQuote).toEqual([withdrawal]);
    expect(saved.trashedEntriesWithoutQuote).toEqual([]);
    // Moved quotes follow the text; entries in the trash are re-located too.
    expect(slice(edited, await row(buffer))).toBe("any buffer zone");
    expect(slice(edited, await row(russian))).toBe("Мы не согласимся");
    expect(slice(edited, await row(arabic))).toBe("نرفض أي منطقة عازلة");
    expect(slice(edited, await row(trashed))).toBe("also rejects");
    // The lost quote: kept as typed, no position, flagged on its page and listed to check.
    expect(await row(withdrawal)).toMatchObject({ quote: "demands a full   withdrawal. It also", quoteStart: null, quoteEnd: null, deletedAt: null });
    expect((await getEntry(n, withdrawal))?.quoteStatus).toBe("missing");
    expect(await toCheck(n)).toEqual([withdrawal]);
    expect(await countQuotesToCheck(n)).toBe(1);
    expect((await listEntriesOfSource(n, source)).map((e) => e.id)).toContain(withdrawal);
    // Positions are derived: no new version (an editor's open form of these entries still saves).
    expect(await Promise.all([withdrawal, buffer, russian, arabic].map(async (id) => (await row(id)).version))).toEqual(versions);
  });

  it("the passage put back: found again and off the list", async () => {
    await updateSource(n, source, await sourceVersion(), sourceInput(TEXT), "t");
    expect(slice(TEXT, await row(withdrawal))).toBe("demands a full withdrawal.\u00a0It also");
    expect(await toCheck(n)).toEqual([]);
  });

  it("a repeated passage keeps pointing at the copy it pointed at when text is added before it", async () => {
    const text = "Hamas said no. Israel said no.";
    await updateSource(n, source, await sourceVersion(), sourceInput(text), "t");
    const second = (await createEntry(n, entryInput("said no"), "t")).id;
    expect((await row(second)).quoteStart).toBe(6); // the first copy when created
    const { version } = await row(second);
    await (await getDb()).positionEntry.update({ where: { id: second }, data: { quoteStart: 22, quoteEnd: 29 } }); // the analyst's copy
    await updateSource(n, source, await sourceVersion(), sourceInput("Now: " + text), "t");
    expect(await row(second)).toMatchObject({ quoteStart: 27, quoteEnd: 34, version });
    await trashEntry(n, second, version, "t");
  });

  it("a link-only source keeps the quote, unverified, without a position and off the list", async () => {
    await updateSource(n, source, await sourceVersion(), sourceInput(null), "t");
    expect(await row(buffer)).toMatchObject({ quoteStart: null, quoteEnd: null, quote: "any buffer zone" });
    expect((await getEntry(n, buffer))?.quoteStatus).toBe("unverified");
    expect(await toCheck(n)).toEqual([]);
  });

  it("an entry saved before positions were stored is located when shown, and stored (off the list to check) at start-up", async () => {
    await updateSource(n, source, await sourceVersion(), sourceInput(TEXT), "t");
    await (await getDb()).positionEntry.update({ where: { id: russian }, data: { quoteStart: null, quoteEnd: null } });
    const span = { start: TEXT.indexOf("Мы"), end: TEXT.indexOf("Мы") + "Мы не согласимся".length };
    expect((await getEntry(n, russian))?.quoteSpan).toEqual(span);
    // Until located, it counts as a quote to check (the list pages in SQL, decision 024); the page shows it as found.
    expect(await toCheck(n)).toEqual([russian]);
    const version = (await row(russian)).version;
    expect(await locateUnplacedQuotes()).toMatchObject({ placed: 1 });
    expect(await row(russian)).toMatchObject({ quoteStart: span.start, quoteEnd: span.end, version });
    expect(await toCheck(n)).toEqual([]);
    expect(await countQuotesToCheck(n)).toBe(0);
  });
});

async function toCheck(negotiationId: number) {
  return (await listQuotesToCheckPage(negotiationId, 1))!.entries.map((e) => e.id);
}
