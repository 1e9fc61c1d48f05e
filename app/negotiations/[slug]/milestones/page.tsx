import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listMilestonesPage } from "@/server/queries/milestones";
import { pageParam, rangeLabel } from "@/lib/paging";
import { Pager } from "@/components/pager";
import { formatDay } from "@/lib/format";
import { sourceLabel } from "@/lib/source-label";
import { firstValue, type SearchValue } from "@/lib/search-params";
import { parseId } from "@/lib/form";
import { titled } from "../_components/page-title";

export const generateMetadata = titled("Milestones");

export default async function MilestonesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ page?: SearchValue; saved?: SearchValue }>;
}) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const pageNumber = pageParam(search.page);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !pageNumber) notFound();
  const [listed, viewer] = await Promise.all([listMilestonesPage(negotiation.id, pageNumber), getViewer()]);
  if (!listed) notFound();
  const { milestones, page } = listed;
  const editor = canEdit(viewer);
  const base = `/negotiations/${slug}`;
  const here = `${base}/milestones`;
  return (
    <>
      <div className="toolbar" style={{ justifyContent: "space-between" }}>
        <h2 style={{ margin: 0 }}>Milestones ({page.total.toLocaleString("en")})</h2>
        {editor ? (
          <Link href={`${here}/new`} className="button primary">
            Add milestone
          </Link>
        ) : null}
      </div>
      <p className="muted small">
        Dated events of the talks: a proposal tabled, a round of talks, a deal signed. The as-of date control of the matrix and the gap view
        offers them as quick picks.
      </p>
      {parseId(firstValue(search.saved)) ? (
        <p className="notice" role="status">
          Milestone saved.
        </p>
      ) : null}
      {milestones.length === 0 ? (
        <p className="empty">No milestone yet.{editor ? " Add the first: a round of talks, a proposal, a deal." : ""}</p>
      ) : (
        <>
          <p className="muted small">{rangeLabel(page, "milestone")}, newest first.</p>
          <Pager page={page} href={here} label="Milestone pages" previous="Newer" next="Older" />
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Milestone</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {milestones.map((m) => (
                  <tr key={m.id}>
                    <td style={{ whiteSpace: "nowrap" }}>
                      <time dateTime={m.day}>{formatDay(m.day)}</time>
                    </td>
                    <td>
                      <strong dir="auto">{m.title}</strong>
                      {m.note ? (
                        <p className="small muted" dir="auto" style={{ margin: 0, whiteSpace: "pre-line" }}>
                          {m.note}
                        </p>
                      ) : null}
                      <div className="row-actions small">
                        <Link href={`${base}?asOf=${m.day}`}>
                          Matrix on that day<span className="visually-hidden"> ({formatDay(m.day)})</span>
                        </Link>
                        {editor ? (
                          <Link href={`${here}/${m.id}/edit`}>
                            Edit<span className="visually-hidden"> <bdi>{m.title}</bdi></span>
                          </Link>
                        ) : null}
                      </div>
                    </td>
                    <td>
                      {m.source === null ? (
                        <span className="muted">—</span>
                      ) : m.source.inTrash ? (
                        <span className="muted">
                          <bdi>{sourceLabel(m.source)}</bdi> (in the trash)
                        </span>
                      ) : (
                        <Link href={`${base}/sources/${m.source.id}`} dir="auto" lang={m.source.title?.trim() ? m.source.language || undefined : undefined}>
                          {sourceLabel(m.source)}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} href={here} label="Milestone pages, below the list" previous="Newer" next="Older" />
        </>
      )}
    </>
  );
}
