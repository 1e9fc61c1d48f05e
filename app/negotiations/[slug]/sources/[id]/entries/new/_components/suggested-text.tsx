import { Fragment } from "react";
import { textRuns } from "@/lib/workbench";

/**
 * The source's text with each suggested quote highlighted and numbered (issue 12): the text is cut
 * by the workbench's own rule (lib/workbench.ts textRuns), each highlight links to its row in the
 * batch form, and a quote's number stands where it starts.
 */
export function SuggestedText({ text, rows }: { text: string; rows: ReadonlyArray<{ key: string; number: number; start: number; end: number }> }) {
  const byId = new Map(rows.map((r) => [Number(r.key), r]));
  const spans = rows.map((r) => ({ id: Number(r.key), statedOn: "", quoteSpan: { start: r.start, end: r.end } }));
  return (
    <>
      {textRuns(text, spans).map((run) => {
        const row = run.entryIds.length ? byId.get(run.entryIds[0]!) : undefined;
        if (!row) return <Fragment key={run.start}>{run.text}</Fragment>;
        const numbers = run.startsQuoteOf.map((id) => byId.get(id)?.number).filter((n): n is number => n !== undefined);
        return (
          <a key={run.start} href={`#suggestion-${row.key}`} className="quote-link">
            {numbers.length ? <sup className="suggestion-number">{numbers.join(",")}</sup> : null}
            <mark className={`quote-mark suggested${run.entryIds.length > 1 ? " overlap" : ""}`}>{run.text}</mark>
            <span className="visually-hidden"> (suggestion {row.number})</span>
          </a>
        );
      })}
    </>
  );
}
