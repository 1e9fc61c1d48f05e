import { describe, expect, it } from "vitest";
import { ENTRY_COLUMNS, neutraliseCell, parseEntriesCsv, problemText, restoreCell, toCsv } from "@/lib/exchange/csv";
import { buildExchange, exchangeJsonText, parseExchangeJson, type RecordsForExchange } from "@/lib/exchange/format";

const HEADER = ENTRY_COLUMNS.join(",");
const good = "2024-08-25,Hamas;Israel,Philadelphi corridor,rejects,firm,Rejects a presence,,,Cairo talks,Reuters,https://example.org/a,2024-08-25,en";

describe("formula-like cells", () => {
  it("neutralises cells starting with =, +, -, @, tab or carriage return", () => {
    for (const v of ["=1+1", "+1", "-5", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseCell(v)).toBe(`'${v}`);
    expect(neutraliseCell("Hamas")).toBe("Hamas");
    expect(neutraliseCell("'quoted")).toBe("'quoted");
  });
  it("reading back gives every value as it was, apostrophes included", () => {
    for (const v of ["=1+1", "'=1+1", "''-x", "'plain", "plain", "", "-"]) expect(restoreCell(neutraliseCell(v))).toBe(v);
  });
  it("writes UTF-8 with BOM, one header row, CRLF and neutralised cells", () => {
    const text = toCsv(["a", "b"], [["=HYPERLINK(\"x\")", "حماس, \"quoted\""]]);
    expect(text.startsWith("\uFEFFa,b\r\n")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")","حماس, ""quoted"""`);
  });
});

describe("entries CSV validation", () => {
  it("reads a valid file, joint statements split on ;", () => {
    const parsed = parseEntriesCsv(`\uFEFF${HEADER}\r\n${good}\r\n`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ line: 2, partyNames: ["Hamas", "Israel"], issueName: "Philadelphi corridor", stance: "rejects", firmness: "firm" });
    expect(parsed.rows[0]!.source).toMatchObject({ title: "Cairo talks", outlet: "Reuters", url: "https://example.org/a", publishedOn: "2024-08-25", language: "en", text: null });
  });
  it("reports every problem with its line and column, counting multi-line cells", () => {
    const rows = [
      good,
      `2024-08-26,Hamas,Hostages,"rejects","","A summary
over two lines",,,T,O,,2024-08-26,en`,
      "2024-02-31,,Hostages,shouts,firm,,,,T,O,ftp://x,2024-08-26,en",
    ];
    const parsed = parseEntriesCsv([HEADER, ...rows].join("\n"));
    expect(parsed.rows).toHaveLength(2);
    const texts = parsed.problems.map(problemText);
    expect(texts.some((t) => t.startsWith("Line 5, stated_on:"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Line 5, parties:"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Line 5, stance:"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Line 5, summary:"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Line 5, source_url:"))).toBe(true);
    expect(parsed.problems.every((p) => p.line === 5)).toBe(true);
  });
  it("names missing columns and reports extra ones, which are ignored", () => {
    expect(parseEntriesCsv("stated_on,parties\n2024-01-01,Hamas\n").problems[0]!.message).toMatch(/lacks the columns issue, stance/);
    const parsed = parseEntriesCsv(`${HEADER},colour\n${good},red\n`);
    expect(parsed.extraColumns).toEqual(["colour"]);
    expect(parsed.problems).toEqual([]);
  });
  it("reports a row with the wrong number of cells and an unclosed quote", () => {
    expect(problemText(parseEntriesCsv(`${HEADER}\n${good}\n2024-01-01,Hamas\n`).problems[0]!)).toMatch(/^Line 3: This row has 2 cells/);
    expect(parseEntriesCsv(`${HEADER}\n"${good}\n`).problems[0]!.message).toMatch(/not readable as CSV/);
  });
  it("restores neutralised cells before validating", () => {
    const parsed = parseEntriesCsv(`${HEADER}\n${good.replace("Rejects a presence", "'-5 km buffer")}\n`);
    expect(parsed.rows[0]!.summary).toBe("-5 km buffer");
  });
});

const records: RecordsForExchange = {
  negotiation: { slug: "talks", title: "Talks", description: "" },
  parties: [
    { id: 9, name: "Israel", shortName: "", aliases: "", role: "party", colour: "#000000", order: 1 },
    { id: 3, name: "Hamas", shortName: "", aliases: "Harakat\nHMS", role: "party", colour: "#111111", order: 1 },
  ],
  issues: [{ id: 4, name: "Hostages", description: "", order: 0 }],
  sources: [
    { id: 7, title: "B", outlet: "O", url: "", publishedOn: "2024-01-02", language: "en", text: null },
    { id: 2, title: "A", outlet: "O", url: "", publishedOn: "2024-01-01", language: "en", text: "x" },
  ],
  entries: [
    { partyIds: [9, 3], issueId: 4, sourceId: 7, statedOn: "2024-01-02", stance: "rejects", firmness: null, summary: "s", quote: "", notes: "", changeOverride: null },
  ],
};

describe("negotiation JSON format", () => {
  it("keys records by content order, not ids", () => {
    const file = buildExchange(records);
    expect(file.parties.map((p) => [p.key, p.name])).toEqual([["party-1", "Hamas"], ["party-2", "Israel"]]);
    expect(file.sources.map((s) => [s.key, s.title])).toEqual([["source-1", "A"], ["source-2", "B"]]);
    expect(file.entries[0]).toMatchObject({ parties: ["party-1", "party-2"], issue: "issue-1", source: "source-2" });
    expect(file.parties[0]!.aliases).toEqual(["Harakat", "HMS"]);
    const shuffled = buildExchange({ ...records, parties: [...records.parties].reverse(), sources: [...records.sources].reverse() });
    expect(exchangeJsonText(shuffled)).toBe(exchangeJsonText(file));
  });
  it("reads its own output back", () => {
    const parsed = parseExchangeJson(exchangeJsonText(buildExchange(records)));
    expect(parsed.ok).toBe(true);
  });
  it("refuses unknown formats, versions and dangling keys with where they are", () => {
    const file = buildExchange(records);
    const bad = parseExchangeJson(JSON.stringify({ ...file, version: 2 }));
    expect(bad.ok || bad.problems).toEqual([expect.stringMatching(/^version: Parley reads version 1/)]);
    const dangling = parseExchangeJson(JSON.stringify({ ...file, entries: [{ ...file.entries[0], issue: "issue-9" }] }));
    expect(dangling.ok || dangling.problems).toEqual(["entries[0].issue: No issue has the key issue-9."]);
    expect(parseExchangeJson("{").ok).toBe(false);
    const extra = parseExchangeJson(JSON.stringify({ ...file, id: 3 }));
    expect(extra.ok).toBe(false);
  });
});
