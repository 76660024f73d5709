import { NextResponse, type NextRequest } from "next/server";
import { refuseCrossSiteWrite } from "@/lib/http/cross-site-writes";
import { createNonce, mayBeFramed, securityHeaders } from "@/lib/http/security-headers";
import { getEnv } from "@/server/env";
import { collabPublicUrl } from "@/server/http/collab-public-url";

/**
 * Next's proxy (the file Next 16 runs before every matched request; formerly middleware.ts), on the Node.js
 * runtime. Two defences live here, in one place for every route:
 *
 * - A request that could change something must come from a page of this site, as JSON
 *   (lib/http/cross-site-writes.ts); otherwise it is answered 403 or 415 before any route runs.
 * - Every response gets the security headers (lib/http/security-headers.ts) with a fresh CSP nonce. Next
 *   reads the nonce from the request's Content-Security-Policy header and puts it on its scripts; a server
 *   component can read it from `x-nonce`. So every page is rendered per request (the root layout says so): a
 *   page cached as HTML would carry an old nonce, or none, and its scripts would not run. Only the claim
 *   embeds (`/embed/…`) may be framed, by any site. Browser code that
 *   adds a `<style>` takes the document's nonce instead (components/workspace/summary/document-nonce.ts).
 */
export function proxy(request: NextRequest): NextResponse {
  const env = getEnv();
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    collabUrl: collabPublicUrl(env, request.nextUrl.hostname),
    https: new URL(env.NEXTAUTH_URL).protocol === "https:",
    development: process.env.NODE_ENV === "development",
    framable: mayBeFramed(request.nextUrl.pathname),
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
  const response = refusal
    ? NextResponse.json({ error: refusal.error }, { status: refusal.status })
    : NextResponse.next({ request: { headers: withNonce(request.headers, nonce, headers) } });
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
