// A cell's history (one party on one issue) in pages, newest first by default or oldest first
// (?order=oldest), and which page holds a given entry (the one in force on the as-of day).
// Pure, no I/O: the query (server/queries/entries.ts listEntriesOfCellPage) reads the cell's
// entry days in date order, and only the chosen page's entries in full.
import { firstValue, type SearchValue } from "./search-params";
import { PAGE_SIZE, type Page } from "./paging";

export const HISTORY_ORDERS = ["newest", "oldest"] as const;
export type HistoryOrder = (typeof HISTORY_ORDERS)[number];
export const DEFAULT_HISTORY_ORDER: HistoryOrder = "newest";

/** `?order=`: "oldest" or "newest"; anything else (missing, unknown) is the default, newest first. */
export function parseHistoryOrder(value: SearchValue): HistoryOrder {
  return HISTORY_ORDERS.find((o) => o === firstValue(value)) ?? DEFAULT_HISTORY_ORDER;
}

/** The date-order positions [lo, hi) a page shows: the page's rows counted from the newest end when newest first. */
export function historyWindow(page: Page, order: HistoryOrder): { lo: number; hi: number } {
  if (order === "oldest") return { lo: page.offset, hi: Math.min(page.total, page.offset + page.pageSize) };
  return { lo: Math.max(0, page.total - page.offset - page.pageSize), hi: page.total - page.offset };
}

/** The page showing the entry at date-order position `index` (0-based) of `total`. */
export function pageShowing(index: number, total: number, order: HistoryOrder, pageSize = PAGE_SIZE): number {
  const position = order === "oldest" ? index : total - 1 - index;
  return Math.floor(position / pageSize) + 1;
}
