import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listSourcesPage } from "@/server/queries/sources";
import { countQuotesToCheck } from "@/server/queries/entries";
import { pageParam, rangeLabel } from "@/lib/paging";
import { Pager } from "@/components/pager";
import { formatDay, plural } from "@/lib/format";
import { sourceLabel } from "@/lib/source-label";
import { titled } from "../_components/page-title";
import { ExportLinks } from "../_components/export-links";

export const generateMetadata = titled("Sources");

export default async function SourcesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> }) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const pageNumber = pageParam(search.page);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !pageNumber) notFound();
  const [listed, viewer, toCheck] = await Promise.all([listSourcesPage(negotiation.id, pageNumber), getViewer(), countQuotesToCheck(negotiation.id)]);
  if (!listed) notFound();
  const { sources, page } = listed;
  const here = `/negotiations/${slug}/sources`;
  return (
    <>
      <div className="toolbar" style={{ justifyContent: "space-between" }}>
        <h2 style={{ margin: 0 }}>Sources ({page.total.toLocaleString("en")})</h2>
        {canEdit(viewer) ? (
          <Link href={`/negotiations/${slug}/sources/new`} className="button primary">
            Add source
          </Link>
        ) : null}
      </div>
      {toCheck > 0 ? (
        <p className="notice warning">
          ⚠ {plural(toCheck, "position entry quotes", "position entries quote")} words {toCheck === 1 ? "its source" : "their sources"} no longer{" "}
          {toCheck === 1 ? "contains" : "contain"}: <Link href={`/negotiations/${slug}/quotes-to-check`}>Quotes to check</Link>.
        </p>
      ) : null}
      {sources.length === 0 ? (
        <p className="empty">No source yet. Add the report you are reading: paste its text, or record it as a link only.</p>
      ) : (
        <>
        <p className="muted small">{rangeLabel(page, "source")}, newest first.</p>
        <Pager page={page} href={here} label="Source pages" previous="Newer" next="Older" />
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Published</th>
                <th scope="col">Title</th>
                <th scope="col">Outlet</th>
                <th scope="col">Text</th>
                <th scope="col">Entries</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.id}>
                  <td style={{ whiteSpace: "nowrap" }}>{formatDay(s.publishedOn)}</td>
                  <td>
                    <Link href={`/negotiations/${slug}/sources/${s.id}`} dir="auto" lang={s.title?.trim() ? s.language || undefined : undefined}>
                      {sourceLabel(s)}
                    </Link>
                  </td>
                  <td dir="auto">{s.outlet}</td>
                  <td>{s.hasText ? "Full text" : "Link only"}</td>
                  <td>{s.entryCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={page} href={here} label="Source pages, below the list" previous="Newer" next="Older" />
        </>
      )}
      <ExportLinks slug={slug} editor={canEdit(viewer)} />
    </>
  );
}
