/** What of a request decides whether it may change anything. Header values as sent, null when absent. */
export interface WriteRequest {
  method: string;
  pathname: string;
  contentType: string | null;
  origin: string | null;
  secFetchSite: string | null;
}

/** Why a request that would change something is refused: the status to answer and a message for people. */
export interface WriteRefusal {
  status: 403 | 415;
  error: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// next-auth's own POST endpoints (sign-in, sign-out) are form posts protected by its CSRF token, and an
// identity provider may post back to its callback from another site.
const NEXT_AUTH_PREFIX = "/api/auth/";

/**
 * Whether a request that may change something (any method but GET, HEAD and OPTIONS) is refused, and why;
 * null when it may go on. Such a request must come from a page of this site, with JSON:
 *
 * - its `Origin` must be `siteOrigin` (the address people open, NEXTAUTH_URL), or, where a browser sent no
 *   `Origin`, `Sec-Fetch-Site` must say `same-origin`; otherwise 403. A same-site page (another port or
 *   subdomain, which gets the session cookie) is refused like any other site.
 * - its `Content-Type` must be `application/json`; otherwise 415. A form on another site can post
 *   `text/plain`, `multipart/form-data` or `application/x-www-form-urlencoded` without the browser asking
 *   first, never JSON.
 *
 * So the app has no server actions (they post multipart forms): every change goes through a JSON route
 * handler under app/api. next-auth's endpoints under /api/auth/ are left to next-auth.
 */
export function refuseCrossSiteWrite(request: WriteRequest, siteOrigin: string): WriteRefusal | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (request.pathname.startsWith(NEXT_AUTH_PREFIX)) return null;
  if (!isSameOrigin(request, siteOrigin)) {
    return { status: 403, error: "This request did not come from a page of this site: reload the page and try again." };
  }
  if (mediaType(request.contentType) !== "application/json") {
    return { status: 415, error: "Send this request as JSON (Content-Type: application/json)." };
  }
  return null;
}

/**
 * Why the pages a local server serves on `port` may change nothing, or null: the site's address (NEXTAUTH_URL)
 * names this machine over http on another port, so unless a proxy there forwards to the app, every write from its
 * pages comes from another origin and is refused (`PORT=3900 npm start` with the address left at
 * http://localhost:3000). Null for another host or https (a proxy in front) and for an address that cannot be
 * read.
 */
export function localSiteOffPort(siteOrigin: string, port: string): string | null {
  const site = urlOf(siteOrigin);
  if (site?.protocol !== "http:" || !["localhost", "127.0.0.1", "[::1]"].includes(site.hostname)) return null;
  if ((site.port || "80") === port) return null;
  return `NEXTAUTH_URL is ${site.origin}, but the app listens on port ${port}: unless a proxy on ${site.host} forwards to it, its pages can save nothing. Set NEXTAUTH_URL=http://${site.hostname}:${port}.`;
}

function isSameOrigin(request: WriteRequest, siteOrigin: string): boolean {
  if (request.origin !== null) {
    const site = urlOf(siteOrigin)?.origin;
    return site !== undefined && urlOf(request.origin)?.origin === site;
  }
  return request.secFetchSite?.trim().toLowerCase() === "same-origin";
}

/** `url` parsed, or null when it is not an absolute address. */
function urlOf(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function mediaType(contentType: string | null): string | null {
  return contentType?.split(";")[0]?.trim().toLowerCase() ?? null;
}
