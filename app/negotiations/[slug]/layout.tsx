import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getNegotiation } from "@/server/queries/negotiations";
import { NegotiationTabs } from "./_components/tabs";

export default async function NegotiationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  return (
    <>
      <div className="negotiation-head">
        <p className="breadcrumbs" style={{ margin: 0 }}>
          <Link href="/">Negotiations</Link> /
        </p>
        <h1>{negotiation.title}</h1>
        <Link href={`/negotiations/${slug}/edit`} className="small">
          Edit details
        </Link>
      </div>
      <NegotiationTabs slug={slug} />
      {children}
    </>
  );
}
