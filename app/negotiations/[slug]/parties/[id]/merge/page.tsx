import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getParty, getMergePlan, listParties } from "@/server/queries/parties-and-issues";
import { mergePartyAction } from "@/server/actions/parties-and-issues";
import { parseId } from "@/lib/form";
import { firstValue, type SearchValue } from "@/lib/search-params";
import { MergeStep } from "../../../_components/merge-step";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Merge party");

export default async function MergePartyPage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ into?: SearchValue }> }) {
  const [{ slug, id: rawId }, query] = await Promise.all([params, searchParams]);
  await requirePageRole("editor", `/negotiations/${slug}/parties/${rawId}/merge`);
  const id = parseId(rawId);
  const rawInto = firstValue(query.into);
  const into = rawInto === undefined ? null : parseId(rawInto);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id || (rawInto !== undefined && !into)) notFound();
  const [record, all, plan] = await Promise.all([
    getParty(negotiation.id, id),
    listParties(negotiation.id),
    into ? getMergePlan("party", negotiation.id, id, into) : Promise.resolve(null),
  ]);
  if (!record || (into && !plan)) notFound();
  return (
    <MergeStep
      kind="party"
      slug={slug}
      record={record}
      others={all.filter((r) => r.id !== id)}
      into={into}
      plan={plan}
      action={mergePartyAction.bind(null, slug, id)}
    />
  );
}
