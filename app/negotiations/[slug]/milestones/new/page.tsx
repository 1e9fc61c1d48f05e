import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listSources } from "@/server/queries/sources";
import { MilestoneForm } from "../_components/milestone-form";
import { titled } from "../../_components/page-title";

export const generateMetadata = titled("Add milestone");

export default async function NewMilestonePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/milestones/new`);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const sources = await listSources(negotiation.id);
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/milestones`}>Milestones</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Add milestone</h2>
      <MilestoneForm slug={slug} sources={sources} submissionId={crypto.randomUUID()} />
    </div>
  );
}
