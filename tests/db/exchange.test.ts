// Export and import on real SQLite files: the demo negotiation survives a round trip byte for
// byte (JSON and entries CSV), an import is all or nothing, a dry run writes nothing and names
// every row's problem, and every record imported has its revision.
import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { loadDemo } from "@/prisma/seed";
import { gaza2024 } from "@/prisma/demo/gaza-2024";
import { getDb } from "@/server/db";
import { getNegotiation } from "@/server/queries/negotiations";
import { exportEntriesCsv, exportMatrixCsv, exportNegotiationJson, matrixRows } from "@/server/exchange/export";
import { importEntriesCsv, importNegotiationJson } from "@/server/exchange/import";
import { ENTRY_COLUMNS, problemText } from "@/lib/exchange/csv";
import { getMatrix } from "@/server/queries/entries";

async function demo() {
  useFreshDatabase();
  await loadDemo(gaza2024);
  return (await getNegotiation(gaza2024.slug))!;
}

async function counts() {
  const db = await getDb();
  return {
    negotiations: await db.negotiation.count(),
    parties: await db.party.count(),
    issues: await db.issue.count(),
    sources: await db.source.count(),
    entries: await db.positionEntry.count(),
    revisions: await db.revision.count(),
  };
}

describe("round trip", () => {
  it("demo negotiation: export JSON, import into an empty database, export again gives the same bytes", async () => {
    const first = await exportNegotiationJson(await demo());
    const exported = JSON.parse(first);
    expect(exported.entries.length).toBeGreaterThan(50);

    useFreshDatabase();
    const result = await importNegotiationJson(first, { actor: "test" });
    expect(result.problems.map(problemText)).toEqual([]);
    expect(result).toMatchObject({ ok: true, created: { negotiation: gaza2024.slug, entries: exported.entries.length, sources: exported.sources.length } });
    const second = await exportNegotiationJson((await getNegotiation(gaza2024.slug))!);
    expect(second).toBe(first);
  }, 120_000);

  it("demo negotiation: entries CSV exported, imported into a new negotiation of an empty database, exported again gives the same bytes", async () => {
    const negotiation = await demo();
    const first = await exportEntriesCsv(negotiation.id);
    expect(first.startsWith(`\uFEFF${ENTRY_COLUMNS.join(",")}\r\n`)).toBe(true);

    useFreshDatabase();
    const result = await importEntriesCsv(first, { slug: "copy", createMissing: true, actor: "test" });
    expect(result.problems.map(problemText)).toEqual([]);
    const copy = (await getNegotiation("copy"))!;
    expect(await exportEntriesCsv(copy.id)).toBe(first);
  }, 120_000);

  it("the matrix export shows what the matrix shows as of the day", async () => {
    const negotiation = await demo();
    const { parties, issues, cells, cellKey } = await getMatrix({ negotiationId: negotiation.id, asOf: "2024-08-25" });
    const filled = issues.flatMap((i) => parties.map((p) => cells.get(cellKey(i.id, p.id))?.current)).filter(Boolean);
    const rows = await matrixRows(negotiation.id, "2024-08-25");
    expect(rows).toHaveLength(filled.length);
    expect(rows[0]).toEqual(expect.objectContaining({ issue: issues[0]!.name, stance: expect.any(String), stated_on: expect.stringMatching(/^2024-/) }));
    expect((await exportMatrixCsv(negotiation.id, "2024-08-25")).split("\r\n")[0]).toBe("\uFEFFissue,party,stance,firmness,stated_on,summary,source_title,source_url");
  }, 120_000);
});

const HEADER = ENTRY_COLUMNS.join(",");
const row = (party: string, issue: string, summary: string, extra = "") =>
  `2024-08-25,${party},${issue},rejects,firm,${summary},${extra},,Cairo talks,Reuters,https://example.org/cairo,2024-08-25,en`;

