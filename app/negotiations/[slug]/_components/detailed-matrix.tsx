"use client";

import Link from "next/link";
import type { DetailedCell } from "@/lib/detailed-cell";
import { PARTY_ROLE_LABELS, type PartyRole } from "@/lib/vocabulary";
import { MatrixCellView } from "./matrix-cell";

type Party = { id: number; name: string; shortName: string; colour: string; role: string };
type Issue = { id: number; name: string };

/**
 * The detailed matrix: every cell with its summary, source and neighbours. A client component
 * fed plain cells (lib/detailed-cell.ts), so the page's payload carries each cell's data once
 * rather than a serialised element tree beside the HTML (docs/decisions/025).
 */
export function DetailedMatrix(props: {
  base: string;
  slug: string;
  asOf: string;
  /** "1 Jan 2025": the as-of day as the page shows it. */
  asOfLabel: string;
  partiesAsRows: boolean;
  editor: boolean;
  savedId: number | null;
  parties: Party[];
  issues: Issue[];
  /** Per issue (row order), per party (column order). */
  cells: DetailedCell[][];
}) {
  const { base, slug, asOf, asOfLabel, partiesAsRows, editor, savedId, parties, issues, cells } = props;
  const partyIndex = new Map(parties.map((p, i) => [p.id, i]));
  const issueIndex = new Map(issues.map((p, i) => [p.id, i]));
  const partyHeader = (p: Party) => (
    <>
      <span className="head-name">
        <span className="swatch" style={{ background: p.colour }} aria-hidden="true" />
        <Link href={`${base}/parties/${p.id}`} dir="auto" prefetch={false}>
          {p.name}
        </Link>
      </span>
      <span className="head-role">{PARTY_ROLE_LABELS[p.role as PartyRole] ?? p.role}</span>
    </>
  );
  const issueHeader = (i: Issue) => (
    <Link href={`${base}/issues/${i.id}?asOf=${asOf}`} dir="auto" prefetch={false}>
      {i.name}
    </Link>
  );
  const rows: Array<Party | Issue> = partiesAsRows ? parties : issues;
  const columns: Array<Party | Issue> = partiesAsRows ? issues : parties;
  return (
    <div className="matrix-scroll" tabIndex={0} role="region" aria-label={`Matrix of positions on ${asOfLabel}`}>
      <table className="matrix">
        <caption className="visually-hidden">
          {partiesAsRows ? "Parties as rows, issues as columns" : "Issues as rows, parties as columns"}, positions as of {asOfLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col">{partiesAsRows ? "Party \\ Issue" : "Issue \\ Party"}</th>
            {columns.map((c) => (
              <th scope="col" key={c.id}>
                {partiesAsRows ? issueHeader(c as Issue) : partyHeader(c as Party)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{partiesAsRows ? partyHeader(r as Party) : issueHeader(r as Issue)}</th>
              {columns.map((c) => {
                const issue = (partiesAsRows ? c : r) as Issue;
                const party = (partiesAsRows ? r : c) as Party;
                const cell = cells[issueIndex.get(issue.id)!]![partyIndex.get(party.id)!]!;
                return (
                  <td key={c.id} id={`cell-${issue.id}-${party.id}`} className={savedId && cell.entry?.id === savedId ? "cell-saved" : undefined}>
                    <span className="visually-hidden">
                      {party.shortName || party.name} on {issue.name}:{" "}
                    </span>
                    <MatrixCellView
                      cell={cell}
                      slug={slug}
                      historyHref={`${base}/cells/${party.id}/${issue.id}?asOf=${asOf}`}
                      addHref={editor ? `${base}/entries/new?party=${party.id}&issue=${issue.id}` : null}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
