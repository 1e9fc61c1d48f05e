import "server-only";
import { asOfParam } from "@/lib/search-params";
import { getNegotiation } from "../queries/negotiations";
import { requireReader } from "../session";

// The export routes' one shape: the reader check pages make (requireReader: anonymous only when
// public reading is on, else to sign-in), 404 for an unknown negotiation, 400 for a malformed
// as-of day, and the file as a download that no shared cache keeps (access depends on who asks).

type Negotiation = NonNullable<Awaited<ReturnType<typeof getNegotiation>>>;
type Kind = "csv" | "json";

const TYPES: Record<Kind, string> = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

export async function exportResponse(
  params: Promise<{ slug: string }>,
  request: Request,
  file: { name: string; kind: Kind; needsAsOf?: boolean },
  build: (negotiation: Negotiation, asOf: string) => Promise<string>,
): Promise<Response> {
  const { slug } = await params;
  const url = new URL(request.url);
  await requireReader();
  const negotiation = await getNegotiation(slug);
  if (!negotiation) return new Response("No negotiation has this address.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { asOf, invalid } = asOfParam(url.searchParams.get("asOf") ?? undefined);
  if (file.needsAsOf && invalid !== null) {
    return new Response(`asOf must be a real day YYYY-MM-DD between 1900-01-01 and a year from today, not “${invalid}”.\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const body = await build(negotiation, asOf);
  const name = file.needsAsOf ? `${negotiation.slug}-${file.name}-${asOf}.${file.kind}` : `${negotiation.slug}-${file.name}.${file.kind}`;
  return new Response(body, {
    headers: {
      "content-type": TYPES[file.kind],
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
