import { NextResponse, type NextRequest } from "next/server";
import { refuseCrossSiteWrite } from "@/lib/http/cross-site-writes";
import { createNonce, mayBeFramed, securityHeaders } from "@/lib/http/security-headers";
import { DEFAULT_LOCALE, localeOfPath } from "@/lib/i18n/locales";
import { getEnv } from "@/server/env";
import { collabPublicUrl } from "@/server/http/collab-public-url";

/**
 * Next's proxy (the file Next 16 runs before every matched request; formerly middleware.ts), on the Node.js
 * runtime. Two defences live here, in one place for every route, and the reader's language:
 *
 * - A request that could change something must come from a page of this site, as JSON
 *   (lib/http/cross-site-writes.ts); otherwise it is answered 403 or 415 before any route runs.
 * - Every response gets the security headers (lib/http/security-headers.ts) with a fresh CSP nonce. Next
 *   reads the nonce from the request's Content-Security-Policy header and puts it on its scripts; a server
 *   component can read it from `x-nonce`. So every page is rendered per request (the root layout says so): a
 *   page cached as HTML would carry an old nonce, or none, and its scripts would not run. Browser code that
 *   adds a `<style>` takes the document's nonce instead (components/workspace/summary/document-nonce.ts).
 *   Only the claim embeds (`/embed/…`) may be framed, by any site.
 * - A translated reader page under a locale's prefix (`/ar/…`) is rewritten to its page, with the locale in
 *   `x-locale` (and the unprefixed path in `x-reader-path`, for the language switch).
 */
export function proxy(request: NextRequest): NextResponse {
  const env = getEnv();
  const nonce = createNonce();
  // A reader page in another language is the same page under the locale's prefix (lib/i18n/locales.ts).
  const located = localeOfPath(request.nextUrl.pathname);
  const path = located?.path ?? request.nextUrl.pathname;
  const headers = securityHeaders({
    nonce,
    collabUrl: collabPublicUrl(env, request.nextUrl.hostname),
    https: new URL(env.NEXTAUTH_URL).protocol === "https:",
    development: process.env.NODE_ENV === "development",
    framable: mayBeFramed(path),
  });

  const refusal = refuseCrossSiteWrite(
    {
      method: request.method,
      pathname: request.nextUrl.pathname,
      contentType: request.headers.get("content-type"),
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
    },
    env.NEXTAUTH_URL,
  );
  const forwarded = withNonce(request.headers, nonce, headers);
  // Always set by us, so that a client cannot choose them by sending the headers itself.
  forwarded.set("x-locale", located?.locale ?? DEFAULT_LOCALE);
  forwarded.set("x-reader-path", `${path}${request.nextUrl.search}`);
  const response = refusal
    ? NextResponse.json({ error: refusal.error }, { status: refusal.status })
    : located && located.locale !== DEFAULT_LOCALE
      ? NextResponse.rewrite(new URL(`${path}${request.nextUrl.search}`, request.url), {
          request: { headers: forwarded },
        })
      : NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

/** The request's headers with the CSP (where Next finds the nonce) and the nonce itself, for the pages. */
function withNonce(requestHeaders: Headers, nonce: string, headers: Array<[string, string]>): Headers {
  const forwarded = new Headers(requestHeaders);
  for (const [name, value] of headers) if (name === "Content-Security-Policy") forwarded.set(name, value);
  forwarded.set("x-nonce", nonce);
  return forwarded;
}

export const config = {
  // Everything but the build's static files, which carry no page and change nothing.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
