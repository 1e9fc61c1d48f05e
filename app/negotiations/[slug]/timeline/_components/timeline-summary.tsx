// The summarised timeline (docs/decisions/024, 030): per month, how many entries each issue has
// (its lanes), each party made and took each stance, as data tables (row and column headers, so a screen reader
// names every count). Each month's header opens that month's entries.
import Link from "next/link";
import { StanceBadge } from "@/components/stance";
import { monthLabel, shade, shortMonthLabel, type SummaryRow, type TimelineSummary } from "@/lib/timeline-summary";

function CountTable<K extends string | number>({
  id,
  caption,
  rowHeading,
  rows,
  months,
  totals,
  max,
  monthHref,
  rowHeader,
}: {
  id: string;
  caption: string;
  rowHeading: string;
  rows: Array<SummaryRow<K>>;
  months: string[];
  totals: number[];
  max: number;
  monthHref: (month: string) => string;
  rowHeader: (key: K) => React.ReactNode;
}) {
  return (
    <div className="table-wrap tl-summary-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data-table tl-summary">
        <caption id={id} className="tl-caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {months.map((m) => (
              <th scope="col" key={m}>
                <Link href={monthHref(m)} aria-label={`${monthLabel(m)}: open its entries`}>
                  {shortMonthLabel(m)}
                </Link>
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.key)}>
              <th scope="row">{rowHeader(r.key)}</th>
              {r.counts.map((n, i) => (
                <td key={months[i]} className={`tl-heat tl-heat-${shade(n, max)}`}>
                  {n || ""}
                </td>
              ))}
              <td className="tl-total">{r.total.toLocaleString("en")}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All</th>
            {totals.map((n, i) => (
              <td key={months[i]} className="tl-total">
                {n || ""}
              </td>
            ))}
            <td className="tl-total">{totals.reduce((a, b) => a + b, 0).toLocaleString("en")}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function TimelineSummaryTables({
  summary,
  byIssue,
  issueNames,
  issueHref,
  partyNames,
  scope,
  monthHref,
}: {
  summary: TimelineSummary;
  /** Entries per issue and month (lib/timeline-summary.ts buildIssueRows), or null (one issue shown). */
  byIssue: { rows: Array<SummaryRow<number>>; totals: number[]; max: number } | null;
  issueNames: Map<number, string>;
  /** The timeline of one issue (the month's context kept). */
  issueHref: (issueId: number) => string;
  partyNames: Map<number, string>;
  scope: string;
  monthHref: (month: string) => string;
}) {
  const maxStance = Math.max(0, ...summary.byStance.flatMap((s) => s.counts));
  return (
    <>
      {byIssue ? (
        <CountTable
          id="tl-by-issue"
          caption={`Entries per issue and month ${scope}; a joint statement counts once`}
          rowHeading="Issue"
          rows={byIssue.rows}
          months={summary.months}
          totals={byIssue.totals}
          max={byIssue.max}
          monthHref={monthHref}
          rowHeader={(id) => (
            <Link href={issueHref(id)} dir="auto">
              {issueNames.get(id)}
            </Link>
          )}
        />
      ) : null}
      <CountTable
        id="tl-by-party"
        caption={`Entries per party and month ${scope}; a joint statement counts for each party that made it`}
        rowHeading="Party"
        rows={summary.byParty}
        months={summary.months}
        totals={summary.totals}
        max={summary.maxPartyCount}
        monthHref={monthHref}
        rowHeader={(id) => <bdi>{partyNames.get(id)}</bdi>}
      />
      <CountTable
        id="tl-by-stance"
        caption={`Entries per stance and month ${scope}`}
        rowHeading="Stance"
        rows={summary.byStance}
        months={summary.months}
        totals={summary.totals}
        max={maxStance}
        monthHref={monthHref}
        rowHeader={(stance) => <StanceBadge stance={stance} />}
      />
    </>
  );
}
