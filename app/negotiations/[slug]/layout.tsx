import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getNegotiation } from "@/server/queries/negotiations";
import { canEdit, getViewer } from "@/server/session";
import { NegotiationTabs } from "./_components/tabs";
import { getNegotiationActivity } from "@/server/queries/overview";
import { formatDay } from "@/lib/format";
import { LastUpdated } from "@/components/last-updated";

export default async function NegotiationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // No read check here: a client navigation renders only the page below this layout, so every
  // query checks the reader itself (getNegotiation included).
  const [negotiation, viewer] = await Promise.all([getNegotiation(slug), getViewer()]);
  if (!negotiation) notFound();
  const activity = await getNegotiationActivity(negotiation.id);
  return (
    <>
      <div className="negotiation-head">
        <p className="breadcrumbs" style={{ margin: 0 }}>
          <Link href="/">Negotiations</Link> /
        </p>
        <h1 dir="auto">{negotiation.title}</h1>
        <p className="small muted" style={{ margin: 0 }}>
          {activity.latestStatedOn ? <>Latest entry {formatDay(activity.latestStatedOn)}</> : <>No position recorded yet</>}
          <LastUpdated at={activity.lastUpdatedAt} />
        </p>
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
