import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isEntityType, listRevisions } from "@/server/queries/revisions";
import { parseId } from "@/lib/form";
import { wordDiff } from "@/lib/text-diff";
import { WordDiff } from "@/components/change-badge";
import { sourceLabel, type NamedSource } from "@/lib/source-label";

export const metadata: Metadata = { title: "History" };

const ACTION_LABEL: Record<string, string> = { create: "Created", update: "Edited", delete: "Moved to the trash", restore: "Restored" };
// Bookkeeping that changes on every write and says nothing to a reader: quote positions follow
// the quote and the source's text (lib/quote.ts); `merge` is what a merge moved, kept for its
// undo (decision 019), and `mergedInto` says it in words.
const HIDDEN = new Set(["updatedAt", "version", "createdAt", "id", "quoteStart", "quoteEnd", "merge"]);

// Field names in the reader's words; ids of related records are shown as #id.
const FIELD_LABELS: Record<string, string> = {
  negotiationId: "Negotiation #",
  issueId: "Issue #",
  sourceId: "Source #",
  partyIds: "Parties #",
  statedOn: "Date stated",
  stance: "Stance",
  firmness: "Firmness",
  summary: "Summary",
  quote: "Quote",
  notes: "Notes",
  changeOverride: "Change type (analyst override)",
  deletedAt: "In the trash since",
  mergedInto: "Merged into",
  title: "Title",
  slug: "Short name in the address",
  description: "Description",
  name: "Name",
  shortName: "Short name",
  aliases: "Other names",
  role: "Role",
  colour: "Colour",
  order: "Order",
  outlet: "Outlet",
  url: "Address (URL)",
  publishedOn: "Published",
  language: "Language",
  text: "Text",
  day: "Date",
  note: "Note",
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

export default async function HistoryPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const { entity, id: rawId } = await params;
  const id = parseId(rawId);
  if (!id || !isEntityType(entity)) notFound();
  // Empty also for a record in the trash, unless this reader may restore it.
  const revisions = await listRevisions(entity, id);
  if (revisions.length === 0) notFound();
  const latest = revisions.at(-1)!.state;
  const name = entity === "source" ? sourceLabel(latest as unknown as NamedSource) : show(latest.title ?? latest.name ?? latest.summary);
  return (
    <div className="page-narrow">
      <h1>
        History of <bdi>{name}</bdi>
      </h1>
      <p className="muted">
        Every change to this {entity === "entry" ? "position entry" : entity}, oldest first, with the full state kept for each. {revisions.length}{" "}
        revisions.
      </p>
      <ol className="entry-list">
        {revisions.map((r, i) => {
          const before = i > 0 ? revisions[i - 1]!.state : {};
          const fields = Object.keys(r.state).filter((k) => !HIDDEN.has(k) && show(before[k]) !== show(r.state[k]));
          return (
            <li key={r.id} className="entry">
              <div className="entry-head">
                <strong>{ACTION_LABEL[r.action] ?? r.action}</strong>
                <span className="small muted">
                  version {r.version} · {r.createdAt.toISOString().slice(0, 19).replace("T", " ")} UTC · by {r.actorName}
                </span>
              </div>
              {fields.length > 0 ? (
                <dl className="diff-block">
                  {fields.map((f) => (
                    <div key={f}>
                      <dt>{FIELD_LABELS[f] ?? f}</dt>
                      <dd dir="auto">
                        {i === 0 || f === "deletedAt" ? show(r.state[f]) || <em>empty</em> : <WordDiff parts={wordDiff(show(before[f]), show(r.state[f]))} />}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="small muted">No field changed.</p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
