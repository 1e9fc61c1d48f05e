import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getNegotiation } from "@/server/queries/negotiations";
import { canEdit, getViewer } from "@/server/session";
import { NegotiationTabs } from "./_components/tabs";

export default async function NegotiationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // No read check here: a client navigation renders only the page below this layout, so every
  // query checks the reader itself (getNegotiation included).
  const [negotiation, viewer] = await Promise.all([getNegotiation(slug), getViewer()]);
  if (!negotiation) notFound();
  return (
    <>
      <div className="negotiation-head">
        <p className="breadcrumbs" style={{ margin: 0 }}>
          <Link href="/">Negotiations</Link> /
        </p>
        <h1>{negotiation.title}</h1>
        {canEdit(viewer) ? (
          <Link href={`/negotiations/${slug}/edit`} className="small">
            Edit details
          </Link>
        ) : null}
      </div>
      <NegotiationTabs slug={slug} />
      {children}
    </>
  );
}
