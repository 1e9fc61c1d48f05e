// Cross-site request refusal for writes, in addition to the session check. A write must come
// from the app's own pages: its Origin must be one of the app's configured origins (lib/env.ts
// appOrigins: PARLEY_URL and PARLEY_HOSTS, or loopback at PORT when PARLEY_URL is not set).
// Another port on the same machine is another origin: a page served by some other local service
// must not sign in or write. "null" (sandboxed or privacy-stripped) is refused; with no Origin
// at all, a browser's Sec-Fetch-Site must not say cross-site.

export interface RequestOriginInfo {
  origin: string | null;
  secFetchSite: string | null;
  /** The app's own origins (env().origins). */
  trusted: readonly string[];
}

export function isSameOriginWrite({ origin, secFetchSite, trusted }: RequestOriginInfo): boolean {
  if (origin === null || origin === "") {
    return secFetchSite === null || secFetchSite === "same-origin" || secFetchSite === "none";
  }
  if (origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return trusted.includes(parsed.origin);
}

/** Is this Host header one the app answers as? (Case-insensitive; exact host and port.) */
export function isAllowedHost(host: string | null, allowed: readonly string[]): boolean {
  if (!host) return false;
  const h = host.trim().toLowerCase();
  return allowed.some((a) => a.toLowerCase() === h);
}
