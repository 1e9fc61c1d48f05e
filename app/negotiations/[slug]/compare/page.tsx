import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { viewDayParam } from "@/lib/search-params";
import { getNegotiation } from "@/server/queries/negotiations";
import { getComparison } from "@/server/queries/entries";
import { addDays, todayUTC } from "@/lib/day";
import { formatDay, plural } from "@/lib/format";
import { CHANGE_DIRECTION, CHANGE_LABELS, type ChangeType } from "@/lib/change";
import { titled } from "../_components/page-title";
import { DiffersTable, type DiffersCell } from "./_components/differs-table";

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
  const movedIssues = new Set(result.cells.map((c) => c.issueId));
  const movedParties = new Set(result.cells.map((c) => c.partyId));
  const rowIssues = issues.filter((i) => movedIssues.has(i.id));
  const colParties = parties.filter((p) => movedParties.has(p.id));
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
        <DiffersTable
          base={base}
          parties={colParties.map(({ id, name, shortName, colour }) => ({ id, name, shortName, colour }))}
          rows={rowIssues.map((i) => ({
            id: i.id,
            name: i.name,
            cells: colParties.map((p): DiffersCell => {
              const c = changed.get(`${i.id}:${p.id}`);
              return c
                ? [c.change, c.overridden, c.before ? [c.before.stance, c.before.firmness, c.before.statedOn] : null, [c.after.stance, c.after.firmness, c.after.statedOn], c.after.summary]
                : null;
            }),
          }))}
        />
      )}
    </>
  );
}
