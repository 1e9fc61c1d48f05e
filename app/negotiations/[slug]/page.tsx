import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsOfInput, InvalidAsOfNotice } from "@/components/as-of";
import { asOfParam, firstValue as one } from "@/lib/search-params";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getMatrix } from "@/server/queries/entries";
import { formatDay, plural } from "@/lib/format";
import { CHANGE_WINDOWS, DEFAULT_CHANGE_WINDOW, inWindow, parseWindow } from "@/lib/window";
import { changeOf } from "@/lib/history";
import { CHANGE_DIRECTION, CHANGE_LABELS, type ChangeType } from "@/lib/change";
import { PARTY_ROLE_LABELS, type PartyRole } from "@/lib/vocabulary";
import { MatrixCellView } from "./_components/matrix-cell";
import { ExportLinks } from "./_components/export-links";

export const metadata: Metadata = { title: "Matrix" };

type Search = { asOf?: string | string[]; axis?: string | string[]; saved?: string | string[]; window?: string | string[] };

/** Moves worth a mark in the matrix; rewordings and repeats are left to the cell's history. */
const MARKED: readonly ChangeType[] = ["new", "softened", "hardened", "reversed", "withdrawn"];

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();

  const { asOf, today, invalid: invalidAsOf } = asOfParam(search.asOf);
  const partiesAsRows = one(search.axis) === "parties";
  const savedId = Number(one(search.saved)) || null;
  const windowDays = parseWindow(one(search.window));
  const [{ parties, issues, cells, cellKey, entryCount }, viewer] = await Promise.all([getMatrix({ negotiationId: negotiation.id, asOf }), getViewer()]);
  const editor = canEdit(viewer);
  const partyNames = new Map(parties.map((p) => [p.id, p.shortName || p.name]));
  const issueNames = new Map(issues.map((i) => [i.id, i.name]));
  const base = `/negotiations/${slug}`;
  const query = (changes: Record<string, string | null>) => {
    const q = new URLSearchParams();
    const next = {
      asOf: asOf === today ? null : asOf,
      axis: partiesAsRows ? "parties" : null,
      window: windowDays === DEFAULT_CHANGE_WINDOW ? null : String(windowDays ?? "off"),
      ...changes,
    };
    for (const [k, v] of Object.entries(next)) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };

  const partyHeader = (p: (typeof parties)[number]) => (
    <>
      <span className="head-name">
        <span className="swatch" style={{ background: p.colour }} aria-hidden="true" />
        <Link href={`${base}/parties/${p.id}`}>{p.name}</Link>
      </span>
      <span className="head-role">{PARTY_ROLE_LABELS[p.role as PartyRole] ?? p.role}</span>
    </>
  );
  const issueHeader = (i: (typeof issues)[number]) => <span title={i.description || undefined}>{i.name}</span>;
  const rows = partiesAsRows ? parties : issues;
  const columns = partiesAsRows ? issues : parties;

  return (
    <>
      <div className="toolbar">
        <form method="get" action={base} aria-label="Choose the as-of date">
          <AsOfInput asOf={asOf} />
          <label>
            Mark changes in the last
            <select name="window" defaultValue={windowDays === null ? "off" : String(windowDays)}>
              {CHANGE_WINDOWS.map((w) => (
                <option key={w} value={String(w)}>
                  {w} days
                </option>
              ))}
              <option value="off">No change marks</option>
            </select>
          </label>
          {partiesAsRows ? <input type="hidden" name="axis" value="parties" /> : null}
          <button type="submit" className="button">
            Show
          </button>
          {asOf !== today ? (
            <Link href={query({ asOf: null })} className="button">
              Today
            </Link>
          ) : null}
        </form>
        <Link href={query({ axis: partiesAsRows ? null : "parties" })} className="button">
          {partiesAsRows ? "Show issues as rows" : "Show parties as rows"}
        </Link>
        {editor ? (
          <Link href={`${base}/entries/new`} className="button primary">
            Add position entry
          </Link>
        ) : null}
      </div>
      <p className="muted small" aria-live="polite">
        Positions as of <strong>{formatDay(asOf)}</strong>
        {asOf === today ? " (today)" : ""}: each cell shows the latest entry stated on or before that day
        {windowDays ? (
          <>
            ; a mark ({MARKED.map((c) => `${CHANGE_DIRECTION[c]} ${CHANGE_LABELS[c].toLowerCase()}`).join(", ")}) shows a position that moved in the{" "}
            {windowDays} days up to it
          </>
        ) : null}
        . {plural(entryCount, "entry", "entries")} in all.
      </p>
      <InvalidAsOfNotice value={invalidAsOf} />
      {parties.length === 0 || issues.length === 0 ? (
        <div className="empty">
          <p>The matrix needs at least one party and one issue.</p>
          <p>
            <Link href={`${base}/parties`}>Add parties</Link> · <Link href={`${base}/issues`}>Add issues</Link> ·{" "}
            <Link href={`${base}/sources/new`}>Add a source</Link>
          </p>
        </div>
      ) : (
        <div className="matrix-scroll" tabIndex={0} role="region" aria-label={`Matrix of positions on ${formatDay(asOf)}`}>
          <table className="matrix">
            <caption className="visually-hidden">
              {partiesAsRows ? "Parties as rows, issues as columns" : "Issues as rows, parties as columns"}, positions as of {formatDay(asOf)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{partiesAsRows ? "Party \\ Issue" : "Issue \\ Party"}</th>
                {columns.map((c) => (
                  <th scope="col" key={c.id}>
                    {partiesAsRows ? issueHeader(c as (typeof issues)[number]) : partyHeader(c as (typeof parties)[number])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{partiesAsRows ? partyHeader(r as (typeof parties)[number]) : issueHeader(r as (typeof issues)[number])}</th>
                  {columns.map((c) => {
                    const issueId = partiesAsRows ? c.id : r.id;
                    const partyId = partiesAsRows ? r.id : c.id;
                    const cell = cells.get(cellKey(issueId, partyId))!;
                    const moved =
                      windowDays && cell.current && inWindow(cell.current.statedOn, asOf, windowDays) ? changeOf(cell.previous, cell.current) : null;
                    const mark = moved && MARKED.includes(moved.change) ? moved : null;
                    return (
                      <td
                        key={c.id}
                        id={`cell-${issueId}-${partyId}`}
                        className={savedId && cell.current?.id === savedId ? "cell-saved" : undefined}
                      >
                        <span className="visually-hidden">
                          {partyNames.get(partyId)} on {issueNames.get(issueId)}:{" "}
                        </span>
                        <MatrixCellView
                          cell={cell}
                          slug={slug}
                          partyNames={partyNames}
                          historyHref={`${base}/cells/${partyId}/${issueId}?asOf=${asOf}`}
                          addHref={editor ? `${base}/entries/new?party=${partyId}&issue=${issueId}` : null}
                          change={mark}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ExportLinks slug={slug} asOf={asOf} editor={editor} />
    </>
  );
}
