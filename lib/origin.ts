// Cross-site request refusal for writes, in addition to the session check. A write must come
// from our own pages: its Origin must be our own; "null" (sandboxed or privacy-stripped) is
// refused; with no Origin at all, a browser's Sec-Fetch-Site must not say cross-site.

export interface RequestOriginInfo {
  origin: string | null;
  host: string | null;
  secFetchSite: string | null;
  /** Extra origins a deployment trusts (e.g. its public https address behind a proxy). */
  trusted?: readonly string[];
}

export function isSameOriginWrite({ origin, host, secFetchSite, trusted = [] }: RequestOriginInfo): boolean {
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
  if (trusted.includes(parsed.origin)) return true;
  return host !== null && parsed.host === host && (parsed.protocol === "http:" || parsed.protocol === "https:");
}
