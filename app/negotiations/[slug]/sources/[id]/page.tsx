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
import { LIMITS } from "@/lib/schemas";
import { partyTint } from "@/lib/colour";
import { sourceLabel } from "@/lib/source-label";
import { readingOrder } from "@/lib/workbench";
import { titled } from "../../_components/page-title";
import { QuoteSelection } from "./_components/quote-selection";
import { SourceText } from "./_components/source-text";

export const generateMetadata = titled("Source");

/**
 * The article workbench (issue 9): the source's text with every quote highlighted in its
 * party's colour and linked to its entry, the entries beside it in reading order, and
 * select-to-quote for editors. docs/decisions/017-quote-positions.md.
 */
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
  const editable = canEdit(viewer);
  const flagged = entries.filter((e) => e.quoteStatus === "missing").length;
  const inTrash = missingQuotes.inTrash.length;
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const partyById = new Map(parties.map((p) => [p.id, p]));
  const issueNames = new Map(issues.map((i) => [i.id, i.name]));
  const ordered = readingOrder(entries);
  const numbers = new Map(ordered.map((e, i) => [e.id, i + 1]));
  const quotedParties = parties.filter((p) => entries.some((e) => e.quoteSpan && e.partyIds.includes(p.id)));
  const lang = source.language || undefined;
  const text = source.text ? (
    <SourceText text={source.text} entries={entries} parties={partyById} numbers={numbers} />
  ) : null;
  return (
    <div className="workbench-page">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/sources`}>Sources</Link> /
      </p>
      <h2 style={{ marginTop: 0 }} dir="auto" lang={lang}>
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
      {editable ? (
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
              ⚠ {plural(flagged, "position entry", "position entries")} beside the text {flagged === 1 ? "quotes" : "quote"} words this text does not contain:
              {flagged === 1 ? " it is" : " they are"} flagged “Quote not found in source”. Check {flagged === 1 ? "it" : "them"} against the text, or see{" "}
              <Link href={`/negotiations/${slug}/quotes-to-check`}>all quotes to check in this negotiation</Link>.
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
      <div className={text ? "workbench" : "workbench link-only"}>
        <section className="workbench-article">
          <h3>Text</h3>
          {quotedParties.length > 0 ? (
            <p className="small quote-legend">
              Highlighted quotes:{" "}
              {quotedParties.map((p) => (
                <span key={p.id} className="legend-swatch" style={{ background: partyTint(p.colour), borderBottomColor: p.colour }}>
                  {p.name}
                </span>
              ))}
              {entries.some((e) => e.quoteSpan && e.partyIds.length > 1) ? <span className="legend-swatch joint">joint statement (striped)</span> : null}
              <span>Each highlight links to its entry.</span>
            </p>
          ) : null}
          {!text ? (
            <p className="empty">Link-only source: its text is not stored in Parley, so quotes taken from it are shown as unverified.</p>
          ) : editable ? (
            <QuoteSelection slug={slug} source={{ id: source.id, publishedOn: source.publishedOn }} limit={LIMITS.quote} lang={lang}>
              {text}
            </QuoteSelection>
          ) : (
            <div className="source-text workbench-text" dir="auto" lang={lang}>
              {text}
            </div>
          )}
        </section>
        <section className="workbench-entries">
          <h3>Position entries taken from this source ({plural(entries.length, "entry", "entries")})</h3>
          {entries.length === 0 ? (
            <p className="empty">None yet.</p>
          ) : (
            <>
              {text ? <p className="small muted">In the order their quotes appear in the text; entries without a quote in it after them.</p> : null}
              <ol className="entry-list workbench-list">
                {ordered.map((e) => (
                  <li key={e.id} id={`entry-${e.id}`}>
                    <EntryCard
                      entry={e}
                      slug={slug}
                      partyNames={partyNames}
                      issueName={issueNames.get(e.issueId)}
                      showSource={false}
                      editable={editable}
                      extra={
                        <span className="entry-number small">
                          {e.quoteSpan ? (
                            <a href={`#quote-${e.id}`}>
                              Entry {numbers.get(e.id)}: show in text
                            </a>
                          ) : (
                            `Entry ${numbers.get(e.id)}`
                          )}
                        </span>
                      }
                    />
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
