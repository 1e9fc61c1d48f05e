// Issue 9, item 1: the source page's text cut into highlighted runs and its entries in reading order.
import { describe, expect, it } from "vitest";
import { quoteEntryHref, readingOrder, textRuns } from "@/lib/workbench";
import { partyTint } from "@/lib/colour";
import { locateQuote } from "@/lib/quote";

const TEXT = "Hamas demands a full withdrawal and rejects any buffer zone. Israel refuses.";
const entry = (id: number, quote: string | null, statedOn = "2024-08-25") => ({ id, statedOn, quoteSpan: quote ? locateQuote(TEXT, quote) : null });

describe("textRuns", () => {
  it("gives the whole text as one plain run without quotes", () => {
    expect(textRuns(TEXT, [])).toEqual([{ start: 0, end: TEXT.length, text: TEXT, entryIds: [], startsQuoteOf: [] }]);
  });

  it("cuts around each quote and joins back to the text exactly", () => {
    const runs = textRuns(TEXT, [entry(1, "demands a full withdrawal"), entry(2, "Israel refuses")]);
    expect(runs.map((r) => r.text).join("")).toBe(TEXT);
    expect(runs.filter((r) => r.entryIds.length).map((r) => [r.text, r.entryIds, r.startsQuoteOf])).toEqual([
      ["demands a full withdrawal", [1], [1]],
      ["Israel refuses", [2], [2]],
    ]);
  });

  it("handles overlapping and nested quotes: each run names every entry covering it, innermost first", () => {
    const runs = textRuns(TEXT, [entry(1, "demands a full withdrawal and rejects"), entry(2, "withdrawal and rejects any buffer zone"), entry(3, "full")]);
    expect(runs.map((r) => r.text).join("")).toBe(TEXT);
    const covered = runs.filter((r) => r.entryIds.length).map((r) => [r.text, r.entryIds]);
    expect(covered).toEqual([
      ["demands a ", [1]],
      ["full", [3, 1]],
      [" ", [1]],
      ["withdrawal and rejects", [1, 2]],
      [" any buffer zone", [2]],
    ]);
  });

  it("ignores a span that no longer fits the text (it is located again on read)", () => {
    expect(textRuns("short", [{ id: 1, statedOn: "2024-01-01", quoteSpan: { start: 2, end: 50 } }]).map((r) => r.entryIds)).toEqual([[]]);
  });

  it("keeps Arabic text intact around its highlight", () => {
    const ar = "قال المتحدث: نرفض أي منطقة عازلة في القاهرة.";
    const runs = textRuns(ar, [{ id: 9, statedOn: "2024-01-01", quoteSpan: locateQuote(ar, "نرفض أي منطقة عازلة") }]);
    expect(runs.map((r) => r.text)).toEqual(["قال المتحدث: ", "نرفض أي منطقة عازلة", " في القاهرة."]);
  });
});

describe("readingOrder", () => {
  it("orders by where the quote is in the text, entries without a located quote after, by date", () => {
    const list = [entry(1, null, "2024-08-26"), entry(2, "Israel refuses"), entry(3, "rejects any"), entry(4, null, "2024-08-20"), entry(5, "Hamas demands")];
    expect(readingOrder(list).map((e) => e.id)).toEqual([5, 3, 2, 4, 1]);
  });
});

describe("partyTint and quoteEntryHref", () => {
  it("tints a party colour towards white", () => {
    expect(partyTint("#000000")).toBe("#d1d1d1");
    expect(partyTint("#0072b2")).toBe("#d1e6f1");
    expect(partyTint("not a colour")).toBe("#f3f4f6");
  });
  it("puts the quote in the address as selected, never cut", () => {
    const quote = "“We reject” — نرفض\u00a0&  Мы ".repeat(40);
    const href = quoteEntryHref("gaza", { id: 21, publishedOn: "2024-08-25" }, quote);
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/negotiations/gaza/entries/new");
    expect(url.searchParams.get("source")).toBe("21");
    expect(url.searchParams.get("statedOn")).toBe("2024-08-25");
    expect(url.searchParams.get("quote")).toBe(quote);
    expect(new URL(quoteEntryHref("gaza", { id: 3, publishedOn: null }, "x"), "http://x").searchParams.has("statedOn")).toBe(false);
  });
});
