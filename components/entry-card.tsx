import Link from "next/link";
import type { ReactNode } from "react";
import { formatDay } from "@/lib/format";
import type { EntryView } from "@/server/queries/entries";
import { FirmnessTag, QuoteStatus, StanceBadge } from "./stance";
import { sourceLabel } from "@/lib/source-label";
import { provenanceLabel } from "@/lib/suggest/provenance";

/** An entry as listed on a source page or in a cell's history. */
export function EntryCard({
  entry,
  slug,
  partyNames,
  issueName,
  showSource = true,
  editable = false,
  extra,
  children,
}: {
  entry: EntryView;
  slug: string;
  partyNames: Map<number, string>;
  issueName?: string;
  showSource?: boolean;
  /** Show the edit link (editors only; the server checks again). */
  editable?: boolean;
  extra?: ReactNode;
  /** Shown inside the card after the entry's own content (e.g. the diff to the previous entry). */
  children?: ReactNode;
}) {
  const parties = entry.partyIds.map((id) => partyNames.get(id)).filter(Boolean);
  return (
    <article className="entry" aria-label={`${parties.join(" and ")}${issueName ? ` on ${issueName}` : ""}, ${formatDay(entry.statedOn)}`}>
      <div className="entry-head">
        <strong>
          <bdi>{parties.join(" + ")}</bdi>
        </strong>
        {parties.length > 1 ? <span className="small muted">(joint statement)</span> : null}
        <StanceBadge stance={entry.stance} />
        <FirmnessTag firmness={entry.firmness} />
        {issueName ? <bdi>{issueName}</bdi> : null}
        <span className="small muted">stated {formatDay(entry.statedOn)}</span>
        {extra}
      </div>
      <p dir="auto">{entry.summary}</p>
      {entry.quote ? (
        <>
          <blockquote className="quote" dir="auto" lang={entry.source.language || undefined}>
            “{entry.quote}”
          </blockquote>
          <QuoteStatus check={entry.quoteStatus} />
        </>
      ) : null}
      {entry.notes ? <p className="small muted">Note: {entry.notes}</p> : null}
      {provenanceLabel(entry) ? <p className="small muted">{provenanceLabel(entry)}</p> : null}
      <p className="small">
        {showSource ? (
          <>
            Source:{" "}
            <Link href={`/negotiations/${slug}/sources/${entry.source.id}`} dir="auto" lang={entry.source.language || undefined}>
              {sourceLabel(entry.source)}
            </Link>
            {entry.source.outlet && entry.source.title?.trim() ? ` (${entry.source.outlet})` : ""}
          </>
        ) : null}
        {/* Controls, left off paper (app/globals.css @media print). */}
        <span className="entry-actions">
          {showSource ? " · " : null}
          {editable ? (
            <>
              <Link href={`/negotiations/${slug}/entries/${entry.id}/edit`}>Edit entry</Link>
              {" · "}
            </>
          ) : null}
          <Link href={`/history/entry/${entry.id}`}>Revisions</Link>
        </span>
      </p>
      {children}
    </article>
  );
}
