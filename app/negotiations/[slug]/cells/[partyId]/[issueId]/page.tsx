import Link from "next/link";
import { notFound } from "next/navigation";
import { listMilestoneMarks } from "@/server/queries/milestones";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getIssue, getParty, listParties } from "@/server/queries/parties-and-issues";
import { listEntriesOfCellPage } from "@/server/queries/entries";
import { EntryCard } from "@/components/entry-card";
import { ChangeBadge, WordDiff } from "@/components/change-badge";
import { AsOfForm, InvalidAsOfNotice } from "@/components/as-of";
import { StanceStrip, StripAxisLegend } from "@/components/stance-strip";
import { changeOf } from "@/lib/history";
import { wordDiff } from "@/lib/text-diff";
import { parseId } from "@/lib/form";
import { formatDay } from "@/lib/format";
import { pageHref, pageParam, rangeLabel } from "@/lib/paging";
import { asOfParam } from "@/lib/search-params";
import { positionAsOf } from "@/lib/as-of";
import { axisFraction, axisOf, stanceStrip } from "@/lib/stance-strip";
import { moveInWords, positionLabel } from "@/lib/position-words";
import { DEFAULT_HISTORY_ORDER, pageShowing, parseHistoryOrder, type HistoryOrder } from "@/lib/cell-history";
import { Pager } from "@/components/pager";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Position history");

type Search = { page?: string | string[]; asOf?: string | string[]; order?: string | string[] };

