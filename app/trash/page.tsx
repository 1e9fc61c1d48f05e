import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { listTrash, TRASH_PAGE_SIZE } from "@/server/queries/revisions";
import { getQuoteStatus } from "@/server/queries/entries";
import { firstValue, type SearchValue } from "@/lib/search-params";
import { parseId } from "@/lib/form";
import { pageOf, pageParam } from "@/lib/paging";
import { Pager } from "@/components/pager";
import { plural } from "@/lib/format";
import { restoreAction } from "@/server/actions/trash";
import { RestoreButton } from "@/components/restore-button";

export const metadata: Metadata = { title: "Trash" };

const KIND: Record<string, string> = { negotiation: "Negotiation", party: "Party", side: "Side", issue: "Issue", source: "Source", entry: "Position entry", milestone: "Milestone" };

export default async function TrashPage({ searchParams }: { searchParams: Promise<{ restored?: SearchValue; page?: SearchValue }> }) {
  await requirePageRole("editor", "/trash");
  const query = await searchParams;
  const page = pageParam(query.page);
  if (!page) notFound();
  const restored = firstValue(query.restored);
  const restoredEntry = restored?.startsWith("entry-") ? parseId(restored.slice("entry-".length)) : null;
  const [{ rows, total, pageCount }, restoredQuote] = await Promise.all([
    listTrash({ page }),
    restoredEntry ? getQuoteStatus(restoredEntry) : Promise.resolve(null),
  ]);
  const at = pageOf(page, total, TRASH_PAGE_SIZE);
  if (!at || page > pageCount) notFound();
  return (
    <>
      <h1>Trash</h1>
      <p className="muted">Deleted records stay here, with their history, until someone restores them. Nothing in Parley is erased.</p>
      {restored ? (
        <div className={restoredQuote?.status === "missing" ? "notice warning" : "notice"} role="status">
          <p>Restored. It is back where it was.</p>
          {restoredQuote?.status === "missing" ? (
            <p>
              ⚠ Its quote no longer occurs in its source&apos;s text (the source was edited while the entry was in the trash). The entry is
              flagged “Quote not found in source”:{" "}
              <Link href={`/negotiations/${restoredQuote.slug}/sources/${restoredQuote.sourceId}`}>check it against the source</Link>.
            </p>
          ) : null}
        </div>
      ) : null}
      {total > 0 ? (
        <p className="small muted">
          {plural(total, "record")} in the trash, newest deletion first
          {pageCount > 1 ? `; page ${page} of ${pageCount}` : ""}.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">The trash is empty.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Deleted</th>
                <th scope="col">Kind</th>
                <th scope="col">Record</th>
                <th scope="col">Negotiation</th>
                <th scope="col">By</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.entityType}-${r.id}`}>
                  <td style={{ whiteSpace: "nowrap" }}>{r.deletedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                  <td>{KIND[r.entityType]}</td>
                  <td dir="auto">{r.label}</td>
                  <td>{r.negotiation.title}</td>
                  <td className="small">{r.deletedBy}</td>
                  <td>
                    <div className="row-actions">
                      <Link href={`/history/${r.entityType}/${r.id}`}>
                        History<span className="visually-hidden">
                          {" "}
                          of <bdi>{r.label}</bdi>
                        </span>
                      </Link>
                      <RestoreButton action={restoreAction.bind(null, r.entityType, r.id)} version={r.version} label={`Restore`} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={at} href="/trash" label="Trash pages" previous="Newer" next="Older" />
    </>
  );
}
