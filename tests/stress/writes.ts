// One create through the real server action, classified the way a user would see it:
// acknowledged (200 with the redirect to the list page), refused (200 with a form error), or
// errored (anything else: a 5xx, a dropped connection, a time-out) — the outcome unknown.
import { randomBytes } from "node:crypto";
import { actionRequest, formData } from "../support/http-actions";

export const SLUG = "gaza-ceasefire-2024";

export type Kind = "party" | "issue";
export type Outcome = "acknowledged" | "refused" | "errored";

export interface Write {
  kind: Kind;
  name: string;
  outcome: Outcome;
  /** From sending the request to the end of the response (or the failure). */
  ms: number;
  /** performance.now() when the request was sent and when its outcome was known. */
  sentAt: number;
  doneAt: number;
  detail?: string;
}

const ACTION: Record<Kind, string> = { party: "createPartyAction", issue: "createIssueAction" };
const LIST: Record<Kind, string> = { party: "parties", issue: "issues" };

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

function fields(kind: Kind, name: string): Record<string, string> {
  if (kind === "party") {
    return { name, shortName: "", aliases: "", role: "observer", colour: `#${randomBytes(3).toString("hex")}`, order: "9000" };
  }
  return { name, description: "Written by the stress test.", order: "9000" };
}

export async function create(baseURL: string, cookie: string, kind: Kind, name: string, slug = SLUG, timeoutMs = 30_000): Promise<Write> {
  const { url, init } = await actionRequest({ baseURL, name: ACTION[kind], args: [slug, {}, formData(fields(kind, name))], cookie });
  const started = performance.now();
  const done = (outcome: Outcome, detail?: string): Write => {
    const now = performance.now();
    return { kind, name, outcome, ms: now - started, sentAt: started, doneAt: now, detail };
  };
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return done("errored", describe(error));
  }
  const redirect = response.headers.get("x-action-redirect");
  if (response.status === 200 && redirect?.startsWith(`/negotiations/${slug}/${LIST[kind]}`)) {
    // The redirect header is the acknowledgement: the action has returned, so its transaction
    // has committed. The body (the list page it redirects to) may be cut short by a crash.
    try {
      await response.text();
    } catch {
      /* acknowledged all the same */
    }
    return done("acknowledged");
  }
  let body = "";
  try {
    body = await response.text();
  } catch (error) {
    return done("errored", `status ${response.status}, body lost: ${describe(error)}`);
  }
  if (response.status === 200 && /formError|fieldErrors/.test(body)) return done("refused", body.slice(0, 300));
  return done("errored", `status ${response.status}: ${body.slice(0, 200)}`);
}

/** Creates an empty negotiation (title = slug) and says whether it was acknowledged. */
export async function createNegotiation(baseURL: string, cookie: string, slug: string): Promise<boolean> {
  const { url, init } = await actionRequest({
    baseURL,
    name: "createNegotiationAction",
    args: [{}, formData({ title: slug, slug, description: "Written by the stress test." })],
    cookie,
  });
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  await response.text();
  return response.status === 200 && (response.headers.get("x-action-redirect") ?? "").startsWith(`/negotiations/${slug}`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = cause && typeof cause === "object" && "code" in cause ? String((cause as { code: unknown }).code) : "";
  return [error.name, error.message, code].filter(Boolean).join(": ");
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
