import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getIssue, getParty, listParties } from "@/server/queries/parties-and-issues";
import { listEntriesOfCellPage } from "@/server/queries/entries";
import { EntryCard } from "@/components/entry-card";
import { ChangeBadge, WordDiff } from "@/components/change-badge";
import { changeOf } from "@/lib/history";
import { wordDiff } from "@/lib/text-diff";
import { parseId } from "@/lib/form";
import { formatDay } from "@/lib/format";
import { pageParam, rangeLabel } from "@/lib/paging";
import { Pager } from "@/components/pager";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Position history");

export default async function CellHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; partyId: string; issueId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const [{ slug, partyId: rawParty, issueId: rawIssue }, search] = await Promise.all([params, searchParams]);
  const partyId = parseId(rawParty);
  const issueId = parseId(rawIssue);
  const pageNumber = pageParam(search.page);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !partyId || !issueId || !pageNumber) notFound();
  const [viewer, party, issue, parties, paged] = await Promise.all([
    getViewer(),
    getParty(negotiation.id, partyId),
    getIssue(negotiation.id, issueId),
    listParties(negotiation.id),
    listEntriesOfCellPage(negotiation.id, partyId, issueId, pageNumber),
  ]);
  if (!party || !issue || !paged) notFound();
  const { entries, page } = paged;
  const here = `/negotiations/${slug}/cells/${partyId}/${issueId}`;
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const history = entries.map((entry, i) => {
    const previous = i > 0 ? entries[i - 1]! : paged.previous;
    return { entry, previous, ...changeOf(previous, entry) };
  });
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}`}>Matrix</Link> / <Link href={`/negotiations/${slug}/parties/${party.id}`} dir="auto">
          {party.name}
        </Link>{" "}
        /
      </p>
      <h2 style={{ marginTop: 0 }}>
        <bdi>{party.name}</bdi> on <bdi>{issue.name}</bdi>
      </h2>
      <p className="muted">
        {rangeLabel(page, "entry", "entries")}, oldest first. Each is compared with the one before it: its change type, and what changed in
        the wording.
      </p>
      {canEdit(viewer) ? (
        <p>
          <Link className="button primary" href={`/negotiations/${slug}/entries/new?party=${partyId}&issue=${issueId}`}>
            Add position entry
          </Link>
        </p>
      ) : null}
      <Pager page={page} href={here} label="History pages" previous="Older" next="Newer" />
      {entries.length === 0 ? (
        <p className="empty">No position recorded.</p>
      ) : (
        <ol className="entry-list" aria-label="History, oldest first">
          {history.map(({ entry, previous, change, overridden, computedChange }) => (
            <li key={entry.id} id={`entry-${entry.id}`}>
              <EntryCard
                entry={entry}
                slug={slug}
                partyNames={partyNames}
                editable={canEdit(viewer)}
                extra={<ChangeBadge change={change} overridden={overridden} />}
              >
                {overridden && computedChange !== change ? (
                  <p className="small muted">Computed change type: {computedChange}.</p>
                ) : null}
                {previous && (previous.summary !== entry.summary || previous.quote !== entry.quote) ? (
                  <details className="diff-block" open>
                    <summary>What changed since {formatDay(previous.statedOn)}</summary>
                    <dl>
                      <dt>Summary</dt>
                      <dd>
                        <WordDiff parts={wordDiff(previous.summary, entry.summary)} />
                      </dd>
                      {previous.quote || entry.quote ? (
                        <>
                          <dt>Quote</dt>
                          <dd>
                            <WordDiff parts={wordDiff(previous.quote, entry.quote)} />
                          </dd>
                        </>
                      ) : null}
                    </dl>
                  </details>
                ) : null}
              </EntryCard>
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} href={here} label="History pages, below the list" previous="Older" next="Newer" />
    </div>
  );
}
