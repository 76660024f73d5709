/** What the security headers of one response depend on. */
export interface SecurityHeaderOptions {
  /** This response's nonce: fresh, unpredictable, base64 (see `createNonce`). */
  nonce: string;
  /** Where browsers reach the collaboration server (`ws://…` or `wss://…`), which pages must be allowed to connect to. */
  collabUrl: string;
  /** Whether people open the site over https: HSTS and the upgrade of insecure requests only then. */
  https: boolean;
  /** `next dev`: React's debugging needs eval, and the dev server's styles carry no nonce. */
  development?: boolean;
  /** An embed (`mayBeFramed`): any site may show it in a frame. Every other response refuses framing. */
  framable?: boolean;
}

/**
 * Whether a path may be shown in another site's frame: the claim embeds (`/embed/…`) alone, which are made for
 * other sites' articles and change nothing. Every other page, the newsroom's above all, refuses framing, so that
 * no site can overlay it to trick a click (clickjacking).
 *
 * @example mayBeFramed("/embed/claims/claim-1") // true
 * @example mayBeFramed("/stories/cia-videos") // false
 */
export function mayBeFramed(pathname: string): boolean {
  return pathname.startsWith("/embed/");
}

/** How long browsers keep to https once they have seen HSTS: two years, as the preload list asks. */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

/**
 * A fresh nonce for one response: 128 random bits in base64, as CSP's `'nonce-…'` expects. Uses the Web
 * Crypto API, available in browsers, Node and Next's proxy alike.
 */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce, which Next puts on its
 * own scripts, and whatever they load (`'strict-dynamic'`): an injected `<script>` or event handler does not
 * run. `<style>` elements need the nonce too (Tiptap's and the summary's highlights get it); style attributes
 * are allowed, since React renders `style={…}` as one and they cannot run code. Pages connect to this site
 * and the collaboration server only, cannot be framed (but embeds, by anyone), and post forms only here.
 *
 * @example
 * contentSecurityPolicy({ nonce: "abc", collabUrl: "ws://localhost:1234", https: false })
 * // "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; … connect-src 'self' ws://localhost:1234; …"
 */
export function contentSecurityPolicy({
  nonce,
  collabUrl,
  https,
  development = false,
  framable = false,
}: SecurityHeaderOptions): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", collabOrigin(collabUrl)],
    // The verification assistant runs in a worker loaded from this site.
    ["worker-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    // An embed may be framed by any page, on any site; nothing else by any.
    ["frame-ancestors", framable ? "*" : "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/**
 * Every header a response of the app carries for its defence, as [name, value] pairs: the CSP above, no
 * framing (also for browsers without frame-ancestors; an embed leaves X-Frame-Options out, which has no value
 * that allows every site), no MIME sniffing, referrers only as an origin to other
 * sites, its own browsing context group, no camera, microphone or location, and HSTS under https.
 */
export function securityHeaders(options: SecurityHeaderOptions): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ["Content-Security-Policy", contentSecurityPolicy(options)],
    ...(options.framable ? [] : [["X-Frame-Options", "DENY"] as [string, string]]),
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
  ];
  if (options.https) headers.push(["Strict-Transport-Security", `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`]);
  return headers;
}

/** The scheme, host and port of the collaboration server's address, as a CSP source (its path does not matter). */
function collabOrigin(collabUrl: string): string {
  const url = new URL(collabUrl);
  return `${url.protocol}//${url.host}`;
}
