import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getSource, listQuotesMissingFromSource } from "@/server/queries/sources";
import { listEntriesOfSource } from "@/server/queries/entries";
import { listIssues, listParties } from "@/server/queries/parties-and-issues";
import { EntryCard } from "@/components/entry-card";
import { formatDay, plural } from "@/lib/format";
import { parseId } from "@/lib/form";
import { sourceLabel } from "@/lib/source-label";
import { titled } from "../../_components/page-title";

export const generateMetadata = titled("Source");

export default async function SourcePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id: rawId } = await params;
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [viewer, source, entries, parties, issues, missingQuotes] = await Promise.all([
    getViewer(),
    getSource(negotiation.id, id),
    listEntriesOfSource(negotiation.id, id),
    listParties(negotiation.id),
    listIssues(negotiation.id),
    listQuotesMissingFromSource(negotiation.id, id),
  ]);
  if (!source) notFound();
  const flagged = entries.filter((e) => e.quoteStatus === "missing").length;
  const inTrash = missingQuotes.inTrash.length;
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const issueNames = new Map(issues.map((i) => [i.id, i.name]));
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/sources`}>Sources</Link> /
      </p>
      <h2 style={{ marginTop: 0 }} dir="auto" lang={source.language || undefined}>
        {sourceLabel(source)}
      </h2>
      <p className="muted">
        {source.outlet || "Unknown outlet"} · {source.publishedOn ? `published ${formatDay(source.publishedOn)}` : "date unknown"} · language{" "}
        {source.language}
      </p>
      {source.url ? (
        <p>
          <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
            Open the original report<span className="visually-hidden"> (opens in a new tab)</span>
          </a>{" "}
          <span className="small muted">{source.url}</span>
        </p>
      ) : null}
      {canEdit(viewer) ? (
        <div className="toolbar">
          <Link className="button primary" href={`/negotiations/${slug}/entries/new?source=${source.id}`}>
            Add position entry from this source
          </Link>
          <Link className="button" href={`/negotiations/${slug}/sources/${source.id}/entries/new`}>
            Add several positions
          </Link>
          <Link className="button" href={`/negotiations/${slug}/sources/${source.id}/edit`}>
            Edit source
          </Link>
        </div>
      ) : null}
      {flagged + inTrash > 0 ? (
        <div className="notice warning" role="status">
          {flagged > 0 ? (
            <p>
              ⚠ {plural(flagged, "position entry", "position entries")} below {flagged === 1 ? "quotes" : "quote"} words this text does not contain:
              {flagged === 1 ? " it is" : " they are"} flagged “Quote not found in source”. Check {flagged === 1 ? "it" : "them"} against the text.
            </p>
          ) : null}
          {inTrash > 0 ? (
            <p>
              ⚠ {plural(inTrash, "position entry", "position entries")} in the trash {inTrash === 1 ? "quotes" : "quote"} words this text no longer
              contains (#{missingQuotes.inTrash.join(", #")}). Restored, {inTrash === 1 ? "it comes" : "they come"} back flagged “Quote not found in source”.
            </p>
          ) : null}
        </div>
      ) : null}
      <h3>Text</h3>
      {source.text ? (
        <div className="source-text" dir="auto" lang={source.language || undefined}>
          {source.text}
        </div>
      ) : (
        <p className="empty">Link-only source: its text is not stored in Parley, so quotes taken from it are shown as unverified.</p>
      )}
      <h3>Position entries taken from this source ({plural(entries.length, "entry", "entries")})</h3>
      {entries.length === 0 ? (
        <p className="empty">None yet.</p>
      ) : (
        <ul className="entry-list">
          {entries.map((e) => (
            <li key={e.id}>
              <EntryCard entry={e} slug={slug} partyNames={partyNames} issueName={issueNames.get(e.issueId)} showSource={false} editable={canEdit(viewer)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
