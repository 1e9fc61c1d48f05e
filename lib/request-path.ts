// The page a request asked for, handed from proxy.ts to the read check in the query layer
// (server/session.ts), which sends an anonymous visitor of a private deployment to sign in and
// back to that page afterwards (lib/next-path.ts safeNextPath decides which paths a visitor may be sent back to).

/** The request header proxy.ts sets to the path and query of every page request. */
export const REQUEST_PATH_HEADER = "x-parley-path";
