import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listParties } from "@/server/queries/parties-and-issues";
import { getSide } from "@/server/queries/sides";
import { deleteSideAction } from "@/server/actions/parties-and-issues";
import { DeleteForm } from "@/components/delete-form";
import { parseId } from "@/lib/form";
import { SideForm } from "../../_components/side-form";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Edit side");

export default async function EditSidePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id: rawId } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/sides/${rawId}/edit`);
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [side, parties] = await Promise.all([getSide(negotiation.id, id), listParties(negotiation.id)]);
  if (!side) notFound();
  const members = parties.filter((p) => p.sideId === side.id);
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/sides`}>Sides</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>
        Edit <bdi>{side.name}</bdi>
      </h2>
      <SideForm slug={slug} side={side} />
      <p className="small">
        <Link href={`/history/side/${id}`}>Revision history</Link>
      </p>
      <DeleteForm
        action={deleteSideAction.bind(null, slug, id)}
        version={side.version}
        label="Delete side"
        question={
          members.length === 0
            ? `Move “${side.name}” to the trash?`
            : `Move “${side.name}” to the trash? While it is there, ${members.map((p) => p.name).join(", ")} count as without a side; restoring it groups them again.`
        }
      />
    </div>
  );
}
