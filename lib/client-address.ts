// Which address a request comes from, for the sign-in throttle (docs/decisions/008).
//
// Any client can send X-Forwarded-For, so its values count only as far as proxies Parley was
// told to trust have written them. PARLEY_TRUSTED_PROXIES is the number of such proxies in front
// of Parley (default 0: none, the header is ignored). Each proxy appends the address it received
// the request from, so with the socket's own address at the end of the chain the client is the
// entry that many hops from the right; anything further left was written by the client itself.
import { isIP } from "node:net";

/** How many proxies in front of Parley to believe: a whole number 0..10 (default 0). */
export function parseTrustedProxies(raw: string | undefined): number {
  const value = (raw ?? "").trim();
  if (value === "") return 0;
  if (!/^\d{1,2}$/.test(value) || Number(value) > 10) {
    throw new Error(`PARLEY_TRUSTED_PROXIES must be the number of proxies in front of Parley (0 to 10), not "${raw}".`);
  }
  return Number(value);
}

export interface AddressInfo {
  /** The address of the socket's other end (the last proxy, or the client itself). */
  peer: string | null | undefined;
  /** The X-Forwarded-For header as received, or null. */
  forwardedFor: string | null | undefined;
  /** PARLEY_TRUSTED_PROXIES. */
  trustedProxies: number;
}

/** The client's address, or null when it cannot be known (no socket address). */
export function clientAddress({ peer, forwardedFor, trustedProxies }: AddressInfo): string | null {
  const socket = normalise(peer);
  if (socket === null) return null;
  if (trustedProxies === 0) return socket;
  const chain = [...(forwardedFor ?? "").split(",").map((part) => part.trim()).filter(Boolean), socket];
  // Fewer entries than trusted proxies: the request skipped a proxy; the leftmost entry is then
  // still one a trusted hop (or the socket) wrote.
  const candidate = chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
  return normalise(candidate) ?? socket;
}

/** An IP address in one spelling ("::ffff:1.2.3.4" is 1.2.3.4), or null for anything else. */
function normalise(value: string | null | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}
