import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getMilestone } from "@/server/queries/milestones";
import { listSources } from "@/server/queries/sources";
import { deleteMilestoneAction } from "@/server/actions/milestones";
import { DeleteForm } from "@/components/delete-form";
import { parseId } from "@/lib/form";
import { milestoneLabel } from "@/lib/milestones";
import { MilestoneForm } from "../../_components/milestone-form";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Edit milestone");

export default async function EditMilestonePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id: rawId } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/milestones/${rawId}/edit`);
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [milestone, sources] = await Promise.all([getMilestone(negotiation.id, id), listSources(negotiation.id)]);
  if (!milestone) notFound();
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/milestones`}>Milestones</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Edit milestone</h2>
      <MilestoneForm slug={slug} milestone={milestone} sources={sources} />
      <p className="small">
        <Link href={`/history/milestone/${id}`}>Revision history</Link>
      </p>
      <DeleteForm
        action={deleteMilestoneAction.bind(null, slug, id)}
        version={milestone.version}
        label="Delete milestone"
        question={`Move the milestone “${milestoneLabel(milestone)}” to the trash?`}
      />
    </div>
  );
}
