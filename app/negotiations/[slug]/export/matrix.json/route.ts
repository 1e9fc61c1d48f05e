import { jsonText, matrixRows } from "@/server/exchange/export";
import { exportResponse } from "@/server/exchange/respond";

/** The matrix CSV's rows as JSON objects. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return exportResponse(params, request, { name: "matrix", kind: "json", needsAsOf: true }, async (n, asOf) => jsonText(await matrixRows(n.id, asOf)));
}
