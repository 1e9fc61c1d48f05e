// Search rules, pure (docs/decisions/014-search.md): what a typed query means, how it becomes a
// SQLite FTS5 query (or a PostgreSQL tsquery) that cannot fail, which terms name a party, what the URL's filters are, and
// how a highlighted snippet is split for safe rendering. server/queries/search.ts runs it.
import { isValidDay } from "./day";
import { firstValue, type SearchValue } from "./search-params";
import { STANCES, type Stance } from "./vocabulary";

/** A query longer than this is refused with a message, never cut silently. */
export const SEARCH_QUERY_MAX = 200;
/** At most this many terms are searched (each one is a separate lookup in the index). */
export const SEARCH_TERMS_MAX = 12;
/**
 * Results listed per kind. Fewer sources than entries: a source's snippet is cut from a whole
 * article, which costs about a millisecond a hit at the bench size (docs/decisions/020).
 */
export const SEARCH_LIMITS = { entries: 50, sources: 20 } as const;

/** Around each matched word in a snippet: private-use characters, split by `snippetParts`. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export interface PartyNames {
  id: number;
  name: string;
  shortName: string;
  /** One per line, as stored. */
  aliases: string;
}

export interface SearchTerm {
  /** The words as typed (a quoted phrase keeps its words together). */
  text: string;
  /**
   * The term as an FTS5 expression: quoted, so no character the user types is FTS syntax; a term
   * naming a party also matches the party's other names in the text ("PIJ" OR "Islamic Jihad").
   */
  fts: string;
  /** The same term as a PostgreSQL tsquery (tsPhrase; docs/decisions/023): what the `fts` form says, for the other store. */
  tsquery: string;
  /** Parties this term names (by name, short name or other name): their entries match it too. */
  partyIds: number[];
}

/** How a name or a typed word is compared: case-folded, accents and spacing ignored. */
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("und")
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a query: whitespace-separated, or "a quoted phrase". Words with no letter or digit are dropped. */
export function queryWords(q: string): string[] {
  const words: string[] = [];
  for (const m of q.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const word = (m[1] ?? m[2] ?? "").replace(/\s+/g, " ").trim();
    if (/[\p{L}\p{N}]/u.test(word)) words.push(word);
  }
  return words;
}

/**
 * One word or phrase as an FTS5 prefix phrase: `"word"*`. Inside double quotes FTS5 treats every
 * character as text (a double quote is written twice), so AND, NEAR, `(`, `:`, `^` or `-` typed
 * by a reader are searched for, never parsed; the trailing `*` lets "Philadelph" find
 * "Philadelphi".
 */
export function ftsPhrase(word: string): string {
  return `"${word.replace(/"/g, '""')}"*`;
}

/**
 * One word or phrase as a PostgreSQL tsquery that matches what `ftsPhrase` matches in SQLite:
 * its words (runs of letters, digits and marks; anything else separates words, as in FTS5's
 * unicode61 and the index of prisma/postgres/migrations/*_search) in a row (`<->`), the last as a
 * prefix (`:*`). Each word is a quoted lexeme holding letters, digits and marks only, so nothing
 * typed is tsquery syntax; the configuration folds case and accents on both sides. Null when the
 * phrase has no word.
 */
export function tsPhrase(word: string): string | null {
  const words = word.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  return words.map((w, i) => `'${w}'${i === words.length - 1 ? ":*" : ""}`).join(" <-> ");
}

/** Every term must match (AND), as a tsquery. */
export function tsAll(terms: SearchTerm[]): string {
  return terms.map((t) => t.tsquery).join(" & ");
}

/** Any term matches (OR), as a tsquery. */
export function tsAny(terms: SearchTerm[]): string {
  return terms.map((t) => t.tsquery).join(" | ");
}

/** Every term must match (AND). */
export function ftsAll(terms: SearchTerm[]): string {
  return terms.map((t) => t.fts).join(" AND ");
}

/** Any term matches (OR): for highlighting each matched term in a hit. */
export function ftsAny(terms: SearchTerm[]): string {
  return terms.map((t) => t.fts).join(" OR ");
}

/**
 * The terms of a query, with the parties each names. Consecutive words that together form a
 * party's name ("Islamic Jihad") become one term; "PIJ" names the party that lists it among its
 * other names. Longest names first.
 */
