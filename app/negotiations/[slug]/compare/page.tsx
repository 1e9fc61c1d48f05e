import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { viewDayParam } from "@/lib/search-params";
import { getNegotiation } from "@/server/queries/negotiations";
import { getComparison } from "@/server/queries/entries";
import { addDays, todayUTC } from "@/lib/day";
import { formatDay, plural } from "@/lib/format";
import { CHANGE_DIRECTION, CHANGE_LABELS, type ChangeType } from "@/lib/change";
import { ChangeBadge } from "@/components/change-badge";
import { FirmnessTag, StanceBadge } from "@/components/stance";
import { titled } from "../_components/page-title";

export const generateMetadata = titled("Compare two dates");

type Search = { from?: string | string[]; to?: string | string[] };

/** The columns of the counts table, in the order an analyst reads a move. */
const COUNTED: readonly ChangeType[] = ["hardened", "softened", "reversed", "new", "withdrawn", "reworded"];

export default async function ComparePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const today = todayUTC();
  const toParam = viewDayParam(search.to, today);
  const fromParam = viewDayParam(search.from, today);
  const to = toParam.day ?? today;
  const from = fromParam.day ?? addDays(to, -30);
  const invalid = [fromParam.invalid ? "A" : null, toParam.invalid ? "B" : null].filter(Boolean);

  const { parties, issues, ...result } = await getComparison({ negotiationId: negotiation.id, from, to });
  const changed = new Map(result.cells.map((c) => [`${c.issueId}:${c.partyId}`, c]));
  const rowIssues = issues.filter((i) => result.cells.some((c) => c.issueId === i.id));
  const colParties = parties.filter((p) => result.cells.some((c) => c.partyId === p.id));
  const base = `/negotiations/${slug}`;

  return (
    <>
      <div className="toolbar">
        <form method="get" action={`${base}/compare`} aria-label="Choose the two dates to compare">
          <label>
            Date A (before)
            <input type="date" name="from" defaultValue={result.from} />
          </label>
          <label>
            Date B (after)
            <input type="date" name="to" defaultValue={result.to} />
          </label>
          <button type="submit" className="button">
            Compare
          </button>
        </form>
      </div>
      {invalid.length ? (
        <p className="form-error" role="alert">
          Date {invalid.join(" and ")} was not a date Parley shows (a real date from 1 Jan 1900 to a year from today); the default was used.
        </p>
      ) : null}
      <p aria-live="polite">
        What changed between <strong>{formatDay(result.from)}</strong> and <strong>{formatDay(result.to)}</strong>:{" "}
        {plural(result.cells.length, "position", "positions")} moved.{" "}
        <Link href={`${base}?asOf=${result.to}`}>Matrix as of {formatDay(result.to)}</Link>
      </p>

      <h2>Counts</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Counts per party (scrolls sideways on a narrow screen)">
        <table className="data-table counts-table">
          <caption className="visually-hidden">Changes per party between the two dates</caption>
          <thead>
            <tr>
              <th scope="col">Party</th>
              {COUNTED.map((c) => (
                <th scope="col" key={c}>
                  <span aria-hidden="true">{CHANGE_DIRECTION[c]} </span>
                  {CHANGE_LABELS[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {parties.map((p) => {
              const counts = result.byParty.get(p.id)!;
              return (
                <tr key={p.id}>
                  <th scope="row" dir="auto">
                    {p.name}
                  </th>
                  {COUNTED.map((c) => (
                    <td key={c}>{counts[c]}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {COUNTED.map((c) => (
                <td key={c}>
                  <strong>{result.total[c]}</strong>
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>

      <h2>What differs</h2>
      {result.cells.length === 0 ? (
        <p className="empty">No position changed between these dates. Try an earlier date A.</p>
      ) : (
        <div className="matrix-scroll" tabIndex={0} role="region" aria-label="Positions that differ between the two dates">
          <table className="matrix">
            <caption className="visually-hidden">Only issues and parties whose position changed; each cell shows before → after</caption>
            <thead>
              <tr>
                <th scope="col">Issue \ Party</th>
                {colParties.map((p) => (
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
              {rowIssues.map((i) => (
                <tr key={i.id}>
                  <th scope="row" dir="auto">
                    {i.name}
                  </th>
                  {colParties.map((p) => {
                    const c = changed.get(`${i.id}:${p.id}`);
                    return (
                      <td key={p.id}>
                        <span className="visually-hidden">
                          <bdi>{p.shortName || p.name}</bdi> on <bdi>{i.name}</bdi>:{" "}
                        </span>
                        {c ? (
                          <div className="compare-cell">
                            <ChangeBadge change={c.change} overridden={c.overridden} />
                            <span>
                              {c.before ? (
                                <>
                                  <StanceBadge stance={c.before.stance} /> <FirmnessTag firmness={c.before.firmness} />
                                </>
                              ) : (
                                <span className="cell-empty">nothing</span>
                              )}{" "}
                              <span className="compare-arrow">→</span> <StanceBadge stance={c.after.stance} /> <FirmnessTag firmness={c.after.firmness} />
                            </span>
                            <p className="cell-summary" dir="auto">
                              {c.after.summary}
                            </p>
                            <span className="cell-meta">
                              {c.before ? `${formatDay(c.before.statedOn)} → ` : ""}
                              {formatDay(c.after.statedOn)}
                              <Link href={`${base}/cells/${p.id}/${i.id}`}>history</Link>
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
      )}
    </>
  );
}
