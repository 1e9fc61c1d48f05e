import { exportEntriesCsv } from "@/server/exchange/export";
import { exportResponse } from "@/server/exchange/respond";

/** All live entries with their sources, in the import's columns (README: Export and import). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return exportResponse(params, request, { name: "entries", kind: "csv" }, (n) => exportEntriesCsv(n.id));
}
