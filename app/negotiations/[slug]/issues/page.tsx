import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getNegotiation } from "@/server/queries/negotiations";
import { listIssues } from "@/server/queries/parties-and-issues";
import { IssueForm } from "./_components/issue-form";

export const metadata: Metadata = { title: "Issues" };

export default async function IssuesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const issues = await listIssues(negotiation.id);
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
                  <td>{i.name}</td>
                  <td className="small">{i.description}</td>
                  <td>
                    <Link href={`/negotiations/${slug}/issues/${i.id}/edit`}>
                      Edit<span className="visually-hidden"> {i.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Add an issue</h2>
      <IssueForm slug={slug} nextOrder={Math.max(0, ...issues.map((i) => i.order)) + 1} />
    </div>
  );
}
