// Calls Parley's server actions directly over HTTP, as any client could, bypassing the UI:
// finds the action's id in the build's manifest, encodes the arguments the way React's client
// does, and POSTs them with whatever cookie and Origin the test chooses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
// React's own reply encoder (what a browser uses to send action arguments).
// @ts-expect-error -- Next's compiled copy has no type declarations.
import { encodeReply } from "next/dist/compiled/react-server-dom-turbopack/client.edge";

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

let manifest: Record<string, ManifestEntry> | null = null;
function actions(): Record<string, ManifestEntry> {
  manifest ??= JSON.parse(readFileSync(join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")).node;
  return manifest!;
}

/** Every action the build exports, by name: the list an access test must cover. */
export function exportedActionNames(): string[] {
  return [...new Set(Object.values(actions()).map((a) => a.exportedName))].sort();
}

function find(name: string) {
  const found = Object.entries(actions()).find(([, a]) => a.exportedName === name);
  if (!found) throw new Error(`No server action named ${name} in the build`);
  const [id, entry] = found;
  // Any page that can run it; dynamic segments filled with harmless values.
  const page = Object.keys(entry.workers)[0]!.replace(/^app/, "").replace(/\/page$/, "");
  const path = page.replace(/\[slug\]/g, "gaza-ceasefire-2024").replace(/\[[^\]]+\]/g, "1") || "/";
  return { id, path };
}

export function formData(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
}

export interface ActionCall {
  baseURL: string;
  name: string;
  args: unknown[];
  cookie?: string;
  /** The Origin header: undefined sends our own origin, null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
}

/** The request callAction sends, for callers that need the raw response (stress tests). */
export async function actionRequest({ baseURL, name, args, cookie, origin, headers = {} }: ActionCall): Promise<{ url: URL; init: RequestInit }> {
  const { id, path } = find(name);
  const body = await encodeReply(args);
  const h: Record<string, string> = { "Next-Action": id, Accept: "text/x-component", ...headers };
  if (origin === undefined) h.Origin = baseURL;
  else if (origin !== null) h.Origin = origin;
  if (cookie) h.Cookie = cookie;
  return { url: new URL(path, baseURL), init: { method: "POST", headers: h, body, redirect: "manual" } };
}

export async function callAction(call: ActionCall): Promise<{ status: number; body: string; redirect: string | null }> {
  const { url, init } = await actionRequest(call);
  const response = await fetch(url, init);
  return { status: response.status, body: await response.text(), redirect: response.headers.get("x-action-redirect") };
}

/** Signs in through Better Auth's endpoint and returns the session cookie. */
export async function signInCookie(baseURL: string, email: string, password: string): Promise<string> {
  const response = await fetch(new URL("/api/auth/sign-in/email", baseURL), {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseURL },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed for ${email}: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}
