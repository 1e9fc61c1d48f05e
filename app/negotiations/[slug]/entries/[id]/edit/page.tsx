import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getEntry } from "@/server/queries/entries";
import { deleteEntryAction } from "@/server/actions/entries";
import { DeleteForm } from "@/components/delete-form";
import { parseId } from "@/lib/form";
import { EntryForm } from "../../_components/entry-form";
import { entryFormOptions } from "../../_components/options";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Edit position entry");

export default async function EditEntryPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id: rawId } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/entries/${rawId}/edit`);
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [entry, options] = await Promise.all([getEntry(negotiation.id, id), entryFormOptions(negotiation.id)]);
  if (!entry) notFound();
  const initial = {
    partyIds: entry.partyIds.map(String),
    issueId: String(entry.issueId),
    sourceId: String(entry.sourceId),
    statedOn: entry.statedOn,
    stance: entry.stance,
    firmness: entry.firmness ?? "",
    summary: entry.summary,
    quote: entry.quote,
    notes: entry.notes,
    changeOverride: entry.changeOverride ?? "",
    version: String(entry.version),
  };
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}`}>Matrix</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Edit position entry</h2>
      {entry.quoteStatus === "missing" ? (
        <p className="notice warning">
          ⚠ Quote not found in source: the source’s text was edited and no longer contains this quote.{" "}
          <Link href={`/negotiations/${slug}/sources/${entry.sourceId}`}>Check it against the source</Link>, then correct the quote or empty it to save.
        </p>
      ) : null}
      <EntryForm slug={slug} entryId={id} initial={initial} {...options} />
      <p className="small">
        <Link href={`/history/entry/${id}`}>Revision history</Link>
      </p>
      <DeleteForm action={deleteEntryAction.bind(null, slug, id)} version={entry.version} label="Delete entry" question="Move this position entry to the trash?" />
    </div>
  );
}
