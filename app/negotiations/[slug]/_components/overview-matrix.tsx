"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import { describeCell, packedCell, type PackedCell } from "@/lib/overview";
import { PARTY_ROLE_LABELS, type PartyRole } from "@/lib/vocabulary";
import { formatDay } from "@/lib/format";
import { MatrixGrid } from "./matrix-grid";

type Party = { id: number; name: string; shortName: string; colour: string; role: string };
type Issue = { id: number; name: string };

/**
 * The overview matrix: one compact line per cell (stance chip, firmness, change mark, age),
 * headers sticky against the page's own scroll, an ARIA grid for the keyboard. Each cell
 * links to its details (?cell=) so the page itself carries no summaries or quotes.
 * A client component fed packed cells (lib/overview.ts packCell) so the page's payload
 * carries a few numbers per cell, not a serialised element tree (decision 012).
 */
export function OverviewMatrix(props: {
  parties: Party[];
  issues: Issue[];
  /** Per issue (row order), per party (column order): the packed cell or null. */
  cells: Array<Array<PackedCell | null>>;
  asOf: string;
  /** "/negotiations/<slug>": where the issue pages are. */
  base: string;
  /** The cell link with "CELL" where "<partyId>-<issueId>" goes. */
  cellHref: string;
  /** "<partyId>-<issueId>" of the cell whose details are open / that was just saved. */
  activeCell: string | null;
  savedCell: string | null;
}) {
  const { parties, issues, cells, asOf, base, cellHref, activeCell, savedCell } = props;
  const label = (p: Party) => p.shortName || p.name;
  const router = useRouter();
  // One handler for all cell links (plain <a>, not 4,800 <Link>s to render and hydrate): a plain
  // click opens the cell's details in place through the router, without scrolling; a click with
  // a modifier (new tab, new window) or without JavaScript is the link's own.
  const openCell = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest<HTMLAnchorElement>('[role="gridcell"] a');
    if (!link || link.origin !== window.location.origin) return;
    event.preventDefault();
    router.push(link.pathname + link.search, { scroll: false });
  };
  return (
    <MatrixGrid className="overview-wrap" onClick={openCell}>
      <table role="grid" className="overview" aria-label={`Matrix of positions on ${formatDay(asOf)}: issues as rows, parties as columns`}>
        <thead>
          <tr role="row">
            <th role="columnheader" scope="col" className="ov-corner">
              Issue
            </th>
            {parties.map((p) => (
              <th role="columnheader" scope="col" key={p.id} title={`${p.name} (${PARTY_ROLE_LABELS[p.role as PartyRole] ?? p.role})`}>
                <span className="swatch" style={{ background: p.colour }} aria-hidden="true" />
                <bdi>{label(p)}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, row) => (
            <tr role="row" key={issue.id}>
              <th role="rowheader" scope="row">
                {/* The issue's page (definition, every party over time): part of the grid's arrow-key rows, not a tab stop of its own. */}
                <a href={`${base}/issues/${issue.id}?asOf=${asOf}`} dir="auto">
                  {issue.name}
                </a>
              </th>
              {parties.map((p, column) => {
                const key = `${p.id}-${issue.id}`;
                const cell = packedCell(cells[row]?.[column] ?? null, asOf);
                const view = describeCell({ party: p.name, issue: issue.name, asOf, cell });
                const classes = [view.empty ? "ov-empty" : view.stale ? "ov-stale" : null, key === savedCell ? "cell-saved" : null].filter(Boolean);
                return (
                  <td
                    role="gridcell"
                    key={p.id}
                    // Only the saved cell needs an anchor (#cell-<issue>-<party> after a save).
                    id={key === savedCell ? `cell-${issue.id}-${p.id}` : undefined}
                    className={classes.length > 0 ? classes.join(" ") : undefined}
                    data-active={key === activeCell ? "" : undefined}
                    aria-selected={key === activeCell ? true : undefined}
                  >
                    <a href={cellHref.replace("CELL", key)}>
                      <span className="visually-hidden">{view.sentence}</span>
                      <span className="ov-party" aria-hidden="true">
                        {label(p)}
                      </span>
                      {view.empty ? (
                        <span className="ov-none" aria-hidden="true">
                          ·
                        </span>
                      ) : (
                        <span aria-hidden="true" className="ov-line">
                          <span className={`chip stance-${cell!.stance}`}>{view.stanceShort}</span>
                          {view.firmnessShort ? <span className="ov-firm">{view.firmnessShort}</span> : null}
                          {view.changeMark ? <span className="ov-change">{view.changeMark}</span> : null}
                          <span className="ov-age">{view.age}</span>
                        </span>
                      )}
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </MatrixGrid>
  );
}
