// How Parley names a source wherever it refers to one. A third of real reports have no
// headline: such a source is named by its outlet and date ("Reuters, 25 Aug 2024").
import { formatDay } from "./format";

export interface NamedSource {
  title: string | null;
  outlet: string;
  publishedOn: string | null;
}

/** The source's title, or "outlet, date" when it has none (or what there is of the two). */
export function sourceLabel(source: NamedSource): string {
  const title = source.title?.trim();
  if (title) return title;
  const outlet = source.outlet.trim();
  const parts = [outlet, source.publishedOn ? formatDay(source.publishedOn) : ""].filter(Boolean);
  return parts.length ? parts.join(", ") : "Untitled source";
}

/** The longer name in a list of sources to choose from: "25 Aug 2024 · Reuters: Title". */
export function sourceOptionLabel(source: NamedSource): string {
  const title = source.title?.trim();
  const outlet = source.outlet.trim();
  const name = title ? (outlet ? `${outlet}: ${title}` : title) : outlet || "Untitled source";
  return `${formatDay(source.publishedOn)} · ${name}`;
}
