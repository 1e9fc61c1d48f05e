import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/server/session";
import { NegotiationImportForm } from "./_components/negotiation-import-form";

export const metadata: Metadata = { title: "Import a negotiation" };

export default async function ImportNegotiationPage() {
  await requirePageRole("editor", "/negotiations/import");
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href="/">Negotiations</Link> /
      </p>
      <h1>Import a negotiation</h1>
      <p>
        A negotiation file (<code>export.json</code>, format <code>parley-negotiation</code> version 1) as Parley exports it from a matrix:
        its parties, issues, sources with their text and position entries become a new negotiation. Any problem and nothing is saved. Files up
        to 1 MiB; larger ones with <code>npm run import</code>.
      </p>
      <NegotiationImportForm />
    </div>
  );
}
