"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { characterCount } from "@/lib/text-length";
import { quoteEntryHref } from "@/lib/workbench";

/**
 * Select-to-quote (issue 9): text selected in the article offers "Add position with this
 * quote", which opens the entry form with the quote, the source and its date filled in. The
 * button follows the text, so Tab reaches it after a selection; clicking it keeps the selection's
 * quote (a click elsewhere on the page collapses the selection but does not clear the offer, a
 * click in the text does). A selection over the quote's limit is named, never cut.
 */
export function QuoteSelection({
  slug,
  source,
  limit,
  lang,
  children,
}: {
  slug: string;
  source: { id: number; publishedOn: string | null };
  limit: number;
  lang?: string;
  children: ReactNode;
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [quote, setQuote] = useState("");
  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const box = textRef.current;
      if (!selection || !box) return;
      const inside = box.contains(selection.anchorNode) && box.contains(selection.focusNode);
      if (selection.isCollapsed) {
        if (inside) setQuote("");
        return;
      }
      // Only the blanks around a selection go; the words stay exactly as in the text.
      setQuote(inside ? selection.toString().trim() : "");
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);
  const count = characterCount(quote);
  const tooLong = count > limit;
  return (
    <>
      <div ref={textRef} className="source-text workbench-text" dir="auto" lang={lang}>
        {children}
      </div>
      <div className="quote-offer" data-active={quote ? "true" : undefined}>
        <p className="small" aria-live="polite">
          {!quote ? (
            "Select a passage of the text to add a position with it as the quote."
          ) : tooLong ? (
            <span className="quote-too-long">
              The selection is {count.toLocaleString("en")} characters long; a quote holds at most {limit.toLocaleString("en")}. Select a shorter passage.
            </span>
          ) : (
            <>
              Selected {count.toLocaleString("en")} {count === 1 ? "character" : "characters"}:{" "}
              <q dir="auto" lang={lang}>
                {count > 90 ? `${quote.slice(0, 90)}…` : quote}
              </q>
            </>
          )}
        </p>
        {quote && !tooLong ? (
          <Link className="button primary" href={quoteEntryHref(slug, source, quote)}>
            Add position with this quote
          </Link>
        ) : null}
      </div>
    </>
  );
}
