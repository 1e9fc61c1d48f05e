import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listEntriesWithQuoteToCheck } from "@/server/queries/entries";
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
export default async function QuotesToCheckPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const [viewer, entries, parties, issues] = await Promise.all([
    getViewer(),
    listEntriesWithQuoteToCheck(negotiation.id),
    listParties(negotiation.id),
    listIssues(negotiation.id),
  ]);
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const issueNames = new Map(issues.map((i) => [i.id, i.name]));
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/sources`}>Sources</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Quotes to check ({plural(entries.length, "entry", "entries")})</h2>
      <p className="muted">
        Position entries whose quote their source’s text no longer contains, because the text was edited after they were recorded. They stay in the
        matrix, flagged “Quote not found in source”. Compare each with its source, then correct the quote (or empty it) in the entry.
      </p>
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
    </div>
  );
}
