// What "Fetch from URL" fills in a new source's form from a fetched page (issue 9, item 3): the
// title, outlet (site name), publication day, language and readable text. The article text is
// found by Mozilla's Readability (Firefox's Reader View) on a linkedom document; the rest comes
// from the page's metadata (og:site_name, article:published_time, <html lang>, JSON-LD), which
// Readability reads too. Pure: no I/O; the fetching is server/fetch-page.ts.
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { recordableDayMessage } from "./day";

export interface PageSource {
  title: string;
  outlet: string;
  publishedOn: string;
  language: string;
  text: string;
}

// Control characters (other than tab and line breaks) and direction controls would be refused
// by the form's rules (lib/schemas.ts); they are never part of what a reader sees.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** One line of text: whitespace runs become one space. */
function oneLine(value: string | null | undefined): string {
  return (value ?? "").replace(CONTROL, "").replace(/\s+/g, " ").trim();
}

/** The site's name for a page without one: its host without "www.". */
export function outletFromHost(url: URL): string {
  return url.hostname.replace(/^www\./, "");
}

/** A language tag as the form takes it (en, pt-BR), or "" when the page's is not one. */
export function languageTag(raw: string | null | undefined): string {
  const tag = oneLine(raw).replace(/_/g, "-");
  return LANGUAGE.test(tag) ? tag : "";
}

/**
 * The calendar day a page says it was published, as written by the publisher (2024-08-25T23:30
 * +03:00 is 25 August: its own day, never shifted to the server's zone; docs/decisions/003), or
 * "" when it gives none that the form would accept.
 */
export function publicationDay(raw: string | null | undefined, now: Date = new Date()): string {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(raw ?? "");
  if (!m) return "";
  return recordableDayMessage("Published", m[1]!, now) === null ? m[1]! : "";
}

const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td, th, dt, dd";

/** Readable text of an article's HTML: one paragraph per block, separated by a blank line. */
function paragraphs(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  for (const block of document.querySelectorAll(BLOCKS)) {
    // A block inside another block is read with its parent.
    if (block.parentElement?.closest(BLOCKS)) continue;
    const text = oneLine(block.textContent);
    if (text) out.push(text);
  }
  if (out.length === 0) out.push(oneLine(document.body?.textContent));
  return out.filter(Boolean).join("\n\n");
}

function meta(document: Document, ...names: string[]): string {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = oneLine(el?.getAttribute("content"));
    if (value) return value;
  }
  return "";
}

/** A source's fields from an HTML page fetched from `url`. */
export function sourceFromHtml(html: string, url: URL, now: Date = new Date()): PageSource {
  const { document } = parseHTML(html);
  // Metadata first: Readability changes the document it reads.
  const lang = languageTag(document.documentElement?.getAttribute("lang")) || languageTag(meta(document as unknown as Document, "og:locale", "language", "content-language"));
  const time = document.querySelector("time[datetime]")?.getAttribute("datetime");
  const metaPublished = meta(document as unknown as Document, "article:published_time", "og:article:published_time", "datePublished", "date", "dc.date", "DC.date.issued");
  let article: ReturnType<Readability["parse"]> = null;
  try {
    article = new Readability(document as unknown as Document).parse();
  } catch {
    article = null; // a page Readability cannot read still gives its metadata
  }
  const title = oneLine(article?.title) || oneLine(document.querySelector("title")?.textContent);
  return {
    title,
    outlet: oneLine(article?.siteName) || outletFromHost(url),
    publishedOn: publicationDay(article?.publishedTime, now) || publicationDay(metaPublished, now) || publicationDay(time, now),
    language: lang || languageTag(article?.lang),
    text: article?.content ? paragraphs(article.content) : "",
  };
}

/** A source's fields from a plain-text page: the text as it is, named by its host. */
export function sourceFromText(text: string, url: URL): PageSource {
  return { title: "", outlet: outletFromHost(url), publishedOn: "", language: "", text: text.replace(CONTROL, "").trim() };
}

export const PAGE_FIELDS = [
  ["title", "Title"],
  ["outlet", "Outlet"],
  ["publishedOn", "Published"],
  ["language", "Language"],
  ["text", "Text"],
] as const;

/**
 * The form after a fetch: every empty field takes the page's value; a field the analyst already
 * typed in keeps what they typed (never silently replaced). Language counts as empty while it
 * holds the form's default, "en". Says which fields were filled and which were kept.
 */
export function fillFromPage<V extends Record<string, string | string[]>>(
  values: V,
  page: PageSource,
): { values: V; filled: string[]; kept: string[] } {
  const out: Record<string, string | string[]> = { ...values };
  const filled: string[] = [];
  const kept: string[] = [];
  for (const [field, label] of PAGE_FIELDS) {
    const found = page[field];
    if (!found) continue;
    const current = typeof values[field] === "string" ? (values[field] as string).trim() : "";
    if (current === "" || (field === "language" && current === "en") || current === found) {
      out[field] = found;
      filled.push(label);
    } else kept.push(label);
  }
  return { values: out as V, filled, kept };
}
