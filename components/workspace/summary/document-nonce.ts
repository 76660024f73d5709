/**
 * The nonce of the Content-Security-Policy this document was loaded with, for `<style>` elements added in the
 * browser; undefined on the server. Read from Next's own scripts (the browser hides a nonce attribute's value
 * but keeps the property), not from the server: after a client-side navigation a page's server props come
 * from a later response, whose nonce this document's policy does not know.
 */
export function documentNonce(): string | undefined {
  if (typeof document === "undefined") return undefined;
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}