export default async function CellHistoryPage({ params, searchParams }: { params: Promise<{ slug: string; partyId: string; issueId: string }>; searchParams: Promise<Search> }) {
  const [{ slug, partyId: rawParty, issueId: rawIssue }, search] = await Promise.all([params, searchParams]);
  const partyId = parseId(rawParty);
  const issueId = parseId(rawIssue);
  const pageNumber = pageParam(search.page);
  const order = parseHistoryOrder(search.order);
  const { asOf, today, invalid: invalidAsOf } = asOfParam(search.asOf);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !partyId || !issueId || !pageNumber) notFound();
  const [viewer, party, issue, parties, paged, milestones] = await Promise.all([
    getViewer(),
    getParty(negotiation.id, partyId),
    getIssue(negotiation.id, issueId),
    listParties(negotiation.id),
    listEntriesOfCellPage(negotiation.id, partyId, issueId, pageNumber, order),
    listMilestoneMarks(negotiation.id),
  ]);
  if (!party || !issue || !paged) notFound();
  const { entries, page, points } = paged;
  const base = `/negotiations/${slug}`;
  const here = `${base}/cells/${partyId}/${issueId}`;
  /** This page's address with the as-of date and order kept (defaults left out), `page` and an anchor optional. */
  const link = (o: HistoryOrder, p = 1, anchor = "") => {
    const q = new URLSearchParams();
    if (asOf !== today) q.set("asOf", asOf);
    if (o !== DEFAULT_HISTORY_ORDER) q.set("order", o);
    return pageHref(q.size ? `${here}?${q}` : here, p) + anchor;
  };
  const asOfQuery = asOf !== today ? `?asOf=${asOf}` : "";
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const editor = canEdit(viewer);

  // The entry the matrix shows for the as-of date: the same rule (lib/as-of.ts) over the cell's entries.
  const inForce = positionAsOf(points, asOf);
  const inForcePage = inForce ? pageShowing(points.indexOf(inForce), points.length, order, page.pageSize) : null;
  const axis = axisOf(points.map((p) => p.statedOn), asOf);
  const strip = axis && points.length > 0 ? stanceStrip(points, axis) : [];

  const history = entries.map((entry, i) => ({ entry, previous: i > 0 ? entries[i - 1]! : paged.previous }));
  const shown = order === "newest" ? [...history].reverse() : history;

  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={base}>Matrix</Link> / <Link href={`${base}/parties/${party.id}`} dir="auto">
          {party.name}
        </Link>{" "}
        /
      </p>
      <h2 style={{ marginTop: 0 }}>
        <bdi>{party.name}</bdi> on <bdi>{issue.name}</bdi>
      </h2>
      <nav aria-label="Related positions" className="small">
        <ul className="related-links">
          <li>
            <Link href={`${base}/parties/${party.id}${asOfQuery}#positions`}>
              <bdi>{party.name}</bdi>&rsquo;s positions on every issue as of {formatDay(asOf)}
            </Link>
          </li>
          <li>
            <Link href={`${base}/issues/${issue.id}${asOfQuery}`}>
              Every party on <bdi>{issue.name}</bdi> (issue page)
            </Link>
          </li>
        </ul>
      </nav>
      <div className="toolbar">
        <AsOfForm action={here} asOf={asOf} today={today} keep={order !== DEFAULT_HISTORY_ORDER ? { order } : {}} milestones={milestones} />
      </div>
      <InvalidAsOfNotice value={invalidAsOf} />
      <section aria-labelledby="strip-heading">
        <h3 id="strip-heading">Stance over time</h3>
        {axis && strip.length > 0 ? (
          <>
            <StanceStrip label={`${party.name} on ${issue.name}, stance over time`} segments={strip} marks={{ asOfAt: axisFraction(axis, asOf) }} />
            <StripAxisLegend axis={axis}>
              <span>Line: {formatDay(asOf)}</span>
            </StripAxisLegend>
          </>
        ) : (
          <p className="empty">No position recorded.</p>
        )}
        <p role="status" className="in-force-line">
          {inForce ? (
            <>
              In force on {formatDay(asOf)}: <strong>{positionLabel(inForce)}</strong>, stated {formatDay(inForce.statedOn)}.{" "}
              <Link href={link(order, inForcePage ?? 1, `#entry-${inForce.id}`)}>Go to the entry in force</Link>
            </>
          ) : (
            <>No position in force on {formatDay(asOf)}.</>
          )}
        </p>
      </section>
      <h3>Entries</h3>
      <p className="muted">
        {rangeLabel(page, "entry", "entries")}, {order === "newest" ? "newest first" : "oldest first"}. Each says how it moved from the entry
        before it.{" "}
        {order === "newest" ? <Link href={link("oldest")}>Show oldest first</Link> : <Link href={link("newest")}>Show newest first</Link>}
      </p>
      {editor ? (
        <p>
          <Link className="button primary" href={`${base}/entries/new?party=${partyId}&issue=${issueId}`}>
            Add position entry
          </Link>
        </p>
      ) : null}
      <Pager page={page} href={link(order)} label="History pages" previous={order === "newest" ? "Newer" : "Older"} next={order === "newest" ? "Older" : "Newer"} />
      {entries.length === 0 ? (
        <p className="empty">No position recorded.</p>
      ) : (
        <ol className="entry-list" aria-label={`History, ${order === "newest" ? "newest" : "oldest"} first`}>
          {shown.map(({ entry, previous }) => {
            const { change, overridden, computedChange } = changeOf(previous, entry);
            const current = entry.id === inForce?.id;
            return (
              <li key={entry.id} id={`entry-${entry.id}`} className={current ? "entry-in-force" : undefined}>
                <p className="move-words">
                  <strong>{moveInWords(previous, entry)}</strong>
                  {current ? <> <span className="profile-tag">In force on {formatDay(asOf)}</span></> : null}
                </p>
                <EntryCard entry={entry} slug={slug} partyNames={partyNames} editable={editor} extra={<ChangeBadge change={change} overridden={overridden} />}>
                  {overridden && computedChange !== change ? <p className="small muted">Computed change type: {computedChange}.</p> : null}
                  {previous && previous.quote !== entry.quote && (previous.quote || entry.quote) ? (
                    <details className="diff-block">
                      <summary>Quote compared with {formatDay(previous.statedOn)}</summary>
                      <WordDiff parts={wordDiff(previous.quote, entry.quote)} />
                    </details>
                  ) : null}
                </EntryCard>
              </li>
            );
          })}
        </ol>
      )}
      <Pager page={page} href={link(order)} label="History pages, below the list" previous={order === "newest" ? "Newer" : "Older"} next={order === "newest" ? "Older" : "Newer"} />
    </div>
  );
}
