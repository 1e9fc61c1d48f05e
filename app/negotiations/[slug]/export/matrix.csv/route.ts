import { exportMatrixCsv } from "@/server/exchange/export";
import { exportResponse } from "@/server/exchange/respond";

/** One row per party and issue with a position as of `?asOf=YYYY-MM-DD` (default today). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return exportResponse(params, request, { name: "matrix", kind: "csv", needsAsOf: true }, (n, asOf) => exportMatrixCsv(n.id, asOf));
}
