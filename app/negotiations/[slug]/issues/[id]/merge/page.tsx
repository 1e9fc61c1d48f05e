import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getIssue, getMergePlan, listIssues } from "@/server/queries/parties-and-issues";
import { mergeIssueAction } from "@/server/actions/parties-and-issues";
import { parseId } from "@/lib/form";
import { firstValue, type SearchValue } from "@/lib/search-params";
import { MergeStep } from "../../../_components/merge-step";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Merge issue");

export default async function MergeIssuePage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ into?: SearchValue }> }) {
  const [{ slug, id: rawId }, query] = await Promise.all([params, searchParams]);
  await requirePageRole("editor", `/negotiations/${slug}/issues/${rawId}/merge`);
  const id = parseId(rawId);
  const rawInto = firstValue(query.into);
  const into = rawInto === undefined ? null : parseId(rawInto);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id || (rawInto !== undefined && !into)) notFound();
  const [record, all, plan] = await Promise.all([
    getIssue(negotiation.id, id),
    listIssues(negotiation.id),
    into ? getMergePlan("issue", negotiation.id, id, into) : Promise.resolve(null),
  ]);
  if (!record || (into && !plan)) notFound();
  return (
    <MergeStep
      kind="issue"
      slug={slug}
      record={record}
      others={all.filter((r) => r.id !== id)}
      into={into}
      plan={plan}
      action={mergeIssueAction.bind(null, slug, id)}
    />
  );
}
