// The search query builder (lib/search.ts): typed text never becomes FTS5 syntax, party names
// and aliases are recognised, the URL's filters are checked, snippets split safely.
import { describe, expect, it } from "vitest";
import {
  tsAll,
  tsAny,
  tsPhrase,
  ftsAll,
  ftsAny,
  ftsPhrase,
  MARK_END,
  MARK_START,
  parseSearchRequest,
  queryWords,
  SEARCH_QUERY_MAX,
  SEARCH_TERMS_MAX,
  searchHref,
  searchTerms,
  snippetParts,
} from "@/lib/search";

const PARTIES = [
  { id: 1, name: "Hamas", shortName: "", aliases: "حماس\nХамас" },
  { id: 2, name: "Palestinian Islamic Jihad", shortName: "Islamic Jihad", aliases: "PIJ" },
  { id: 3, name: "Israel", shortName: "ISR", aliases: "" },
];

describe("queryWords", () => {
  it("splits on spaces, keeps a quoted phrase together, drops words without a letter or digit", () => {
    expect(queryWords('  Philadelphi  "Rafah crossing" - * ()  ')).toEqual(["Philadelphi", "Rafah crossing"]);
    expect(queryWords('an "unclosed phrase')).toEqual(["an", "unclosed phrase"]);
    expect(queryWords("القاهرة Каире")).toEqual(["القاهرة", "Каире"]);
  });
});

describe("ftsPhrase", () => {
  it("quotes every term and doubles a double quote, so FTS5 reads it as text", () => {
    expect(ftsPhrase("troops")).toBe('"troops"*');
    expect(ftsPhrase('say "no"')).toBe('"say ""no"""*');
    expect(ftsPhrase("NEAR(a b)")).toBe('"NEAR(a b)"*');
    expect(ftsPhrase("summary:x")).toBe('"summary:x"*');
  });
  it("joins terms with AND for matching and OR for highlighting", () => {
    const terms = searchTerms("troops border");
    expect(ftsAll(terms)).toBe('"troops"* AND "border"*');
    expect(ftsAny(terms)).toBe('"troops"* OR "border"*');
  });
});

describe("tsPhrase (the PostgreSQL form, decision 023)", () => {
  it("a word is a prefix lexeme; a phrase keeps its words in a row, the last a prefix", () => {
    expect(tsPhrase("Philadelph")).toBe("'Philadelph':*");
    expect(tsPhrase("Islamic Jihad")).toBe("'Islamic' <-> 'Jihad':*");
  });
  it("anything but letters, digits and marks separates words, so nothing typed is tsquery syntax", () => {
    expect(tsPhrase("e-mail")).toBe("'e' <-> 'mail':*");
    expect(tsPhrase("'; DROP TABLE Source; --")).toBe("'DROP' <-> 'TABLE' <-> 'Source':*");
    expect(tsPhrase("a:*|!b&(c)<->d\\'")).toBe("'a' <-> 'b' <-> 'c' <-> 'd':*");
    expect(tsPhrase("Каире أيضًا")).toBe("'Каире' <-> 'أيضًا':*");
    expect(tsPhrase("&|!")).toBeNull();
  });
  it("joins terms with & for matching and | for highlighting", () => {
    const terms = searchTerms("troops border");
    expect(tsAll(terms)).toBe("'troops':* & 'border':*");
    expect(tsAny(terms)).toBe("'troops':* | 'border':*");
  });
});

