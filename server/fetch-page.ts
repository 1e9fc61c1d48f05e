import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import {
  FETCH_LIMITS,
  addressRefusal,
  checkFetchUrl,
  hostOf,
  pageKind,
  portOf,
  redirectTarget,
  type AllowedNetwork,
} from "@/lib/fetch-guard";
import { sourceFromHtml, sourceFromText, type PageSource } from "@/lib/page-source";

// Fetches a page for "Fetch from URL" behind the guard of docs/decisions/015: the host is resolved
// once, every address it resolves to is checked (lib/fetch-guard.ts), and the connection goes to
// the checked address itself (a second DNS answer cannot send it elsewhere: DNS rebinding).
// Redirects are followed by hand, each target checked the same way; the body is counted as it
// streams (after decompression) and the whole fetch has one deadline.

/** A refusal for the person at the form: shown by the URL field, never a 500. */
export class FetchRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchRefusal";
  }
}

export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;

export interface FetchOptions {
  allow: readonly AllowedNetwork[];
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** DNS for tests; dns.lookup with every address otherwise. */
  resolve?: Resolver;
  now?: Date;
}

export interface FetchedPage {
  /** The address the page was finally read from (after redirects). */
  url: string;
  source: PageSource;
}

const USER_AGENT = "Parley (fetches a page an analyst asked for)";
const systemResolve: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export async function fetchPage(raw: string, options: FetchOptions): Promise<FetchedPage> {
  const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;
  const timeoutMs = options.timeoutMs ?? FETCH_LIMITS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? FETCH_LIMITS.maxRedirects;
  const first = checkFetchUrl(raw);
  if (!first.ok) throw new FetchRefusal(first.message);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seconds = Math.round(timeoutMs / 1000);
  const timedOut = () => new FetchRefusal(`The page did not arrive within ${seconds} seconds; try again later, or paste its text yourself.`);
  try {
    let url = first.url;
    for (let hop = 0; ; hop++) {
      const address = await withDeadline(pinnedAddress(url, options), controller.signal, timedOut);
      const response = await withDeadline(request(url, address, controller.signal), controller.signal, timedOut);
      const status = response.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        response.resume();
        if (hop >= maxRedirects) throw new FetchRefusal(`The page redirected more than ${maxRedirects} times; paste the final address instead.`);
        const next = redirectTarget(url, response.headers.location);
        if (!next.ok) throw new FetchRefusal(next.message);
        url = next.url;
        continue;
      }
      if (status < 200 || status > 299) {
        response.resume();
        throw new FetchRefusal(`${url.host} answered ${status}${response.statusMessage ? ` (${response.statusMessage})` : ""} instead of the page.`);
      }
      const kind = pageKind(response.headers["content-type"]);
      if (!kind) {
        response.resume();
        const type = response.headers["content-type"]?.split(";")[0] || "no content type";
        throw new FetchRefusal(`That address is not a web page (${type}); Parley reads HTML and plain-text pages.`);
      }
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.resume();
        throw new FetchRefusal(tooLarge(maxBytes));
      }
      const body = await withDeadline(readBody(response, maxBytes), controller.signal, timedOut);
      const text = decode(body, response.headers["content-type"], kind);
      const source = kind === "html" ? sourceFromHtml(text, url, options.now) : sourceFromText(text, url);
      return { url: url.toString(), source };
    }
  } catch (error) {
    if (error instanceof FetchRefusal) throw error;
    if (controller.signal.aborted) throw timedOut();
    throw new FetchRefusal(`Parley could not read the page: ${describe(error)}. Check the address, or paste the text yourself.`);
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(maxBytes: number): string {
  return `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, more than Parley reads; paste the text you need instead.`;
}

/** Resolves the host once and checks every address; the first one is the one connected to. */
async function pinnedAddress(url: URL, options: FetchOptions): Promise<{ address: string; family: number }> {
  const host = hostOf(url);
  const port = portOf(url);
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = await (options.resolve ?? systemResolve)(host);
  } catch {
    throw new FetchRefusal(`Parley could not find ${host}; check the address.`);
  }
  if (addresses.length === 0) throw new FetchRefusal(`Parley could not find ${host}; check the address.`);
  // One address out of bounds refuses the host: a name that points at both a public and a
  // private address is how a page reaches inside a network.
  for (const { address } of addresses) {
    const refusal = addressRefusal(host, address, port, options.allow);
    if (refusal) throw new FetchRefusal(refusal);
  }
  return addresses[0]!;
}

function request(url: URL, to: { address: string; family: number }, signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === "https:";
    const host = hostOf(url);
    const req = (secure ? https : http).request({
      // The checked address itself: no second DNS lookup between the check and the connection.
      host: to.address,
      family: to.family,
      port: portOf(url),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      agent: false,
      signal,
      // TLS names and certificates are checked against the host the person asked for.
      ...(secure ? { servername: /^[\d.]+$|:/.test(host) ? undefined : host } : {}),
      headers: {
        host: url.host,
        "user-agent": USER_AGENT,
        accept: "text/html,application/xhtml+xml,text/plain;q=0.9",
        "accept-encoding": "gzip, deflate, br",
      },
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.end();
  });
}

function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = String(response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  let stream: Readable = response;
  if (encoding === "gzip" || encoding === "x-gzip") stream = response.pipe(zlib.createGunzip());
  else if (encoding === "deflate") stream = response.pipe(zlib.createInflate());
  else if (encoding === "br") stream = response.pipe(zlib.createBrotliDecompress());
  else if (encoding !== "identity" && encoding !== "") {
    response.resume();
    return Promise.reject(new FetchRefusal(`The page came in an encoding Parley cannot read (${encoding}).`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Counted as it arrives (after decompression): a page without a length, or one that
      // lies about it, stops at the limit.
      if (size > maxBytes) {
        response.destroy();
        stream.destroy();
        reject(new FetchRefusal(tooLarge(maxBytes)));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
    response.on("error", reject);
  });
}

/** The page's text in its declared character set (header, then <meta charset>), UTF-8 otherwise. */
function decode(body: Buffer, contentType: string | undefined, kind: "html" | "text"): string {
  let charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  if (!charset && kind === "html") {
    const head = body.subarray(0, 1024).toString("latin1");
    charset = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  }
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

function withDeadline<T>(work: Promise<T>, signal: AbortSignal, timedOut: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(timedOut());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(timedOut());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ECONNREFUSED":
      return "the server refused the connection";
    case "ECONNRESET":
      return "the connection was cut";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "the server cannot be reached";
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return "its security certificate is not valid";
    default:
      return "the connection failed";
  }
}
