import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listQuotesToCheckPage } from "@/server/queries/entries";
import { pageParam, rangeLabel } from "@/lib/paging";
import { Pager } from "@/components/pager";
import { listIssues, listParties } from "@/server/queries/parties-and-issues";
import { EntryCard } from "@/components/entry-card";
import { plural } from "@/lib/format";
import { titled } from "../_components/page-title";

export const generateMetadata = titled("Quotes to check");

/**
 * Entries whose quote their source's text no longer contains (the text was edited after they
 * were recorded): kept and flagged, listed here until someone checks them against the source
 * (docs/decisions/017-quote-positions.md).
 */
export default async function QuotesToCheckPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> }) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const pageNumber = pageParam(search.page);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !pageNumber) notFound();
  const [viewer, listed, parties, issues] = await Promise.all([
    getViewer(),
    listQuotesToCheckPage(negotiation.id, pageNumber),
    listParties(negotiation.id),
    listIssues(negotiation.id),
  ]);
  if (!listed) notFound();
  const { entries, page } = listed;
  const here = `/negotiations/${slug}/quotes-to-check`;
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const issueNames = new Map(issues.map((i) => [i.id, i.name]));
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/sources`}>Sources</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Quotes to check ({plural(page.total, "entry", "entries")})</h2>
      <p className="muted">
        Position entries whose quote their source’s text no longer contains, because the text was edited after they were recorded. They stay in the
        matrix, flagged “Quote not found in source”. Compare each with its source, then correct the quote (or empty it) in the entry.
      </p>
      {page.total > 0 ? <p className="muted small">{rangeLabel(page, "entry", "entries")}, oldest first.</p> : null}
      <Pager page={page} href={here} label="Pages of quotes to check" />
      {entries.length === 0 ? (
        <p className="empty">Every quote occurs in its source’s text.</p>
      ) : (
        <ul className="entry-list">
          {entries.map((e) => (
            <li key={e.id}>
              <EntryCard entry={e} slug={slug} partyNames={partyNames} issueName={issueNames.get(e.issueId)} editable={canEdit(viewer)} />
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} href={here} label="Pages of quotes to check, below the list" />
    </div>
  );
}
