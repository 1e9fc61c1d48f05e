import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listIssues } from "@/server/queries/parties-and-issues";
import { IssueForm } from "./_components/issue-form";
import { titled } from "../_components/page-title";
import { MergedNotice } from "../_components/merged-notice";
import { ReorderStatus } from "@/components/reorder";
import { RowActions } from "../_components/taxonomy";
import { firstValue, type SearchValue } from "@/lib/search-params";
import { parseId } from "@/lib/form";

export const generateMetadata = titled("Issues");

export default async function IssuesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ merged?: SearchValue }> }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const [issues, viewer] = await Promise.all([listIssues(negotiation.id), getViewer()]);
  const editor = canEdit(viewer);
  return (
    <div className="page-narrow">
      <h2 style={{ marginTop: 0 }}>Issues ({issues.length})</h2>
      <MergedNotice kind="issue" target={issues.find((r) => r.id === parseId(firstValue(query.merged)))} />
      {issues.length === 0 ? (
        <p className="empty">No issue yet. Add the points under negotiation, e.g. “Permanent ceasefire” or “Climate finance goal”.</p>
      ) : (
        <ReorderStatus>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Name</th>
                <th scope="col" className="wide-only">Description</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i, index) => (
                <tr key={i.id}>
                  <td>{i.order}</td>
                  <td>
                    <Link href={`/negotiations/${slug}/issues/${i.id}`} dir="auto">
                      {i.name}
                    </Link>
                  </td>
                  <td className="small wide-only">{i.description}</td>
                  <td>
                    {editor ? <RowActions kind="issue" slug={slug} record={i} position={index + 1} total={issues.length} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </ReorderStatus>
      )}
      {editor ? <h2>Add an issue</h2> : null}
      {editor ? <IssueForm slug={slug} submissionId={crypto.randomUUID()} nextOrder={Math.max(0, ...issues.map((i) => i.order)) + 1} /> : null}
    </div>
  );
}
