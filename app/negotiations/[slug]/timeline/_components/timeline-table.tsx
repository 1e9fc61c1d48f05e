// The same marks as a table, for screen readers and for reading exact dates.
import Link from "next/link";
import { CHANGE_DIRECTION, CHANGE_LABELS, type ChangeType } from "@/lib/change";
import { formatDay } from "@/lib/format";
import { StanceBadge } from "@/components/stance";

export interface TableRow {
  key: string;
  day: string;
  party: string;
  issue: string;
  stance: string;
  change: ChangeType;
  overridden: boolean;
  summary: string;
  href: string;
}

export function TimelineTable({ rows, caption, open = false }: { rows: TableRow[]; caption: string; open?: boolean }) {
  return (
    <details className="tl-table" open={open}>
      <summary>Show the timeline as a table</summary>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="tl-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Party</th>
              <th scope="col">Issue</th>
              <th scope="col">Stance</th>
              <th scope="col">Change</th>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="tl-nowrap">
                  {formatDay(r.day)}
                </th>
                <td dir="auto">{r.party}</td>
                <td dir="auto">{r.issue}</td>
                <td>
                  <StanceBadge stance={r.stance} />
                </td>
                <td className="tl-nowrap">
                  {CHANGE_LABELS[r.change]} <span aria-hidden="true">{CHANGE_DIRECTION[r.change]}</span>
                  {r.overridden ? <span className="small muted"> (set by analyst)</span> : null}
                </td>
                <td dir="auto">
                  <Link href={r.href}>{r.summary}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
