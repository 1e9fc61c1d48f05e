import { negotiationSchema, fieldErrorsOf } from "@/lib/schemas";
import { importNegotiationJson } from "@/server/exchange/import";
import { importResponse } from "@/server/exchange/import-route";

/** The short name typed on the page, or "" for the file's own. */
const slugOf = (form: FormData) => {
  const value = form.get("slug");
  return typeof value === "string" ? value : "";
};

/**
 * A whole negotiation from its exchange JSON, as a new negotiation: the checks of a form action,
 * then progress and result as JSON lines (server/exchange/import-route.ts, docs/decisions/020).
 */
export async function POST(request: Request) {
  return importResponse(request, {
    kind: "json",
    fields: (form) => {
      const parsed = negotiationSchema.pick({ slug: true }).safeParse({ slug: slugOf(form) });
      return parsed.success ? {} : fieldErrorsOf(parsed.error);
    },
    run: (text, form, actor, progress) => {
      const slug = negotiationSchema.pick({ slug: true }).parse({ slug: slugOf(form) }).slug;
      return importNegotiationJson(text, { ...(slug ? { slug } : {}), dryRun: form.get("dryRun") === "on", actor, ...progress });
    },
  });
}
