"use client";

import Link from "next/link";
import { ChangeBadge } from "@/components/change-badge";
import { FirmnessTag, StanceBadge } from "@/components/stance";
import type { ChangeType } from "@/lib/change";
import { formatDay } from "@/lib/format";

type Party = { id: number; name: string; shortName: string; colour: string };
/** One side of a move: [stance, firmness, day stated]. */
type Side = [stance: string, firmness: string | null, statedOn: string];
/** A cell that moved: [change, analyst override?, before (null: nothing), after, the after entry's summary]; null: no change. */
export type DiffersCell = [change: ChangeType, overridden: boolean, before: Side | null, after: Side, summary: string] | null;
export type DiffersRow = { id: number; name: string; cells: DiffersCell[] };

/**
 * "What differs" on the compare page: only issues and parties with a move, each cell before →
 * after. A client component fed plain rows, so the payload carries each cell's data once rather
 * than a serialised element tree beside the HTML (docs/decisions/025).
 */
export function DiffersTable({ base, parties, rows }: { base: string; parties: Party[]; rows: DiffersRow[] }) {
  return (
    <div className="matrix-scroll" tabIndex={0} role="region" aria-label="Positions that differ between the two dates">
      <table className="matrix">
        <caption className="visually-hidden">Only issues and parties whose position changed; each cell shows before → after</caption>
        <thead>
          <tr>
            <th scope="col">Issue \ Party</th>
            {parties.map((p) => (
              <th scope="col" key={p.id} dir="auto">
                <span className="head-name">
                  <span className="swatch" style={{ background: p.colour }} aria-hidden="true" />
                  {p.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <th scope="row" dir="auto">
                {i.name}
              </th>
              {parties.map((p, column) => {
                const c = i.cells[column] ?? null;
                return (
                  <td key={p.id}>
                    <span className="visually-hidden">
                      <bdi>{p.shortName || p.name}</bdi> on <bdi>{i.name}</bdi>:{" "}
                    </span>
                    {c ? (
                      <div className="compare-cell">
                        <ChangeBadge change={c[0]} overridden={c[1]} />
                        <span>
                          {c[2] ? (
                            <>
                              <StanceBadge stance={c[2][0]} /> <FirmnessTag firmness={c[2][1]} />
                            </>
                          ) : (
                            <span className="cell-empty">nothing</span>
                          )}{" "}
                          <span className="compare-arrow">→</span> <StanceBadge stance={c[3][0]} /> <FirmnessTag firmness={c[3][1]} />
                        </span>
                        <p className="cell-summary" dir="auto">
                          {c[4]}
                        </p>
                        <span className="cell-meta">
                          {c[2] ? `${formatDay(c[2][2])} → ` : ""}
                          {formatDay(c[3][2])}
                          <Link href={`${base}/cells/${p.id}/${i.id}`} prefetch={false}>
                            history
                          </Link>
                        </span>
                      </div>
                    ) : (
                      <span className="cell-empty">No change</span>
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
