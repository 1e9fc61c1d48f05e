import Link from "next/link";
import { buildMatrix, cellKey } from "@/lib/matrix";
import { changeFromReading } from "@/lib/history";
import { formatDay, plural } from "@/lib/format";
import { ageInDays, describeAge, isStale } from "@/lib/age";
import { STANCE_LABELS, FIRMNESS_LABELS, isStance, isFirmness } from "@/lib/vocabulary";
import { sourceLabel } from "@/lib/source-label";
import { listEntriesOfCell } from "@/server/queries/entries";
import { ChangeBadge } from "@/components/change-badge";
import { FirmnessTag, QuoteStatus, StanceBadge } from "@/components/stance";
import { FocusHeading } from "@/components/focus-on-mount";

/**
 * Details on demand: one cell's reading as of the day (every entry stated that day), with
 * its summary, quote, source, date, firmness and the change from the previous reading.
 * Rendered only for the cell named in the URL (?cell=<party>-<issue>), so the matrix page
 * itself carries no details; it works without JavaScript.
 */
export async function CellPanel(props: {
  negotiationId: number;
  slug: string;
  party: { id: number; name: string };
  issue: { id: number; name: string };
  partyNames: Map<number, string>;
  asOf: string;
  closeHref: string;
  editor: boolean;
}) {
  const { negotiationId, slug, party, issue, partyNames, asOf, closeHref, editor } = props;
  const entries = await listEntriesOfCell(negotiationId, party.id, issue.id);
  const cell = buildMatrix({ issueIds: [issue.id], partyIds: [party.id], entries, asOf }).get(cellKey(issue.id, party.id))!;
  const base = `/negotiations/${slug}`;
  const historyHref = `${base}/cells/${party.id}/${issue.id}?asOf=${asOf}`;
  const change = cell.current ? changeFromReading(cell.previousReading, cell.reading) : null;
  const before = cell.previousReading?.[cell.previousReading.length - 1] ?? null;
  const days = cell.current ? ageInDays(cell.current.statedOn, asOf) : 0;
  return (
    <aside className="cell-panel" aria-labelledby="cell-panel-title">
      <FocusHeading id="cell-panel-title" className="cell-panel-title">
        <bdi>{party.name}</bdi> on <bdi>{issue.name}</bdi>
      </FocusHeading>
      <p className="small muted">As of {formatDay(asOf)}</p>
      {cell.current ? (
        <>
          <p className="small">
            Stated {formatDay(cell.current.statedOn)} ({describeAge(days)}
            {days === 0 ? "" : " before the as-of day"})
            {isStale(days) ? <strong className="stale-note"> · may be out of date</strong> : null}
          </p>
          {change ? (
            <p className="small cell-panel-change">
              <ChangeBadge change={change.change} overridden={change.overridden} />{" "}
              {before ? (
                <>
                  since {formatDay(before.statedOn)} (was {isStance(before.stance) ? STANCE_LABELS[before.stance] : before.stance}
                  {before.firmness && isFirmness(before.firmness) ? `, ${FIRMNESS_LABELS[before.firmness].toLowerCase()}` : ""})
                </>
              ) : (
                "first entry in this cell"
              )}
            </p>
          ) : null}
          {cell.reading.length > 1 ? <p className="small">{plural(cell.reading.length, "entry", "entries")} that day, read together:</p> : null}
          <ul className="cell-panel-entries">
            {cell.reading.map((entry) => {
              const others = entry.partyIds.filter((id) => id !== party.id && partyNames.has(id)).map((id) => partyNames.get(id));
              const lang = entry.source.language || undefined;
              return (
                <li key={entry.id}>
                  <div className="entry-head">
                    <StanceBadge stance={entry.stance} />
                    <FirmnessTag firmness={entry.firmness} />
                  </div>
                  <p dir="auto">{entry.summary}</p>
                  {entry.quote ? (
                    <>
                      <blockquote className="quote" dir="auto" lang={lang}>
                        “{entry.quote}”
                      </blockquote>
                      <QuoteStatus check={entry.quoteStatus} />
                    </>
                  ) : null}
                  {others.length > 0 ? <p className="small muted">Joint with {others.join(", ")}</p> : null}
                  <p className="small">
                    Source:{" "}
                    <Link href={`${base}/sources/${entry.source.id}`} dir="auto" lang={lang}>
                      {sourceLabel(entry.source)}
                    </Link>
                    {entry.source.outlet && entry.source.title?.trim() ? ` (${entry.source.outlet})` : ""}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p>No position recorded as of {formatDay(asOf)}.</p>
      )}
      <p className="cell-panel-links">
        <Link href={historyHref}>
          History of this cell ({plural(entries.length, "entry", "entries")}
          {cell.later > 0 ? `, ${cell.later} later` : ""})
        </Link>
        {editor ? <Link href={`${base}/entries/new?party=${party.id}&issue=${issue.id}`}>Add position entry here</Link> : null}
        <Link href={closeHref} scroll={false}>
          Close details
        </Link>
      </p>
    </aside>
  );
}
