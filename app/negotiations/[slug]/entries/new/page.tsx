import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { parseId } from "@/lib/form";
import { isValidDay } from "@/lib/day";
import { EntryForm } from "../_components/entry-form";
import { entryFormOptions } from "../_components/options";
import { titled } from "../../_components/page-title";

export const generateMetadata = titled("Add position entry");

type Search = { party?: string; issue?: string; source?: string; statedOn?: string; quote?: string };

export default async function NewEntryPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  await requirePageRole("editor", `/negotiations/${slug}/entries/new`);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const options = await entryFormOptions(negotiation.id);
  // Pre-fill from the cell or source the user came from, when it belongs here.
  const pick = (raw: string | undefined, list: { value: string }[]) => {
    const id = parseId(raw);
    return id && list.some((o) => o.value === String(id)) ? String(id) : "";
  };
  const party = pick(search.party, options.parties);
  const initial = {
    partyIds: party ? [party] : [],
    issueId: pick(search.issue, options.issues),
    sourceId: pick(search.source, options.sources),
    // From the source page's select-to-quote: the date and the quote exactly as selected.
    statedOn: typeof search.statedOn === "string" && isValidDay(search.statedOn) ? search.statedOn : "",
    quote: typeof search.quote === "string" ? search.quote : "",
    submissionId: crypto.randomUUID(),
  };
  const missing = [options.parties.length === 0 && "parties", options.issues.length === 0 && "issues", options.sources.length === 0 && "sources"].filter(Boolean);
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}`}>Matrix</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Add position entry</h2>
      <p className="muted">
        Several positions from one report?{" "}
        {initial.sourceId ? (
          <Link href={`/negotiations/${slug}/sources/${initial.sourceId}/entries/new`}>Add several positions from this source</Link>
        ) : (
          <>
            Open the report in <Link href={`/negotiations/${slug}/sources`}>Sources</Link> and choose “Add several positions”.
          </>
        )}
      </p>
      {missing.length > 0 ? (
        <p className="empty">
          An entry needs a party, an issue and a source. Add {missing.join(" and ")} first:{" "}
          <Link href={`/negotiations/${slug}/parties`}>parties</Link> · <Link href={`/negotiations/${slug}/issues`}>issues</Link> ·{" "}
          <Link href={`/negotiations/${slug}/sources/new`}>sources</Link>
        </p>
      ) : (
        <EntryForm slug={slug} initial={initial} {...options} />
      )}
    </div>
  );
}
