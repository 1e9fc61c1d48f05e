import { entryRows, jsonText } from "@/server/exchange/export";
import { exportResponse } from "@/server/exchange/respond";

/** The entries CSV's rows as JSON objects (`parties` a list). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return exportResponse(params, request, { name: "entries", kind: "json" }, async (n) => jsonText(await entryRows(n.id)));
}
