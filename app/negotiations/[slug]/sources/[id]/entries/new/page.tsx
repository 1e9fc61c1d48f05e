import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getSource } from "@/server/queries/sources";
import { parseId } from "@/lib/form";
import { formatDay } from "@/lib/format";
import { FIRST_ROWS, newRowKeys } from "@/lib/batch-entries";
import { sourceLabel } from "@/lib/source-label";
import { BatchEntryForm } from "../../../../entries/_components/batch-entry-form";
import { partyAndIssueOptions } from "../../../../entries/_components/options";
import { titled } from "../../../../_components/page-title";

export const generateMetadata = titled("Add several positions");

/** Batch entry: several position entries from one source in one form (docs/decisions/018). */
export default async function BatchEntryPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id: rawId } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/sources/${rawId}/entries/new`);
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [source, options] = await Promise.all([getSource(negotiation.id, id), partyAndIssueOptions(negotiation.id)]);
  if (!source) notFound();
  const initial = { statedOn: source.publishedOn ?? "", submissionId: crypto.randomUUID(), rows: newRowKeys([], FIRST_ROWS) };
  const missing = [options.parties.length === 0 && "parties", options.issues.length === 0 && "issues"].filter(Boolean);
  return (
    <div className="page-wide-form">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/sources`}>Sources</Link> / <Link href={`/negotiations/${slug}/sources/${source.id}`}>{sourceLabel(source)}</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Add several positions</h2>
      <p className="muted">
        From <cite dir="auto">{sourceLabel(source)}</cite> ({source.publishedOn ? `published ${formatDay(source.publishedOn)}` : "date unknown"}). One row per
        position; empty rows are left out. Rows that are complete are saved even when another row needs fixing.
      </p>
      {source.text ? (
        <details className="batch-source">
          <summary>Show the source&apos;s text (to copy quotes from)</summary>
          <div className="source-text" dir="auto" lang={source.language || undefined}>
            {source.text}
          </div>
        </details>
      ) : null}
      {missing.length > 0 ? (
        <p className="empty">
          An entry needs a party and an issue. Add {missing.join(" and ")} first: <Link href={`/negotiations/${slug}/parties`}>parties</Link> ·{" "}
          <Link href={`/negotiations/${slug}/issues`}>issues</Link>
        </p>
      ) : (
        <BatchEntryForm slug={slug} sourceId={source.id} sourceDated={Boolean(source.publishedOn)} initial={initial} {...options} />
      )}
    </div>
  );
}
