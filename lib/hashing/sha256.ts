/**
 * The SHA-256 of a text (UTF-8) as lowercase hex. Uses Web Crypto, which the browser and Node both provide.
 * @example await sha256Hex("abc") // "ba7816bf…15ad"
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
