import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { deleteNegotiationAction } from "@/server/actions/negotiations";
import { DeleteForm } from "@/components/delete-form";
import { NegotiationForm } from "../../_components/negotiation-form";
import { titled } from "../_components/page-title";

export const generateMetadata = titled("Edit negotiation");

export default async function EditNegotiationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/edit`);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  return (
    <div className="page-narrow">
      <h2>Edit negotiation</h2>
      <NegotiationForm negotiation={negotiation} />
      <p className="small">
        <Link href={`/history/negotiation/${negotiation.id}`}>Revision history</Link>
      </p>
      <DeleteForm
        action={deleteNegotiationAction.bind(null, negotiation.id)}
        version={negotiation.version}
        label="Delete negotiation"
        question={`Move “${negotiation.title}” to the trash? It can be restored.`}
      />
    </div>
  );
}
