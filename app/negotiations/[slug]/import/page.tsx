import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { ENTRY_COLUMNS } from "@/lib/exchange/csv";
import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Import entries" };

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageRole("editor", `/negotiations/${slug}/import`);
  if (!(await getNegotiation(slug))) notFound();
  return (
    <div className="page-narrow">
      <h2 style={{ marginTop: 0 }}>Import entries</h2>
      <p>
        A CSV file (UTF-8, one header row) with the columns <code>{ENTRY_COLUMNS.join(", ")}</code>, as the{" "}
        <a href={`/negotiations/${slug}/export/entries.csv`}>entries export</a> writes them. Parties of a joint statement are separated by
        “;” and matched by name, short name or other name; issues by name; sources by address, or by title, outlet and date, and added when
        new. Any problem and nothing is saved.
      </p>
      <ImportForm slug={slug} />
      <p className="small">
        <Link href={`/negotiations/${slug}`}>Back to the matrix</Link>
      </p>
    </div>
  );
}
