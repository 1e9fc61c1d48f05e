import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getSource } from "@/server/queries/sources";
import { deleteSourceAction } from "@/server/actions/sources";
import { DeleteForm } from "@/components/delete-form";
import { parseId } from "@/lib/form";
import { listDependants } from "@/server/queries/entries";
import { listIssues, listParties } from "@/server/queries/parties-and-issues";
import { DependantsList, trashQuestion } from "@/components/dependants";
import { SourceForm } from "../../_components/source-form";
import { sourceLabel } from "@/lib/source-label";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Edit source");

export default async function EditSourcePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id: rawId } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/sources/${rawId}/edit`);
  const id = parseId(rawId);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id) notFound();
  const [source, dependants, parties, issues] = await Promise.all([
    getSource(negotiation.id, id),
    listDependants(negotiation.id, "source", id),
    listParties(negotiation.id),
    listIssues(negotiation.id),
  ]);
  if (!source) notFound();
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/sources`}>Sources</Link> / <Link href={`/negotiations/${slug}/sources/${id}`}>{sourceLabel(source)}</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Edit source</h2>
      <SourceForm slug={slug} source={source} />
      <p className="small">
        <Link href={`/history/source/${id}`}>Revision history</Link>
      </p>
      <DeleteForm
        action={deleteSourceAction.bind(null, slug, id)}
        version={source.version}
        label="Delete source"
        question={trashQuestion(`“${sourceLabel(source)}”`, dependants.count)}
      >
        <DependantsList
          dependants={dependants}
          slug={slug}
          partyNames={new Map(parties.map((p) => [p.id, p.name]))}
          issueNames={new Map(issues.map((i) => [i.id, i.name]))}
          listHref={`/negotiations/${slug}/sources/${id}`}
        />
      </DeleteForm>
    </div>
  );
}
