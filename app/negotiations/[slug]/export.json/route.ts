import { exportNegotiationJson } from "@/server/exchange/export";
import { exportResponse } from "@/server/exchange/respond";

/** The whole negotiation in the exchange format (docs/decisions/013-exchange-formats.md). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return exportResponse(params, request, { name: "negotiation", kind: "json" }, (n) => exportNegotiationJson(n));
}