describe("searchTerms and party names", () => {
  it("“PIJ” names Palestinian Islamic Jihad; the term also searches its other names", () => {
    const [term] = searchTerms("pij", PARTIES);
    expect(term).toEqual({
      text: "pij",
      partyIds: [2],
      fts: '("pij"* OR "Palestinian Islamic Jihad"* OR "Islamic Jihad"*)',
      tsquery: "('pij':* | 'Palestinian' <-> 'Islamic' <-> 'Jihad':* | 'Islamic' <-> 'Jihad':*)",
    });
  });
  it("consecutive words forming a name become one term, longest name first", () => {
    const terms = searchTerms("Palestinian Islamic Jihad withdrawal", PARTIES);
    expect(terms.map((t) => [t.text, t.partyIds])).toEqual([
      ["Palestinian Islamic Jihad", [2]],
      ["withdrawal", []],
    ]);
    expect(searchTerms("islamic jihad", PARTIES).map((t) => t.partyIds)).toEqual([[2]]);
  });
  it("matches names in any script and case, but not a part of a word", () => {
    expect(searchTerms("хамас", PARTIES)[0]?.partyIds).toEqual([1]);
    expect(searchTerms("حماس", PARTIES)[0]?.partyIds).toEqual([1]);
    expect(searchTerms("Hama", PARTIES)[0]?.partyIds).toEqual([]);
    expect(searchTerms("isr", PARTIES)[0]?.partyIds).toEqual([3]);
  });
  it("searches at most SEARCH_TERMS_MAX terms", () => {
    expect(searchTerms("a ".repeat(100))).toHaveLength(SEARCH_TERMS_MAX);
  });
});

describe("parseSearchRequest", () => {
  it("reads the query and filters from the URL", () => {
    const r = parseSearchRequest({ q: "PIJ", negotiation: "gaza", party: "2", issue: ["5", "6"], stance: "demands", from: "2024-08-01", to: "2024-08-31" });
    expect(r.errors).toEqual({});
    expect(r.filters).toEqual({ negotiation: "gaza", partyId: 2, issueId: 5, stance: "demands", from: "2024-08-01", to: "2024-08-31" });
  });
  it("names each bad value by its field and keeps what was typed", () => {
    const r = parseSearchRequest({ q: "x".repeat(SEARCH_QUERY_MAX + 1), party: "-1", issue: "1e3", stance: "yells", from: "2024-02-30", to: "tomorrow" });
    expect(r.errors).toEqual({
      q: `Search for at most ${SEARCH_QUERY_MAX} characters.`,
      partyId: "Choose a party from the list.",
      issueId: "Choose an issue from the list.",
      stance: "Choose a stance from the list.",
      from: "Enter a real date as YYYY-MM-DD, e.g. 2024-08-25.",
      to: "Enter a real date as YYYY-MM-DD, e.g. 2024-08-25.",
    });
    expect(r.typed).toMatchObject({ party: "-1", issue: "1e3", stance: "yells", from: "2024-02-30", to: "tomorrow" });
  });
  it("counts characters, not UTF-16 units, for the length limit", () => {
    expect(parseSearchRequest({ q: "😀".repeat(SEARCH_QUERY_MAX) }).errors).toEqual({});
  });
  it("refuses a range that ends before it starts", () => {
    expect(parseSearchRequest({ q: "x", from: "2024-09-01", to: "2024-08-01" }).errors.to).toBe("The end date is before the start date.");
  });
  it("builds the shareable URL from the set values only", () => {
    expect(searchHref({ q: "PIJ demands", negotiation: "gaza", party: "", stance: "demands" })).toBe("/search?q=PIJ+demands&negotiation=gaza&stance=demands");
    expect(searchHref({})).toBe("/search");
  });
});

describe("snippetParts", () => {
  it("splits a snippet into plain and marked parts; markup in the text stays text", () => {
    expect(snippetParts(`…the ${MARK_START}Philadelphi${MARK_END} corridor <b>x</b>…`)).toEqual([
      { text: "…the ", mark: false },
      { text: "Philadelphi", mark: true },
      { text: " corridor <b>x</b>…", mark: false },
    ]);
    expect(snippetParts(`${MARK_START}محور${MARK_END} فيلادلفيا`)).toEqual([
      { text: "محور", mark: true },
      { text: " فيلادلفيا", mark: false },
    ]);
  });
});
