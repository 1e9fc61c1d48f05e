import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/server/session";
import { NegotiationForm } from "../_components/negotiation-form";

export const metadata: Metadata = { title: "New negotiation" };

export default async function NewNegotiationPage() {
  await requirePageRole("editor", "/negotiations/new");
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href="/">Negotiations</Link> /
      </p>
      <h1>New negotiation</h1>
      <p className="muted">Any negotiation fits: ceasefire talks, climate talks, a trade round, coalition talks. You add its parties, issues and sources next.</p>
      <NegotiationForm submissionId={crypto.randomUUID()} />
      <p className="small">
        Or <Link href="/negotiations/import">import a negotiation file</Link> exported from Parley.
      </p>
    </div>
  );
}
