import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSearchPage } from "@/server/queries/search";
import { StanceBadge } from "@/components/stance";
import { formatDay, plural } from "@/lib/format";
import { parseSearchRequest, searchHref, SEARCH_LIMITS, SEARCH_QUERY_MAX, snippetParts } from "@/lib/search";
import type { SearchValue } from "@/lib/search-params";
import { sourceLabel } from "@/lib/source-label";
import { STANCES, STANCE_LABELS, type Stance } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Search" };

/** A snippet from the index: plain text, the matched words in <mark>; never HTML. */
function Snippet({ text, fallback }: { text: string | null; fallback: string }) {
  return (
    <p dir="auto" className="search-snippet">
      {text === null
        ? fallback
        : snippetParts(text).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}

function FieldErrors({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <ul className="field-errors" id={id}>
      <li>{message}</li>
    </ul>
  ) : null;
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, SearchValue>> }) {
  const params = await searchParams;
  const request = parseSearchRequest(params);
  const { typed } = request;
  // The form sends every field, empty ones too: the shareable address keeps only those set.
  if (Object.values(params).some((v) => v === "")) redirect(searchHref(typed));
  const { options, errors, results } = await getSearchPage(request);
  const invalid = (key: keyof typeof errors) => (errors[key] ? { "aria-invalid": true as const, "aria-describedby": `search-${key}-error` } : {});
  const fieldClass = (key: keyof typeof errors) => (errors[key] ? "field invalid" : "field");
  const total = results ? results.entries.length + results.sources.length : 0;

  return (
    <div className="page-narrow">
      <h1>Search</h1>
      <form role="search" action="/search" method="get" className="form" aria-label="Search positions and sources">
        <div className={fieldClass("q")}>
          <label htmlFor="search-q">Search for</label>
          <input id="search-q" name="q" type="search" defaultValue={typed.q} {...invalid("q")} />
          <p className="field-hint">
            Words in summaries, quotes, notes and sources&apos; titles and texts, in any language. A party&apos;s name, short name or other name (e.g.
            “PIJ”) also finds its positions. “Quotes” keep words together. At most {SEARCH_QUERY_MAX} characters.
          </p>
          <FieldErrors id="search-q-error" message={errors.q} />
        </div>
        <fieldset className="field">
          <legend>Filters</legend>
          <div className="form-grid-2">
            <div className={fieldClass("negotiation")}>
              <label htmlFor="search-negotiation">Negotiation</label>
              <select id="search-negotiation" name="negotiation" defaultValue={typed.negotiation} {...invalid("negotiation")}>
                <option value="">All negotiations</option>
                {options.chosen === null && typed.negotiation ? <option value={typed.negotiation}>{typed.negotiation} (unknown)</option> : null}
                {options.negotiations.map((n) => (
                  <option key={n.slug} value={n.slug}>
                    {n.title}
                  </option>
                ))}
              </select>
              <FieldErrors id="search-negotiation-error" message={errors.negotiation} />
            </div>
            <div className={fieldClass("partyId")}>
              <label htmlFor="search-party">Party</label>
              {options.chosen ? (
                <select id="search-party" name="party" defaultValue={typed.party} {...invalid("partyId")}>
                  <option value="">Any party</option>
                  {options.parties.map((p) => (
                    <option key={p.id} value={String(p.id)}>
                      {p.name}
                    </option>
                  ))}
                </select>
              ) : (
                <input id="search-party" name="party" type="text" inputMode="numeric" defaultValue={typed.party} aria-describedby="search-party-hint" {...invalid("partyId")} />
              )}
              {options.chosen ? null : (
                <p className="field-hint" id="search-party-hint">
                  Choose a negotiation and search to pick its parties and issues by name.
                </p>
              )}
              <FieldErrors id="search-partyId-error" message={errors.partyId} />
            </div>
            <div className={fieldClass("issueId")}>
              <label htmlFor="search-issue">Issue</label>
              {options.chosen ? (
                <select id="search-issue" name="issue" defaultValue={typed.issue} {...invalid("issueId")}>
                  <option value="">Any issue</option>
                  {options.issues.map((i) => (
                    <option key={i.id} value={String(i.id)}>
                      {i.name}
                    </option>
                  ))}
                </select>
              ) : (
                <input id="search-issue" name="issue" type="text" inputMode="numeric" defaultValue={typed.issue} {...invalid("issueId")} />
              )}
              <FieldErrors id="search-issueId-error" message={errors.issueId} />
            </div>
            <div className={fieldClass("stance")}>
              <label htmlFor="search-stance">Stance</label>
              <select id="search-stance" name="stance" defaultValue={typed.stance} {...invalid("stance")}>
                <option value="">Any stance</option>
                {(STANCES as readonly Stance[]).includes(typed.stance as Stance) || !typed.stance ? null : <option value={typed.stance}>{typed.stance} (unknown)</option>}
                {STANCES.map((s) => (
                  <option key={s} value={s}>
                    {STANCE_LABELS[s]}
                  </option>
                ))}
              </select>
              <FieldErrors id="search-stance-error" message={errors.stance} />
            </div>
            <div className={fieldClass("from")}>
              <label htmlFor="search-from">From (stated or published on or after)</label>
              <input id="search-from" name="from" type="text" inputMode="numeric" placeholder="YYYY-MM-DD" autoComplete="off" size={12} defaultValue={typed.from} {...invalid("from")} />
              <FieldErrors id="search-from-error" message={errors.from} />
            </div>
            <div className={fieldClass("to")}>
              <label htmlFor="search-to">To (on or before)</label>
              <input id="search-to" name="to" type="text" inputMode="numeric" placeholder="YYYY-MM-DD" autoComplete="off" size={12} defaultValue={typed.to} {...invalid("to")} />
              <FieldErrors id="search-to-error" message={errors.to} />
            </div>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button primary">
            Search
          </button>
          {typed.q || typed.negotiation || typed.party || typed.issue || typed.stance || typed.from || typed.to ? <Link href="/search">Clear</Link> : null}
        </div>
      </form>

      <p role="status" className="search-summary">
        {Object.keys(errors).length > 0
          ? "Nothing was searched: correct the fields marked above."
          : results === null
            ? typed.q.trim()
              ? null
              : "Type a word or a name to search."
            : results.terms.length === 0
              ? "Type at least one word with a letter or a digit."
              : total === 0
                ? `No results for “${typed.q.trim()}”.`
                : `${plural(results.entries.length, "position entry", "position entries")}${results.moreEntries ? ` (the latest ${SEARCH_LIMITS.entries} of more)` : ""} and ${plural(results.sources.length, "source")}${results.moreSources ? ` (the latest ${SEARCH_LIMITS.sources} of more)` : ""} for “${typed.q.trim()}”.`}
      </p>

      {results && results.terms.some((t) => t.partyIds.length > 0) ? (
        <p className="small muted">
          {results.terms
            .filter((t) => t.partyIds.length > 0)
            .map((t) => `“${t.text}” names a party: its positions are included.`)
            .join(" ")}
        </p>
      ) : null}

      {results && results.entries.length > 0 ? (
        <section aria-labelledby="search-entries">
          <h2 id="search-entries">Position entries</h2>
          <ul className="entry-list search-results">
            {results.entries.map((e) => {
              const parties = e.parties.map((p) => p.name).join(" + ");
              const cellParty = e.parties[0];
              const cellHref = cellParty ? `/negotiations/${e.negotiation.slug}/cells/${cellParty.id}/${e.issue.id}#entry-${e.id}` : null;
              return (
                <li key={e.id}>
                  <article className="entry">
                    <h3 className="search-hit-title">
                      {cellHref ? (
                        <Link href={cellHref}>
                          {parties} on {e.issue.name}, {formatDay(e.statedOn)}
                        </Link>
                      ) : (
                        `${parties} on ${e.issue.name}, ${formatDay(e.statedOn)}`
                      )}
                    </h3>
                    <div className="entry-head">
                      <StanceBadge stance={e.stance} />
                      {e.parties.length > 1 ? <span className="small muted">(joint statement)</span> : null}
                      <span className="small muted">{e.negotiation.title}</span>
                      <Link className="small" href={`/negotiations/${e.negotiation.slug}/issues/${e.issue.id}`} dir="auto">
                        Issue: {e.issue.name}
                      </Link>
                    </div>
                    <Snippet text={e.snippet} fallback={e.summary} />
                    <p className="small">
                      Source:{" "}
                      <Link href={`/negotiations/${e.negotiation.slug}/sources/${e.source.id}`} dir="auto">
                        {sourceLabel(e.source)}
                      </Link>
                    </p>
                  </article>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {results && results.sources.length > 0 ? (
        <section aria-labelledby="search-sources">
          <h2 id="search-sources">Sources</h2>
          <ul className="entry-list search-results">
            {results.sources.map((s) => (
              <li key={s.id}>
                <article className="entry" lang={s.language}>
                  <h3 className="search-hit-title">
                    <Link href={`/negotiations/${s.negotiation.slug}/sources/${s.id}`} dir="auto">
                      {sourceLabel(s)}
                    </Link>
                  </h3>
                  <p className="small muted" lang="en">
                    {s.outlet || "Unknown outlet"} · {s.publishedOn ? formatDay(s.publishedOn) : "date unknown"} · {s.negotiation.title}
                  </p>
                  <Snippet text={s.snippet} fallback="" />
                </article>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {results?.sourcesFiltered ? <p className="small muted">Sources are not listed when the search is filtered by party, issue or stance.</p> : null}
    </div>
  );
}
