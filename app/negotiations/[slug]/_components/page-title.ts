import type { Metadata } from "next";
import { getNegotiation } from "@/server/queries/negotiations";

/** Page titles name the view and the negotiation: "Gaps · Gaza ceasefire talks · Parley". */
export function titled(view: string) {
  return async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
    const { slug } = await params;
    const negotiation = await getNegotiation(slug);
    return { title: negotiation ? `${view} · ${negotiation.title}` : view };
  };
}
