import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { SourceForm } from "../_components/source-form";
import { titled } from "../../_components/page-title";

export const generateMetadata = titled("Add source");

export default async function NewSourcePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/sources/new`);
  if (!(await getNegotiation(slug))) notFound();
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/sources`}>Sources</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Add source</h2>
      <SourceForm slug={slug} submissionId={crypto.randomUUID()} />
    </div>
  );
}
