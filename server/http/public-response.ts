import { createHash } from "node:crypto";

/** How long a client or cache may keep a response without asking again. */
export type Freshness =
  /** A numbered published version: it never changes. */
  | "immutable"
  /** Lists, feeds and a story's latest version: they change when something is published. */
  | "short";

const CACHE_CONTROL: Record<Freshness, string> = {
  immutable: "public, max-age=31536000, immutable",
  short: "public, max-age=60, stale-while-revalidate=300",
};

/** What any origin may do with the public read API and feeds: read them, revalidate, and see the ETag. */
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag",
};

/** A weak ETag of a body, a hash of its text: weak, because the server may send the body compressed or not. */
function etagOf(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this ETag (or is "*"); weak comparison, as RFC 9110 asks for GET. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === "*" || opaque(tag) === opaque(etag));
}

/**
 * A public GET response of the read API or a feed: the body with its content type, an ETag, Cache-Control for
 * its freshness, and CORS open to every origin; 304 without a body when the request's If-None-Match names the
 * ETag.
 */
export function publicResponse(
  request: Request,
  body: string,
  options: { contentType: string; freshness: Freshness },
): Response {
  const etag = etagOf(body);
  const headers = { ...CORS, ETag: etag, "Cache-Control": CACHE_CONTROL[options.freshness] };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": options.contentType } });
}

/** publicResponse for JSON. */
export function publicJson(request: Request, value: unknown, freshness: Freshness): Response {
  return publicResponse(request, JSON.stringify(value), { contentType: "application/json; charset=utf-8", freshness });
}

/** An error of the public API, with CORS so that a page on another origin can read why. */
export function publicError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { ...CORS, "Cache-Control": "no-store" } });
}

/**
 * The answer to a CORS preflight for the public API (a browser sends one before a GET with If-None-Match): GET
 * from any origin, with that header.
 */
export function publicPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}
