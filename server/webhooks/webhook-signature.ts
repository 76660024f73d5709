import { createHmac, timingSafeEqual } from "node:crypto";

/** The header that carries a delivery's signature. */
export const SIGNATURE_HEADER = "corroborate-signature";

/** How old a signed timestamp a receiver should accept by default (Stripe's default tolerance). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/**
 * The signature header of a delivery, as Stripe writes it: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" with the webhook's secret>`. Signing the timestamp with the body lets a receiver refuse a replayed
 * delivery.
 * @example signWebhook("whsec", 1764489600, "{}") // "t=1764489600,v1=…"
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * Whether a signature header is a valid signature of `body` with `secret` and its timestamp is within
 * `toleranceSeconds` of `now` (seconds). What a receiver runs; any `v1` of the header may match (a header may
 * carry several while a secret is rotated). Compares in constant time; never throws.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  { now = Math.floor(Date.now() / 1000), toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = {},
): boolean {
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, timestamp, body), "hex");
  return parts
    .filter(([key, value]) => key === "v1" && value !== undefined && /^[0-9a-f]{64}$/.test(value))
    .some(([, value]) => timingSafeEqual(Buffer.from(value!, "hex"), expected));
}
