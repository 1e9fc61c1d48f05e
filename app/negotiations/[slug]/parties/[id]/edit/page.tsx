import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getParty, listIssues, listParties } from "@/server/queries/parties-and-issues";
import { listSides } from "@/server/queries/sides";
import { deletePartyAction } from "@/server/actions/parties-and-issues";
import { DeleteForm } from "@/components/delete-form";
import { parseId } from "@/lib/form";
import { listDependants } from "@/server/queries/entries";
import { DependantsList, trashQuestion } from "@/components/dependants";
import { PartyForm } from "../../_components/party-form";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Edit party");

export default async function EditPartyPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id: rawId } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/parties/${rawId}/edit`);
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [party, dependants, parties, issues, sides] = await Promise.all([
    getParty(negotiation.id, id),
    listDependants(negotiation.id, "party", id),
    listParties(negotiation.id),
    listIssues(negotiation.id),
    listSides(negotiation.id),
  ]);
  if (!party) notFound();
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/parties`}>Parties</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Edit <bdi>{party.name}</bdi>
      </h2>
      <PartyForm slug={slug} party={party} otherParties={parties.filter((p) => p.id !== party.id)} sides={sides} />
      <p className="small">
        <Link href={`/history/party/${id}`}>Revision history</Link> · <Link href={`/negotiations/${slug}/parties/${id}/merge`}>Merge into another party…</Link>
      </p>
      <DeleteForm
        action={deletePartyAction.bind(null, slug, id)}
        version={party.version}
        label="Delete party"
        question={trashQuestion(`${party.name}`, dependants.count)}
      >
        <DependantsList
          dependants={dependants}
          slug={slug}
          partyNames={new Map(parties.map((p) => [p.id, p.name]))}
          issueNames={new Map(issues.map((i) => [i.id, i.name]))}
          listHref={`/negotiations/${slug}/parties/${id}`}
        />
      </DeleteForm>
    </div>
  );
}
