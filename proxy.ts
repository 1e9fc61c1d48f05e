import { NextResponse, type NextRequest } from "next/server";
import { isAllowedHost } from "@/lib/origin";
import { MAX_BODY_BYTES, MAX_NESTING, isDecodablePath, isRefusedJson, nestingDepth, readTextWithin } from "@/lib/request-limits";
import { env } from "@/server/env";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";

// Every request but static files passes here, prefetches included, so that every HTML
// response carries the same headers.
// 1. Requests the app must not serve get a 4xx page here, before any route or action (where
//    they would end in a 500): a Host the app does not answer as, a path that is not UTF-8,
//    a body over 1 MiB (413), a server-action body nested deeper than any form sends, a JSON
//    body (the auth endpoints) nested too deep or carrying a lone surrogate.
// 2. A per-request Content-Security-Policy with a nonce: Next.js reads the nonce from the
//    request's CSP header and puts it on its own scripts, so no other script can run, even one
//    that got into the page through stored text.
// Authorisation is NOT decided here: every page and write checks the session itself
// (server/session.ts).

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Party colours are style attributes (no script can use them).
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const REFUSALS = {
  400: ["Bad request", "This address or request is malformed, so Parley cannot answer it."],
  413: ["Request too large", "The request is larger than Parley accepts (1 MB). Nothing was saved."],
  421: ["Unknown host", "This server does not answer for that host name."],
} as const;

function refuse(status: keyof typeof REFUSALS, csp: string): NextResponse {
  const [title, text] = REFUSALS[status];
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Parley</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Go to Parley's start page</a></p></main></body></html>`;
  return new NextResponse(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": csp, "Cache-Control": "no-store" },
  });
}

export async function proxy(request: NextRequest) {
  const config = env();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, config.dev);

  if (!isAllowedHost(request.headers.get("host"), config.hosts)) return refuse(421, csp);
  if (!isDecodablePath(request.nextUrl.pathname)) return refuse(400, csp);
  if (request.method !== "GET" && request.method !== "HEAD") {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return refuse(413, csp);
    const body = await readTextWithin(request.body, MAX_BODY_BYTES);
    if (body === null) return refuse(413, csp);
    if (request.headers.has("next-action") && nestingDepth(body) > MAX_NESTING) return refuse(400, csp);
    if ((request.headers.get("content-type") ?? "").includes("json") && isRefusedJson(body)) return refuse(400, csp);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // What the request asked for: for the server log (server/log.ts requestTarget), and for the read
  // check in the query layer to come back to after signing in (without the client router's
  // cache-busting parameter). Set here on every request, so a client cannot choose it.
  requestHeaders.set("x-parley-method", request.method);
  const asked = request.nextUrl.clone();
  asked.searchParams.delete("_rsc");
  requestHeaders.set(REQUEST_PATH_HEADER, asked.pathname + asked.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // No `missing: [prefetch headers]` exclusion: a prefetched page is shown like any other and
  // must carry the same Content-Security-Policy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
