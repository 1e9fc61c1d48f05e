// The page a request asked for, handed from proxy.ts to the read check in the query layer
// (server/session.ts), which sends an anonymous visitor of a private deployment to sign in and
// back to that page afterwards.

/** The request header proxy.ts sets to the path and query of every page request. */
export const REQUEST_PATH_HEADER = "x-parley-path";

/** A path on this site to come back to, or "/" for anything else (another site, a missing header). */
export function returnPath(raw: string | null | undefined): string {
  return raw && /^\/(?![/\\])/.test(raw) ? raw : "/";
}
