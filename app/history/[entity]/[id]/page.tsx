import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRevisionHistory, isEntityType } from "@/server/queries/revisions";
import { parseId } from "@/lib/form";
import { plural } from "@/lib/format";
import { wordDiff } from "@/lib/text-diff";
import { WordDiff } from "@/components/change-badge";
import { sourceLabel, type NamedSource } from "@/lib/source-label";
import { describeRevisions, emptyText, ENTITY_NOUN, recordLink, recordTitle, type FieldChange } from "@/lib/revision-history";

export const metadata: Metadata = { title: "History" };

function Value({ change }: { change: FieldChange }) {
  const empty = <em>{emptyText(change.field)}</em>;
  if (change.before === null) return <>{change.after || empty}</>;
  if (change.prose && change.before && change.after) return <WordDiff parts={wordDiff(change.before, change.after)} />;
  return (
    <>
      <span className="history-before">{change.before || empty}</span>
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> changed to </span>
      <span>{change.after || empty}</span>
    </>
  );
}

export default async function HistoryPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const { entity, id: rawId } = await params;
  const id = parseId(rawId);
  if (!id || !isEntityType(entity)) notFound();
  // Null also for a record in the trash, unless this reader may restore it.
  const history = await getRevisionHistory(entity, id);
  if (!history) notFound();
  const { revisions, names, place } = history;
  const latest = revisions.at(-1)!.state;
  const name = recordTitle(entity, latest, names, entity === "source" ? sourceLabel(latest as unknown as NamedSource) : "");
  const noun = ENTITY_NOUN[entity];
  const link = place ? recordLink(entity, id, place) : null;
  return (
    <div className="page-narrow">
      <h1>
        History of <bdi>{name}</bdi>
      </h1>
      {link ? <p>{"href" in link ? <Link href={link.href}>{link.text}</Link> : <strong>{link.note}</strong>}</p> : null}
      <p className="muted">
        Every change to this {noun}, oldest first, with the full state kept for each: {plural(revisions.length, "revision")}.
      </p>
      <ol className="entry-list">
        {describeRevisions(entity, revisions, names).map((r) => (
          <li key={r.id} className="entry">
            <div className="entry-head">
              <strong>{r.heading}</strong>
              <span className="small muted">
                version {r.version} · {r.when} · by {r.by}
              </span>
            </div>
            {r.changes.length > 0 ? (
              <dl className="diff-block">
                {r.changes.map((c) => (
                  <div key={c.field}>
                    <dt>{c.label}</dt>
                    <dd dir="auto">
                      <Value change={c} />
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="small muted">No field changed.</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
