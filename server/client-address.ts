import "server-only";
import { clientAddress } from "@/lib/client-address";
import { env } from "./env";

// The client's address for the sign-in throttle: the socket's address, which scripts/serve.mjs
// (what `npm start` runs) puts in a header of its own, then X-Forwarded-For only as far as
// PARLEY_TRUSTED_PROXIES says proxies wrote it. docs/decisions/008.

const MARK = Symbol.for("parley.peerAddressHeader");

/** The client's address, or null when the app was not started through scripts/serve.mjs. */
export function requestClientAddress(headers: Headers): string | null {
  const peerHeader = (globalThis as Record<symbol, unknown>)[MARK];
  if (typeof peerHeader !== "string") return null;
  return clientAddress({
    peer: headers.get(peerHeader),
    forwardedFor: headers.get("x-forwarded-for"),
    trustedProxies: env().trustedProxies,
  });
}
