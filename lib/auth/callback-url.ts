/** Where a person lands after signing in when the page asked for nowhere, or for somewhere not allowed. */
export const DEFAULT_CALLBACK_PATH = "/";

const MAX_CALLBACK_LENGTH = 2048;
// A base no real request has: the path is resolved against it, and only a result on this origin is kept.
const PROBE_ORIGIN = "http://callback.invalid";

/**
 * The path (with its query and fragment) to send a person to after signing in, from a `callbackUrl` that
 * anyone can put in a link: only a path on this site is followed, anything else gives `fallback`.
 *
 * Browsers read `\` as `/` and drop tabs and newlines inside a URL, so `/\evil.example`, `/%5Cevil.example`
 * (decoded by the query string parser before it gets here) and `/\t/evil.example` all mean `//evil.example`,
 * another site. Such values are refused outright rather than repaired, and what passes is resolved as a
 * browser would and must stay on the site.
 *
 * `origin` (e.g. `http://localhost:3000`) also accepts an absolute URL on that origin, which next-auth passes
 * to its redirect callback; it comes back as a path.
 *
 * @example
 * safeCallbackPath("/stories/x?y=1") // "/stories/x?y=1"
 * safeCallbackPath("/\\evil.example/") // "/"
 * safeCallbackPath("http://localhost:3000/review", "/", "http://localhost:3000") // "/review"
 */
export function safeCallbackPath(value: unknown, fallback = DEFAULT_CALLBACK_PATH, origin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_CALLBACK_LENGTH) return fallback;
  // Control characters, spaces and backslashes have no place in a path this app links to.
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return fallback;
  let path = value;
  if (origin !== undefined && !value.startsWith("/")) {
    let absolute: URL;
    try {
      absolute = new URL(value);
    } catch {
      return fallback;
    }
    if (absolute.origin !== new URL(origin).origin) return fallback;
    path = `${absolute.pathname}${absolute.search}${absolute.hash}`;
  }
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(path, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  // Dot segments can leave two slashes in front (`/..//evil.example` resolves to `//evil.example`).
  if (resolved.origin !== PROBE_ORIGIN || resolved.pathname.startsWith("//")) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
