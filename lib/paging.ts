// Long lists (a cell's history, a party's entries, sources, quotes to check, the trash, a
// timeline period) are read one page at a time in SQL: LIMIT/OFFSET with the total from a
// COUNT over the same rows (docs/decisions/024). Pure, no I/O: which page the URL asks for,
// what rows it covers, and the words and links that say so.
import { parseId } from "./form";
import { firstValue, type SearchValue } from "./search-params";

/** Rows per page: a screenful a reader can scan, and small enough to render fast at any size. */
export const PAGE_SIZE = 50;

/**
 * The page number in the URL: 1 when absent, null when it is not a whole number from 1 (the
 * page answers 404, as for an unknown id). Whether the page exists is `pageOf`'s to say.
 */
export function pageParam(value: SearchValue): number | null {
  const raw = firstValue(value);
  if (raw === undefined || raw === "") return 1;
  return parseId(raw);
}

export interface Page {
  page: number;
  pageSize: number;
  total: number;
  /** At least 1: an empty list has one (empty) page. */
  pageCount: number;
  /** Rows to skip (SQL OFFSET). */
  offset: number;
  /** 1-based positions of the first and last row shown; 0 and 0 for an empty list. */
  first: number;
  last: number;
}

/** The page `page` of `total` rows, or null when there is no such page (past the last: 404). */
export function pageOf(page: number, total: number, pageSize = PAGE_SIZE): Page | null {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return null;
  const offset = (page - 1) * pageSize;
  return { page, pageSize, total, pageCount, offset, first: total === 0 ? 0 : offset + 1, last: Math.min(total, offset + pageSize) };
}

/** "1–50 of 1,479 entries", "1 entry", "No entries". */
export function rangeLabel(p: Page, one: string, many = `${one}s`): string {
  if (p.total === 0) return `No ${many}`;
  const noun = p.total === 1 ? one : many;
  if (p.pageCount === 1) return `${p.total.toLocaleString("en")} ${noun}`;
  return `${p.first.toLocaleString("en")}–${p.last.toLocaleString("en")} of ${p.total.toLocaleString("en")} ${noun}`;
}

/** `href` with `?page=N` set (page 1 drops it, so the first page has one address), other parameters kept. */
export function pageHref(href: string, page: number): string {
  const [path, query = ""] = href.split("?", 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.delete("page");
  if (page > 1) params.set("page", String(page));
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path!;
}

export interface PagerLink {
  page: number;
  href: string;
  current: boolean;
}

/**
 * The numbered links of a pager: the first and last page, and up to `around` pages either side
 * of the current one; a null marks a gap ("…"). Every page is reachable in a few steps.
 */
export function pagerLinks(p: Page, href: string, around = 2): Array<PagerLink | null> {
  const pages = new Set<number>([1, p.pageCount]);
  for (let n = p.page - around; n <= p.page + around; n++) if (n >= 1 && n <= p.pageCount) pages.add(n);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Array<PagerLink | null> = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
    out.push({ page: n, href: pageHref(href, n), current: n === p.page });
  });
  return out;
}
