import { createHash, randomBytes } from "node:crypto";

/** The kinds of single-use account links: an invitation, or a reset of an existing person's password. */
export type AccountLinkKind = "invitation" | "reset";

/** How long an invitation link stays valid: 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** How long a password reset link (the first admin's included) stays valid: 24 hours. */
export const RESET_TTL_MS = 24 * 60 * 60 * 1000;

/** A new link secret: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function createLinkSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The SHA-256 (hex) of a link secret, as AccountLink.tokenHash stores it. */
export function hashLinkSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** When a link of this kind issued at `now` expires. */
export function linkExpiresAt(kind: AccountLinkKind, now: Date): Date {
  return new Date(now.getTime() + (kind === "invitation" ? INVITATION_TTL_MS : RESET_TTL_MS));
}

/** Whether a stored link can still be used at `now`: "used" once redeemed, "expired" at or after its expiry. */
export function linkState(link: { expiresAt: Date; usedAt: Date | null }, now: Date): "usable" | "used" | "expired" {
  if (link.usedAt) return "used";
  if (now.getTime() >= link.expiresAt.getTime()) return "expired";
  return "usable";
}

/** The path of a link on the site: /invite/<secret> for an invitation, /reset-password/<secret> for a reset. */
export function accountLinkPath(kind: AccountLinkKind, secret: string): string {
  return `/${kind === "invitation" ? "invite" : "reset-password"}/${secret}`;
}
