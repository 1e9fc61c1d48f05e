import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getParty, listParties } from "@/server/queries/parties-and-issues";
import { deletePartyAction } from "@/server/actions/parties-and-issues";
import { DeleteForm } from "@/components/delete-form";
import { parseId } from "@/lib/form";
import { PartyForm } from "../../_components/party-form";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Edit party");

export default async function EditPartyPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id: rawId } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/parties/${rawId}/edit`);
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [party, parties] = await Promise.all([getParty(negotiation.id, id), listParties(negotiation.id)]);
  if (!party) notFound();
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/parties`}>Parties</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Edit {party.name}</h2>
      <PartyForm slug={slug} party={party} otherParties={parties.filter((p) => p.id !== party.id)} />
      <p className="small">
        <Link href={`/history/party/${id}`}>Revision history</Link>
      </p>
      <DeleteForm
        action={deletePartyAction.bind(null, slug, id)}
        version={party.version}
        label="Delete party"
        question={`Move ${party.name} to the trash? Its column leaves the matrix; its entries are kept.`}
      />
    </div>
  );
}
