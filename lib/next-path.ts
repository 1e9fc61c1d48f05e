// Where to send a user after signing in: the `next` query value, read as a URL relative to
// Parley and kept only when it stays on Parley's own origin. Browsers drop tabs, CR and LF
// inside URLs and read "\" as "/", so "/\t/evil.example" means "//evil.example"; checking the
// text by hand misses such cases, so the WHATWG URL parser (the one browsers use) decides.
// The result is the parsed URL's own path, query and fragment, percent-encoded ASCII, so it is
// always safe in a Location header.

/** Any origin of our own will do for resolving: only "same as this one?" is asked. */
const BASE = "http://parley.invalid";
const HOME = "/";
/** Longer values are not links anyone follows; refusing them keeps the header small. */
const MAX_LENGTH = 2048;

/** A same-site path to go to after sign-in; "/" for anything else (off-site, malformed, absent). */
export function safeNextPath(raw: unknown): string {
  const value: unknown = Array.isArray(raw) ? raw[0] : raw; // a repeated key: the first, as lib/search-params.ts
  if (typeof value !== "string" || value === "" || value.length > MAX_LENGTH) return HOME;
  // Only paths: an absolute URL naming our own origin is not something Parley ever sends.
  if (!value.startsWith("/")) return HOME;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return HOME;
  }
  if (url.origin !== BASE) return HOME;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : HOME;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInPathFor(path: string): string {
  return `/sign-in?next=${encodeURIComponent(safeNextPath(path))}`;
}
