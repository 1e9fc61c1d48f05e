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
import { listEntriesOfSource } from "@/server/queries/entries";
import { configuredModel, suggestForSource } from "@/server/suggestions";
import { suggestionRows, type SuggestionRowView } from "@/lib/suggest/rows";
import { firstValue, type SearchValue } from "@/lib/search-params";
import type { FormValues } from "@/lib/form";
import type { SuggestionNote } from "../../../../entries/_components/batch-entry-form";
import { SuggestedText } from "./_components/suggested-text";

export const generateMetadata = titled("Add several positions");

/** The readers an analyst may ask (issue 12): the rules always; a model when an administrator set one up. */
const READERS = ["rules", "model"] as const;
type Reader = (typeof READERS)[number];

/**
 * The suggestions the page shows when asked (?suggest=rules|model): the form's first values with
 * a row per suggestion, each row's note, and what to say in the status region.
 */
async function suggestionsFor(negotiationId: number, slug: string, source: { id: number; text: string | null }, reader: Reader) {
  const [result, recorded] = await Promise.all([suggestForSource(negotiationId, source.id, reader), listEntriesOfSource(negotiationId, source.id)]);
  if (!result.ok) return { values: null, rows: [] as SuggestionRowView[], notes: {}, message: result.message };
  const { lexicon } = result;
  const names = { parties: new Map(lexicon.parties.map((p) => [p.id, p.name])), issues: new Map(lexicon.issues.map((i) => [i.id, i.name])) };
  const { values, rows } = suggestionRows(result.suggestions, names, recorded);
  const notes: Record<string, SuggestionNote> = Object.fromEntries(
    rows.map((r) => [
      r.key,
      { number: r.number, reason: r.reason, confidence: r.confidence, runnersUp: r.runnersUp, recordedAs: r.recordedAs ? { id: r.recordedAs, href: `/negotiations/${slug}/sources/${source.id}#entry-${r.recordedAs}` } : null },
    ]),
  );
  const found =
    rows.length === 0
      ? "No positions found in this text. Add them by hand below."
      : `${rows.length} ${rows.length === 1 ? "suggestion" : "suggestions"}: accept, edit or reject each. Nothing is saved until you click “Save positions”.`;
  return { values: rows.length ? values : null, rows, notes, message: [result.notice, found].filter(Boolean).join(" ") };
}

/** Batch entry: several position entries from one source in one form (docs/decisions/018), filled from suggestions on request (issue 12). */
export default async function BatchEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<Record<string, SearchValue>>;
}) {
  const { slug, id: rawId } = await params;
  const asked = firstValue((await searchParams).suggest);
  await requirePageRole("editor", `/negotiations/${slug}/sources/${rawId}/entries/new`);
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [source, options] = await Promise.all([getSource(negotiation.id, id), partyAndIssueOptions(negotiation.id)]);
  if (!source) notFound();
  // The model choice appears once an administrator configures one (docs/decisions/034).
  const modelName = configuredModel();
  const reader = READERS.find((r) => r === asked && (r === "rules" || modelName));
  const suggested = reader && source.text ? await suggestionsFor(negotiation.id, slug, source, reader) : null;
  const initial: FormValues = { statedOn: source.publishedOn ?? "", submissionId: crypto.randomUUID(), ...(suggested?.values ?? { rows: newRowKeys([], FIRST_ROWS) }) };
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
        <form method="get" className="suggest-form" action={`/negotiations/${slug}/sources/${source.id}/entries/new`}>
          {modelName ? (
            <label>
              Reader{" "}
              <select name="suggest" defaultValue={reader ?? "rules"}>
                <option value="rules">Rules (built in)</option>
                <option value="model">Model: {modelName}</option>
              </select>
            </label>
          ) : (
            <input type="hidden" name="suggest" value="rules" />
          )}{" "}
          <button type="submit" className="button">
            Suggest positions
          </button>{" "}
          <span className="field-hint">Parley reads the text and fills in rows for you to accept, edit or reject.</span>
        </form>
      ) : null}
      {suggested ? (
        <p className="form-status" role="status">
          {suggested.message}
        </p>
      ) : null}
      {source.text && suggested?.rows.length ? (
        <section className="batch-source suggested-source" aria-labelledby="suggested-text-heading">
          <h3 id="suggested-text-heading">The source&apos;s text, with the suggested quotes numbered</h3>
          <div className="source-text" dir="auto" lang={source.language || undefined}>
            <SuggestedText text={source.text} rows={suggested.rows} />
          </div>
        </section>
      ) : source.text ? (
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
        <BatchEntryForm slug={slug} sourceId={source.id} sourceDated={Boolean(source.publishedOn)} initial={initial} suggestions={suggested?.notes} {...options} />
      )}
    </div>
  );
}
