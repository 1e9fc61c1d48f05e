import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listIssues } from "@/server/queries/parties-and-issues";
import { IssueForm } from "./_components/issue-form";
import { titled } from "../_components/page-title";

export const generateMetadata = titled("Issues");

export default async function IssuesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const [issues, viewer] = await Promise.all([listIssues(negotiation.id), getViewer()]);
  const editor = canEdit(viewer);
  return (
    <div className="page-narrow">
      <h2 style={{ marginTop: 0 }}>Issues ({issues.length})</h2>
      {issues.length === 0 ? (
        <p className="empty">No issue yet. Add the points under negotiation, e.g. “Permanent ceasefire” or “Climate finance goal”.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i) => (
                <tr key={i.id}>
                  <td>{i.order}</td>
                  <td dir="auto">{i.name}</td>
                  <td className="small">{i.description}</td>
                  <td>
                    {editor ? (<Link href={`/negotiations/${slug}/issues/${i.id}/edit`}>
                      Edit
                      <span className="visually-hidden">
                        {" "}
                        <bdi>{i.name}</bdi>
                      </span>
                    </Link>) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editor ? <h2>Add an issue</h2> : null}
      {editor ? <IssueForm slug={slug} submissionId={crypto.randomUUID()} nextOrder={Math.max(0, ...issues.map((i) => i.order)) + 1} /> : null}
    </div>
  );
}
