"use client";

import Link from "next/link";
import { FirmnessTag, StanceBadge } from "@/components/stance";
import { formatDay } from "@/lib/format";
import { GAP_LABELS, type GapStatus } from "@/lib/gap";
import { PARTY_ROLE_LABELS, type PartyRole } from "@/lib/vocabulary";

type Party = { id: number; name: string; shortName: string; colour: string; role: string };
/** The position in force in one cell: [stance, firmness, summary, day stated], or null (none). */
export type GapTableCell = [stance: string, firmness: string | null, summary: string, statedOn: string] | null;
export type GapTableRow = {
  id: number;
  name: string;
  status: GapStatus;
  reason: string;
  /** Mediators' and observers' positions in words ("Mediators: Qatar accepts"), or "". */
  bystanders: string;
  cells: GapTableCell[];
};
/** A column group over the party columns: a side (name and palette colour) or the parties without one (side null). */
export type GapTableGroup = { side: { name: string; colour: string } | null; span: number };

/**
 * The gap table: one row per issue with its status and each party's position in force. A client
 * component fed plain rows (server/queries and lib/gaps-view.ts decide them), so the page's
 * payload carries each cell's data once rather than a serialised element tree beside the HTML
 * (docs/decisions/025).
 */
export function GapsTable({
  base,
  asOf,
  caption,
  label,
  parties,
  rows,
  groups = [],
}: {
  base: string;
  asOf: string;
  caption: string;
  label: string;
  /** In column order; when `groups` is given, grouped by side in the groups' order. */
  parties: Party[];
  rows: GapTableRow[];
  groups?: GapTableGroup[];
}) {
  return (
    <div className="gaps-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="gaps">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {groups.length > 0 ? (
            <tr className="gaps-sides">
              <td colSpan={2} />
              {groups.map((g, i) => (
                <th scope="colgroup" colSpan={g.span} key={i} className={g.side ? "gaps-side" : "gaps-side gaps-no-side"}>
                  {g.side ? (
                    <span className="head-name">
                      <span className="swatch" style={{ background: g.side.colour }} aria-hidden="true" />
                      <span dir="auto">{g.side.name}</span>
                    </span>
                  ) : (
                    "No side"
                  )}
                </th>
              ))}
            </tr>
          ) : null}
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Status</th>
            {parties.map((p) => (
              <th scope="col" key={p.id} className={p.role === "party" ? undefined : "gaps-bystander"}>
                <span className="head-name">
                  <span className="swatch" style={{ background: p.colour }} aria-hidden="true" />
                  <Link href={`${base}/parties/${p.id}`} dir="auto" prefetch={false}>
                    {p.shortName || p.name}
                  </Link>
                </span>
                <span className="head-role">{PARTY_ROLE_LABELS[p.role as PartyRole] ?? p.role}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((issue) => (
            <tr key={issue.id}>
              <th scope="row">
                <Link href={`${base}/issues/${issue.id}?asOf=${asOf}`} dir="auto" prefetch={false}>
                  {issue.name}
                </Link>
              </th>
              <td className="gaps-status-cell">
                <span className={`gap-status gap-${issue.status}`}>{GAP_LABELS[issue.status]}</span> <span className="gap-reason">{issue.reason}</span>
                {issue.bystanders ? <span className="gap-bystanders">{issue.bystanders}</span> : null}
              </td>
              {issue.cells.map((cell, i) => {
                const party = parties[i]!;
                const name = party.shortName || party.name;
                return (
                  <td key={party.id} className={party.role === "party" ? undefined : "gaps-bystander"}>
                    <span className="visually-hidden">
                      <bdi>{name}</bdi>:{" "}
                    </span>
                    {cell ? (
                      <div className="gaps-cell">
                        <span className="cell-top">
                          <StanceBadge stance={cell[0]} />
                          <FirmnessTag firmness={cell[1]} />
                        </span>
                        <span className="gaps-summary" title={cell[2]} dir="auto">
                          {cell[2]}
                        </span>
                        <Link href={`${base}/cells/${party.id}/${issue.id}`} className="gaps-date" prefetch={false}>
                          {formatDay(cell[3])}
                          <span className="visually-hidden">
                            {" "}
                            (history of <bdi>{name}</bdi> on <bdi>{issue.name}</bdi>)
                          </span>
                        </Link>
                      </div>
                    ) : (
                      <>
                        <span className="gaps-none" aria-hidden="true">
                          —
                        </span>
                        <span className="visually-hidden">No position</span>
                      </>
                    )}
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