describe("entries import", () => {
  it("matches parties by name, short name and alias, issues by name, sources by URL; writes revisions", async () => {
    const negotiation = await demo();
    const db = await getDb();
    const hamas = await db.party.findFirstOrThrow({ where: { negotiationId: negotiation.id, name: { contains: "Hamas" } } });
    const pij = await db.party.findFirst({ where: { negotiationId: negotiation.id, aliases: { contains: "PIJ" } } });
    const issue = await db.issue.findFirstOrThrow({ where: { negotiationId: negotiation.id }, orderBy: { id: "asc" } });
    const before = await counts();
    const lines = [HEADER, row(hamas.name.toUpperCase(), issue.name, "One"), row(hamas.shortName || hamas.name, issue.name, "Two")];
    if (pij) lines.push(row("PIJ", issue.name, "Three"));
    const result = await importEntriesCsv(lines.join("\n"), { slug: negotiation.slug, actor: "test" });
    expect(result.problems).toEqual([]);
    const n = lines.length - 1;
    expect(result.created).toEqual({ negotiation: null, parties: [], issues: [], sources: 1, entries: n });
    const after = await counts();
    expect(after.entries - before.entries).toBe(n);
    expect(after.sources - before.sources).toBe(1);
    expect(after.revisions - before.revisions).toBe(n + 1);
  }, 120_000);

  it("a dry run names every problem by line and column and writes nothing", async () => {
    const negotiation = await demo();
    const db = await getDb();
    const party = await db.party.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
    const issue = await db.issue.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
    const before = await counts();
    const text = [HEADER, row(party.name, issue.name, "Fine"), row("Nobody", issue.name, "Unknown party"), row(party.name, "No such issue", "Unknown issue"), row(party.name, issue.name, "")].join("\n");
    const result = await importEntriesCsv(text, { slug: negotiation.slug, dryRun: true, actor: "test" });
    expect(result.ok).toBe(false);
    expect(result.problems.map(problemText)).toEqual([
      expect.stringMatching(/^Line 3, parties: No party of this negotiation is called “Nobody”/),
      expect.stringMatching(/^Line 4, issue: No issue of this negotiation is called “No such issue”/),
      "Line 5, summary: Summarise the position in your own words.",
    ]);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("is all or nothing: one bad row (a quote not in the source's text) and nothing is saved; a clean dry run saves nothing either", async () => {
    const negotiation = await demo();
    const db = await getDb();
    const party = await db.party.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
    const issue = await db.issue.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
    const withText = await db.source.findFirstOrThrow({ where: { negotiationId: negotiation.id, text: { not: null } } });
    const before = await counts();
    const bad = `2024-08-25,${party.name},${issue.name},demands,,Quote not there,Words nobody said,,"${withText.title}",${withText.outlet},${withText.url},${withText.publishedOn},en`;
    const result = await importEntriesCsv([HEADER, row(party.name, issue.name, "Fine"), bad].join("\n"), { slug: negotiation.slug, actor: "test", createMissing: true });
    expect(result.ok).toBe(false);
    expect(result.problems.map(problemText)).toEqual([expect.stringMatching(/^Line 3, quote: This quote does not occur/)]);
    expect(await counts()).toEqual(before);

    const clean = await importEntriesCsv([HEADER, row(party.name, issue.name, "Fine")].join("\n"), { slug: negotiation.slug, actor: "test", dryRun: true });
    expect(clean).toMatchObject({ ok: true, dryRun: true, created: { entries: 1, sources: 1 } });
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("creates the negotiation, and with create-missing its parties and issues", async () => {
    useFreshDatabase();
    const text = [HEADER, row("Hamas; Israel", "Hostages", "Joint"), row("Israel", "Hostages", "Alone")].join("\n");
    const refused = await importEntriesCsv(text, { slug: "fresh", title: "Fresh talks", actor: "test" });
    expect(refused.problems.map((p) => [p.line, p.column])).toEqual([[2, "parties"], [2, "parties"], [2, "issue"], [3, "parties"], [3, "issue"]]);
    expect(await getNegotiation("fresh")).toBeNull();
    const result = await importEntriesCsv(text, { slug: "fresh", title: "Fresh talks", createMissing: true, actor: "test" });
    expect(result).toMatchObject({ ok: true, created: { negotiation: "fresh", parties: ["Hamas", "Israel"], issues: ["Hostages"], sources: 1, entries: 2 } });
    expect((await getNegotiation("fresh"))!.title).toBe("Fresh talks");
  }, 120_000);

  it("refuses a negotiation file whose short name is taken, and a broken one, naming where", async () => {
    const negotiation = await demo();
    const text = await exportNegotiationJson(negotiation);
    const taken = await importNegotiationJson(text, { actor: "test" });
    expect(taken.problems[0]!.message).toMatch(/exists already/);
    const file = JSON.parse(text);
    file.entries[2].summary = "";
    const broken = await importNegotiationJson(JSON.stringify(file), { slug: "other", actor: "test" });
    expect(broken.problems.map(problemText)).toEqual(["entries[2].summary: Summarise the position in your own words."]);
    expect(await getNegotiation("other")).toBeNull();
  }, 120_000);

  it("carries the milestones (issue 11 item 4) with their sources; a bad one is refused by where it is, and nothing is saved", async () => {
    const text = await exportNegotiationJson(await demo());
    const file = JSON.parse(text);
    const cairo = file.milestones.find((m: { title: string }) => m.title === "Talks in Cairo");
    expect(cairo).toMatchObject({ day: "2024-08-25", note: expect.any(String) });
    expect(file.sources.find((s: { key: string }) => s.key === cairo.source).title).toMatch(/Crucial round of negotiations/);

    useFreshDatabase();
    const copied = await importNegotiationJson(text, { actor: "test" });
    expect(copied.problems.map(problemText)).toEqual([]);
    const db = await getDb();
    expect(await db.milestone.count()).toBe(file.milestones.length);
    expect(await db.revision.count({ where: { entityType: "milestone", action: "create" } })).toBe(file.milestones.length);

    const bad = structuredClone(file);
    bad.milestones[0].day = "2024-02-30";
    bad.milestones[1].source = "source-99999";
    const before = await counts();
    const refused = await importNegotiationJson(JSON.stringify(bad), { slug: "bad-milestones", actor: "test" });
    expect(refused.problems.map(problemText)).toEqual(["milestones[1].source: No source has the key source-99999."]);
    const dayOnly = structuredClone(file);
    dayOnly.milestones[0].day = "2024-02-30";
    const refusedDay = await importNegotiationJson(JSON.stringify(dayOnly), { slug: "bad-milestones", actor: "test" });
    expect(refusedDay.problems.map(problemText)).toEqual([expect.stringMatching(/^milestones\[0\]\.day: /)]);
    expect(await counts()).toEqual(before);
    expect(await getNegotiation("bad-milestones")).toBeNull();
  }, 180_000);

  it("carries each issue's words reports use (issue 12) as an optional keywords key, written only when there are some; an older file without it imports", async () => {
    const negotiation = await demo();
    const db = await getDb();
    const bare = await db.issue.findFirstOrThrow({ where: { negotiationId: negotiation.id, keywords: { not: "" } }, select: { id: true, name: true } });
    await db.issue.update({ where: { id: bare.id }, data: { keywords: "" } });
    const text = await exportNegotiationJson(negotiation);
    const file = JSON.parse(text);
    const withWords = file.issues.filter((i: { keywords?: string[] }) => i.keywords);
    expect(withWords.length).toBeGreaterThan(0);
    for (const i of withWords) expect(i.keywords.length).toBeGreaterThan(0);
    // No empty list: an issue without words is written as before.
    expect(Object.keys(file.issues.find((i: { name: string }) => i.name === bare.name))).toEqual(["key", "name", "description", "order"]);

    useFreshDatabase();
    expect((await importNegotiationJson(text, { actor: "test" })).problems.map(problemText)).toEqual([]);
    const copied = await (await getDb()).issue.findFirstOrThrow({ where: { name: withWords[0].name }, select: { keywords: true } });
    expect(copied.keywords).toBe(withWords[0].keywords.join("\n"));
    expect(await exportNegotiationJson((await getNegotiation(file.negotiation.slug))!)).toBe(text);

    const older = structuredClone(file);
    for (const i of older.issues) delete i.keywords;
    const imported = await importNegotiationJson(JSON.stringify(older), { slug: "older-file", actor: "test" });
    expect(imported.problems.map(problemText)).toEqual([]);
    const olderIssues = await (await getDb()).issue.findMany({ where: { negotiation: { slug: "older-file" } }, select: { keywords: true } });
    expect(olderIssues.every((i) => i.keywords === "")).toBe(true);
  }, 180_000);

  it("carries the sides (issue 11 item 1) and each party's side; a party naming no side of the file is refused, and nothing is saved", async () => {
    const text = await exportNegotiationJson(await demo());
    const file = JSON.parse(text);
    const factions = file.sides.find((s: { name: string }) => s.name === "Palestinian factions");
    expect(factions).toMatchObject({ key: expect.stringMatching(/^side-\d+$/), colour: expect.any(String) });
    const onFactions = file.parties.filter((p: { side?: string }) => p.side === factions.key).map((p: { name: string }) => p.name);
    expect(onFactions.sort()).toEqual(["Hamas", "Palestinian Islamic Jihad"]);

    useFreshDatabase();
    const copied = await importNegotiationJson(text, { actor: "test" });
    expect(copied.problems.map(problemText)).toEqual([]);
    const db = await getDb();
    const hamas = await db.party.findFirst({ where: { name: "Hamas" }, select: { side: { select: { name: true } } } });
    expect(hamas?.side?.name).toBe("Palestinian factions");
    expect(await db.revision.count({ where: { entityType: "side", action: "create" } })).toBe(file.sides.length);

    const bad = structuredClone(file);
    bad.parties[0].side = "side-99";
    const before = await counts();
    const refused = await importNegotiationJson(JSON.stringify(bad), { slug: "bad-sides", actor: "test" });
    expect(refused.problems.map(problemText)).toEqual(["parties[0].side: No side has the key side-99."]);
    expect(await counts()).toEqual(before);
    expect(await getNegotiation("bad-sides")).toBeNull();
  }, 180_000);
});