export function searchTerms(q: string, parties: PartyNames[] = []): SearchTerm[] {
  const byName = new Map<string, Set<number>>();
  const namesOf = new Map<number, string[]>();
  for (const p of parties) {
    const names = [p.name, p.shortName, ...p.aliases.split("\n")].map((x) => x.trim()).filter((x) => /[\p{L}\p{N}]/u.test(x));
    namesOf.set(p.id, names);
    for (const name of names) {
      const key = foldName(name);
      if (!key) continue;
      if (!byName.has(key)) byName.set(key, new Set());
      byName.get(key)!.add(p.id);
    }
  }
  const words = queryWords(q);
  const terms: SearchTerm[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 1;
    let partyIds: number[] = [];
    for (let j = words.length; j > i; j--) {
      const ids = byName.get(foldName(words.slice(i, j).join(" ")));
      if (ids) {
        taken = j - i;
        partyIds = [...ids].sort((a, b) => a - b);
        break;
      }
    }
    const text = words.slice(i, i + taken).join(" ");
    const phrases = [text];
    for (const id of partyIds) for (const name of namesOf.get(id) ?? []) if (!phrases.some((x) => foldName(x) === foldName(name))) phrases.push(name);
    const fts = phrases.length === 1 ? ftsPhrase(text) : `(${phrases.map(ftsPhrase).join(" OR ")})`;
    const ts = phrases.map(tsPhrase).filter((x): x is string => x !== null);
    const tsquery = ts.length === 1 ? ts[0]! : `(${ts.join(" | ")})`;
    terms.push({ text, fts, tsquery, partyIds });
    i += taken;
  }
  return terms.slice(0, SEARCH_TERMS_MAX);
}

export interface SearchFilters {
  negotiation: string | null;
  partyId: number | null;
  issueId: number | null;
  stance: Stance | null;
  from: string | null;
  to: string | null;
}

export interface SearchRequest {
  q: string;
  filters: SearchFilters;
  /** Problems with the URL's values, by field name; the search runs only when there are none. */
  errors: Partial<Record<"q" | keyof SearchFilters, string>>;
  /** What was typed, to show back in the form. */
  typed: Record<"q" | "negotiation" | "party" | "issue" | "stance" | "from" | "to", string>;
}

const ID = /^[1-9]\d{0,9}$/;

/** The search page's URL: `?q=…&negotiation=<slug>&party=<id>&issue=<id>&stance=…&from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export function parseSearchRequest(params: Record<string, SearchValue>): SearchRequest {
  const read = (key: string) => (firstValue(params[key]) ?? "").trim();
  const typed = {
    q: firstValue(params.q) ?? "",
    negotiation: read("negotiation"),
    party: read("party"),
    issue: read("issue"),
    stance: read("stance"),
    from: read("from"),
    to: read("to"),
  };
  const errors: SearchRequest["errors"] = {};
  if ([...typed.q].length > SEARCH_QUERY_MAX) errors.q = `Search for at most ${SEARCH_QUERY_MAX} characters.`;
  const id = (key: "party" | "issue") => {
    if (!typed[key]) return null;
    if (ID.test(typed[key])) return Number(typed[key]);
    errors[key === "party" ? "partyId" : "issueId"] = key === "party" ? "Choose a party from the list." : "Choose an issue from the list.";
    return null;
  };
  const day = (key: "from" | "to") => {
    if (!typed[key]) return null;
    if (isValidDay(typed[key])) return typed[key];
    errors[key] = "Enter a real date as YYYY-MM-DD, e.g. 2024-08-25.";
    return null;
  };
  const stance = typed.stance ? ((STANCES as readonly string[]).includes(typed.stance) ? (typed.stance as Stance) : null) : null;
  if (typed.stance && !stance) errors.stance = "Choose a stance from the list.";
  const filters: SearchFilters = {
    negotiation: typed.negotiation || null,
    partyId: id("party"),
    issueId: id("issue"),
    stance,
    from: day("from"),
    to: day("to"),
  };
  if (filters.from && filters.to && filters.from > filters.to) errors.to = "The end date is before the start date.";
  return { q: typed.q, filters, errors, typed };
}

/** The URL of a search, with only the filters that are set (for links and the shared address). */
export function searchHref(typed: Partial<SearchRequest["typed"]>): string {
  const params = new URLSearchParams();
  for (const key of ["q", "negotiation", "party", "issue", "stance", "from", "to"] as const) {
    const value = typed[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `/search?${s}` : "/search";
}

/** A snippet from the index split into plain and marked parts, for rendering as text and <mark>. */
export function snippetParts(snippet: string): Array<{ text: string; mark: boolean }> {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let mark = false;
  let current = "";
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      if (current) parts.push({ text: current, mark });
      current = "";
      mark = ch === MARK_START;
    } else current += ch;
  }
  if (current) parts.push({ text: current, mark });
  return parts;
}
