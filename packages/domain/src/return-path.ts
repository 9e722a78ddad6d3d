/** The app's own origin as a stand-in: only the path, query and fragment of the result are kept. */
const OWN_ORIGIN = "https://zones.invalid";

/**
 * Where to send a user back after signing in: a path of this app, or "/" for anything else. The value is
 * parsed as a browser would parse it against our origin, because browsers are lenient in ways a prefix check
 * misses: `/\evil.example` and `/<tab>/evil.example` both mean `//evil.example`, another site.
 */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, OWN_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== OWN_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that itself starts with two slashes (after dot segments were resolved) would leave the site
  // when written into a Location header.
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}
