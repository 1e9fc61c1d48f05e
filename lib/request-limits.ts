import { LONE_SURROGATE } from "./unicode";

// Limits on what a request may carry, checked in proxy.ts before any route or action sees it,
// so that an oversized or pathological request gets a 4xx instead of an error deep inside
// Next.js or the auth library (which would answer 500).

/**
 * Largest request body accepted: 1 MiB. The largest form (a source with 200,000 characters of
 * text, 4 bytes each at worst, plus the other fields) fits; an auth request is a few hundred
 * bytes. Next's own server-action limit is set above this (next.config.js) so that ours, which
 * answers 413, always applies first.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Deepest nesting of [ and { accepted in a server action's body. A form sends flat fields; a
 * deeply nested argument overflows the stack of React's reply decoder (a 500).
 */
export const MAX_NESTING = 64;

/**
 * The deepest run of unclosed [ or { in a body. Deliberately simple (it also counts brackets
 * inside text fields): a person's text rarely opens 64 brackets without closing them.
 */
export function nestingDepth(body: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 91 || c === 123) {
      depth++;
      if (depth > max) max = depth;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

/** Does a URL path decode as UTF-8? (`/negotiations/%FF` does not.) */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Is this a JSON body that no text field should accept: nested deeper than MAX_NESTING, or with
 * a string holding a lone surrogate (JSON's `\ud800` escape can carry one; the database driver
 * then fails with a 500)? Bodies that are not JSON are left to the endpoint (it answers 400).
 */
export function isRefusedJson(body: string): boolean {
  if (nestingDepth(body) > MAX_NESTING) return true;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return false;
  }
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (LONE_SURROGATE.test(item)) return true;
    } else if (item && typeof item === "object") {
      for (const [key, v] of Object.entries(item)) {
        if (LONE_SURROGATE.test(key)) return true;
        stack.push(v);
      }
    }
  }
  return false;
}

/**
 * A body as UTF-8 text, or null when it is larger than `limit` bytes: counted as it streams, and
 * read no further once over (a request body in proxy.ts, a model server's answer in
 * server/suggestions.ts).
 */
export async function readTextWithin(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string | null> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
