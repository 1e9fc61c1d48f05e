import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getIssue, listIssues, listParties } from "@/server/queries/parties-and-issues";
import { deleteIssueAction } from "@/server/actions/parties-and-issues";
import { DeleteForm } from "@/components/delete-form";
import { parseId } from "@/lib/form";
import { listDependants } from "@/server/queries/entries";
import { DependantsList, trashQuestion } from "@/components/dependants";
import { IssueForm } from "../../_components/issue-form";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Edit issue");

export default async function EditIssuePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id: rawId } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/issues/${rawId}/edit`);
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [issue, dependants, parties, issues] = await Promise.all([
    getIssue(negotiation.id, id),
    listDependants(negotiation.id, "issue", id),
    listParties(negotiation.id),
    listIssues(negotiation.id),
  ]);
  if (!issue) notFound();
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/issues`}>Issues</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Edit <bdi>{issue.name}</bdi>
      </h2>
      <IssueForm slug={slug} issue={issue} />
      <p className="small">
        <Link href={`/history/issue/${id}`}>Revision history</Link> · <Link href={`/negotiations/${slug}/issues/${id}/merge`}>Merge into another issue…</Link>
      </p>
      <DeleteForm
        action={deleteIssueAction.bind(null, slug, id)}
        version={issue.version}
        label="Delete issue"
        question={trashQuestion(`“${issue.name}”`, dependants.count)}
      >
        <DependantsList
          dependants={dependants}
          slug={slug}
          partyNames={new Map(parties.map((p) => [p.id, p.name]))}
          issueNames={new Map(issues.map((i) => [i.id, i.name]))}
          
        />
      </DeleteForm>
    </div>
  );
}
