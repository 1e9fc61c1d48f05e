import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listSources } from "@/server/queries/sources";
import { listEntriesWithQuoteToCheck } from "@/server/queries/entries";
import { formatDay, plural } from "@/lib/format";
import { sourceLabel } from "@/lib/source-label";
import { titled } from "../_components/page-title";
import { ExportLinks } from "../_components/export-links";

export const generateMetadata = titled("Sources");

export default async function SourcesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const [sources, viewer, toCheck] = await Promise.all([listSources(negotiation.id), getViewer(), listEntriesWithQuoteToCheck(negotiation.id)]);
  return (
    <>
      <div className="toolbar" style={{ justifyContent: "space-between" }}>
        <h2 style={{ margin: 0 }}>Sources ({sources.length})</h2>
        {canEdit(viewer) ? (
          <Link href={`/negotiations/${slug}/sources/new`} className="button primary">
            Add source
          </Link>
        ) : null}
      </div>
      {toCheck.length > 0 ? (
        <p className="notice warning">
          ⚠ {plural(toCheck.length, "position entry quotes", "position entries quote")} words {toCheck.length === 1 ? "its source" : "their sources"} no longer{" "}
          {toCheck.length === 1 ? "contains" : "contain"}: <Link href={`/negotiations/${slug}/quotes-to-check`}>Quotes to check</Link>.
        </p>
      ) : null}
      {sources.length === 0 ? (
        <p className="empty">No source yet. Add the report you are reading: paste its text, or record it as a link only.</p>
      ) : (
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
      )}
      <ExportLinks slug={slug} editor={canEdit(viewer)} />
    </>
  );
}
