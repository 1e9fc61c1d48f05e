// The rules for which web pages Parley's server may fetch for "Fetch from URL" (issue 9, item 3;
// docs/decisions/015). Pure: the server (server/fetch-page.ts) resolves the host, asks these
// rules about every address and connects only to the address that passed. The same rules read
// the administrator's allow-list (PARLEY_FETCH_ALLOW, parsed by lib/env.ts).
import ipaddr from "ipaddr.js";

/** Ports a public address may be fetched on; other ports only through the allow-list. */
export const WEB_PORTS: readonly number[] = [80, 443];
export const FETCH_LIMITS = { maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5 } as const;

/** One allow-list entry: a network (CIDR) and, optionally, the one port allowed on it. */
export interface AllowedNetwork {
  range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  port: number | null;
  /** As written by the administrator, for messages. */
  text: string;
}

/**
 * PARLEY_FETCH_ALLOW: comma-separated `address`, `address/bits`, each optionally with `:port`
 * (IPv6 in brackets when a port is given: `[fd00::]/8:8080`). Throws with a message naming the
 * bad entry.
 */
export function parseAllowList(raw: string | undefined): AllowedNetwork[] {
  const out: AllowedNetwork[] = [];
  for (const text of (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^\[([0-9a-fA-F:.]+)\](?:\/(\d{1,3}))?(?::(\d{1,5}))?$/.exec(text) ?? /^([0-9.]+)(?:\/(\d{1,2}))?(?::(\d{1,5}))?$/.exec(text) ?? /^([0-9a-fA-F:.]*:[0-9a-fA-F:.]*)(?:\/(\d{1,3}))?()$/.exec(text);
    const bad = `PARLEY_FETCH_ALLOW: "${text}" is not an address or network such as 127.0.0.1, 10.0.0.0/8, 127.0.0.1:8080 or [fd00::]/8:8080.`;
    if (!m) throw new Error(bad);
    const [, address, bits, port] = m;
    if (!ipaddr.isValid(address!)) throw new Error(bad);
    const parsed = ipaddr.parse(address!);
    const max = parsed.kind() === "ipv4" ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (prefix > max) throw new Error(bad);
    const portNumber = port ? Number(port) : null;
    if (portNumber !== null && (portNumber < 1 || portNumber > 65535)) throw new Error(bad);
    out.push({ range: [parsed, prefix], port: portNumber, text });
  }
  return out;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** The checks made on an address before anything is resolved or fetched. */
export function checkFetchUrl(raw: string): UrlCheck {
  const value = raw.trim();
  if (value === "") return { ok: false, message: "Paste the page's address (https://…), then fetch it." };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: "Enter a full web address starting with https:// or http://." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, message: `Parley fetches only web pages (https:// or http://), not ${url.protocol.replace(/:$/, "")}: addresses.` };
  }
  if (url.username || url.password) {
    return { ok: false, message: "Remove the user name or password from the address; Parley fetches only public pages." };
  }
  if (!url.hostname) return { ok: false, message: "Enter a full web address starting with https:// or http://." };
  return { ok: true, url };
}

/** The port a URL connects to (the scheme's default when none is written). */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

/** The host as DNS or a socket wants it: IPv6 literals without their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one that a connection may reach:
 * IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96, RFC 6052 and 6145) and 6to4 (2002::/16).
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  const bytes = address.toByteArray();
  if (range === "ipv4Mapped" || range === "rfc6052" || range === "rfc6145") return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === "6to4") return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

/** Why an address is not public: ipaddr.js's name for its range, or null when it is public. */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "invalid";
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    const v4 = embeddedIPv4(v6);
    if (v4) return nonPublicRange(v4.toString());
    // IPv4-compatible addresses (::a.b.c.d, deprecated) are not public on any network.
    if (v6.range() === "unicast" && v6.parts.slice(0, 6).every((p) => p === 0)) return "ipv4Compatible";
  }
  const range = parsed.range();
  return range === "unicast" ? null : range;
}

function allowedBy(address: string, port: number, allow: readonly AllowedNetwork[]): boolean {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return allow.some((n) => n.range[0].kind() === parsed.kind() && parsed.match(n.range) && (n.port === null || n.port === port));
}

/**
 * Whether Parley may connect to `address` on `port`, as a message for the person who asked
 * (null: it may). Public addresses on the web's ports pass; anything the administrator listed in
 * PARLEY_FETCH_ALLOW passes; everything else (private, loopback, link-local, unique-local,
 * multicast, unspecified, reserved, and IPv6 forms of those) is refused.
 */
export function addressRefusal(host: string, address: string, port: number, allow: readonly AllowedNetwork[]): string | null {
  if (!ipaddr.isValid(address)) return `Parley could not find the address of ${host}.`;
  if (allowedBy(address, port, allow)) return null;
  const range = nonPublicRange(address);
  const where = host === address ? host : `${host} (${address})`;
  if (range !== null) {
    return `Parley does not fetch pages from private or local network addresses: ${where} is not on the public internet. An administrator can allow it with PARLEY_FETCH_ALLOW.`;
  }
  if (!WEB_PORTS.includes(port)) {
    return `Parley fetches public pages only on the web's ports (80 and 443), not port ${port}. An administrator can allow it with PARLEY_FETCH_ALLOW.`;
  }
  return null;
}

/** The next URL of a redirect (relative Location resolved against the page), or a refusal. */
export function redirectTarget(from: URL, location: string | undefined): UrlCheck {
  if (!location) return { ok: false, message: `${from.host} answered with a redirect but did not say where to.` };
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return { ok: false, message: `${from.host} redirected to an address that is not valid.` };
  }
  const check = checkFetchUrl(next.toString());
  return check.ok ? check : { ok: false, message: `${from.host} redirected to ${next.toString()}: ${check.message}` };
}

/** The content types Parley reads: HTML, and plain text as it is. */
export function pageKind(contentType: string | undefined): "html" | "text" | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/plain") return "text";
  return null;
}
