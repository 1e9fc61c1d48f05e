import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getNegotiation } from "@/server/queries/negotiations";
import { getIssue, getParty, listParties } from "@/server/queries/parties-and-issues";
import { listEntriesOfCell } from "@/server/queries/entries";
import { EntryCard } from "@/components/entry-card";
import { parseId } from "@/lib/form";
import { plural } from "@/lib/format";

export const metadata: Metadata = { title: "Position history" };

export default async function CellHistoryPage({ params }: { params: Promise<{ slug: string; partyId: string; issueId: string }> }) {
  const { slug, partyId: rawParty, issueId: rawIssue } = await params;
  const partyId = parseId(rawParty);
  const issueId = parseId(rawIssue);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !partyId || !issueId) notFound();
  const [party, issue, parties, entries] = await Promise.all([
    getParty(negotiation.id, partyId),
    getIssue(negotiation.id, issueId),
    listParties(negotiation.id),
    listEntriesOfCell(negotiation.id, partyId, issueId),
  ]);
  if (!party || !issue) notFound();
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}`}>Matrix</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>
        {party.name} on {issue.name}
      </h2>
      <p className="muted">{plural(entries.length, "entry", "entries")}, oldest first.</p>
      <p>
        <Link className="button primary" href={`/negotiations/${slug}/entries/new?party=${partyId}&issue=${issueId}`}>
          Add position entry
        </Link>
      </p>
      {entries.length === 0 ? (
        <p className="empty">No position recorded.</p>
      ) : (
        <ol className="entry-list">
          {entries.map((e) => (
            <li key={e.id} id={`entry-${e.id}`}>
              <EntryCard entry={e} slug={slug} partyNames={partyNames} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
