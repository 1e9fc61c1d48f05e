// The timeline at scale (issue 10, docs/decisions/024): when a scope has more marks than a chart
// can draw legibly and light (TIMELINE_DETAIL_LIMIT), the page shows how many entries each
// party, and each stance, has per month, counted in SQL (server/queries/timeline.ts); a month
// opens (zooms) to its own entries. Pure, no I/O: which scope the URL asks for and the tables.
import { nextMonth, startOfMonth } from "./timeline";
import { firstValue, type SearchValue } from "./search-params";
import { EARLIEST_DAY, isValidDay } from "./day";

/**
 * A scope with at most this many marks (one per entry and party that made it) is drawn mark by
 * mark, as the timeline always was; more is summarised per month. About 1 KB of HTML per mark
 * (chart, details, table row): 400 keeps the page well under 1 MB.
 */
export const TIMELINE_DETAIL_LIMIT = 400;

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2024-05" -> "May 2024". */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "2024-05" -> "May 24" (column headers: short, still unambiguous). */
export function shortMonthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]!.slice(0, 3)} ${month.slice(2, 4)}`;
}

export interface MonthPeriod {
  month: string;
  /** First day of the month and first day of the next: statedOn >= from AND statedOn < to. */
  from: string;
  to: string;
}

export function monthPeriod(month: string): MonthPeriod {
  const from = `${month}-01`;
  return { month, from, to: nextMonth(from) };
}

/** The month a period parameter names ("YYYY-MM", a real month in Parley's days), or null. */
export function monthParam(value: SearchValue, latestDay: string): { period: MonthPeriod | null; invalid: string | null } {
  const raw = firstValue(value);
  if (!raw) return { period: null, invalid: null };
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(raw) && isValidDay(`${raw}-01`) && `${raw}-01` >= startOfMonth(EARLIEST_DAY) && `${raw}-01` <= latestDay) {
    return { period: monthPeriod(raw), invalid: null };
  }
  return { period: null, invalid: raw };
}

/** The month before `month` ("2024-01" -> "2023-12"). */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${String(y - 1).padStart(4, "0")}-12` : `${month.slice(0, 4)}-${String(m - 1).padStart(2, "0")}`;
}

/** Every month from `first` to `last` inclusive ("YYYY-MM"), so quiet months show as zeros. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = nextMonth(`${m}-01`).slice(0, 7)) out.push(m);
  return out;
}

/** One SQL group: how many marks a party has with a stance in a month. */
export interface MonthCount {
  partyId: number;
  month: string;
  stance: string;
  n: number;
}

export interface SummaryRow<K> {
  key: K;
  /** One count per month of `months`. */
  counts: number[];
  total: number;
}

export interface TimelineSummary {
  months: string[];
  byParty: Array<SummaryRow<number>>;
  byStance: Array<SummaryRow<string>>;
  /** Marks per month, all parties. */
  totals: number[];
  total: number;
  /** The largest count of any party in one month (the shading's top). */
  maxPartyCount: number;
}

/**
 * The per-month tables from the SQL groups: one row per party (in the order given, parties with
 * no entry in the scope included, at zero) and one per stance (vocabulary order, then any other
 * stored value), every month from the first to the last with an entry.
 */
export function buildTimelineSummary(groups: readonly MonthCount[], partyIds: readonly number[], stances: readonly string[]): TimelineSummary | null {
  if (groups.length === 0) return null;
  let first = groups[0]!.month;
  let last = first;
  for (const g of groups) {
    if (g.month < first) first = g.month;
    if (g.month > last) last = g.month;
  }
  const months = monthsBetween(first, last);
  const at = new Map(months.map((m, i) => [m, i]));
  const row = <K,>(key: K): SummaryRow<K> => ({ key, counts: months.map(() => 0), total: 0 });
  const parties = new Map(partyIds.map((id) => [id, row(id)]));
  const stanceRows = new Map(stances.map((s) => [s, row(s)]));
  const totals = months.map(() => 0);
  for (const g of groups) {
    const i = at.get(g.month)!;
    const p = parties.get(g.partyId);
    if (!p) continue; // a party not shown (none: the live rule already leaves out trashed parties)
    p.counts[i]! += g.n;
    p.total += g.n;
    if (!stanceRows.has(g.stance)) stanceRows.set(g.stance, row(g.stance));
    const s = stanceRows.get(g.stance)!;
    s.counts[i]! += g.n;
    s.total += g.n;
    totals[i]! += g.n;
  }
  const byParty = [...parties.values()];
  return {
    months,
    byParty,
    byStance: [...stanceRows.values()].filter((s) => s.total > 0),
    totals,
    total: totals.reduce((a, b) => a + b, 0),
    maxPartyCount: Math.max(0, ...byParty.flatMap((p) => p.counts)),
  };
}

/** Shading step 0–4 of a count against the largest: 0 only for none, so any entry shows. */
export function shade(n: number, max: number): number {
  if (n <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((n / max) * 4)));
}

/** One SQL group: how many entries (each once) an issue has in a month. */
export interface IssueMonthCount {
  issueId: number;
  month: string;
  n: number;
}

/**
 * The summary's lanes by issue: one row per issue (in the order given, issues without an entry
 * at zero) over the summary's months, entries counted once each (a joint statement once, not
 * once per party), with their own totals per month and largest count (the shading's top).
 */
export function buildIssueRows(groups: readonly IssueMonthCount[], months: readonly string[], issueIds: readonly number[]) {
  const at = new Map(months.map((m, i) => [m, i]));
  const rows = new Map(issueIds.map((id) => [id, { key: id, counts: months.map(() => 0), total: 0 } as SummaryRow<number>]));
  const totals = months.map(() => 0);
  for (const g of groups) {
    const i = at.get(g.month);
    const row = rows.get(g.issueId);
    if (i === undefined || !row) continue;
    row.counts[i]! += g.n;
    row.total += g.n;
    totals[i]! += g.n;
  }
  const byIssue = [...rows.values()];
  return { rows: byIssue, totals, max: Math.max(0, ...byIssue.flatMap((r) => r.counts)) };
}
