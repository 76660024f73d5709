import { createHmac, timingSafeEqual } from "node:crypto";
import type { NotificationKind } from "../../lib/notifications/notification-kinds";

function signature(secret: string, userId: string, kind: NotificationKind): string {
  return createHmac("sha256", secret).update(`unsubscribe:${userId}:${kind}`).digest("base64url");
}

/**
 * The link in a digest that stops e-mail of one kind for one person, without signing in: the person and the
 * kind, signed with HMAC-SHA256 (NEXTAUTH_SECRET), so that nobody can unsubscribe someone else.
 * @example unsubscribeUrl("https://news.example", "secret…", "u1", "mentioned")
 */
export function unsubscribeUrl(appUrl: string, secret: string, userId: string, kind: NotificationKind): string {
  const url = new URL("/notifications/unsubscribe", appUrl);
  url.searchParams.set("u", userId);
  url.searchParams.set("k", kind);
  url.searchParams.set("s", signature(secret, userId, kind));
  return url.href;
}

/** Whether `sig` is the signature of an unsubscribe link for this person and kind (constant time). */
export function verifyUnsubscribe(secret: string, userId: string, kind: NotificationKind, sig: string): boolean {
  const expected = Buffer.from(signature(secret, userId, kind));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
