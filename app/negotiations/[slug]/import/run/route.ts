import { requireNegotiation } from "@/server/actions/run";
import { importEntriesCsv } from "@/server/exchange/import";
import { importResponse } from "@/server/exchange/import-route";

/**
 * The import page's entries CSV import: the same checks as a form action, then the import's
 * progress and result as JSON lines (server/exchange/import-route.ts, docs/decisions/020).
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return importResponse(request, {
    kind: "csv",
    target: () => requireNegotiation(slug),
    run: (text, form, actor, progress) =>
      importEntriesCsv(text, { slug, dryRun: form.get("dryRun") === "on", createMissing: form.get("createMissing") === "on", actor, ...progress }),
  });
}
