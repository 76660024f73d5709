import * as z from "zod";
import { roleSchema, type Role } from "./roles";

/** next-auth's id of the single sign-on provider: its callback is `/api/auth/callback/oidc`. */
export const SSO_PROVIDER_ID = "oidc";

/** The sign-in page's error when the provider did not vouch for the person's email address. */
export const SSO_EMAIL_UNVERIFIED = "SsoEmailUnverified";

/** Why a single sign-on is refused, as the `error` parameter of the sign-in page. */
export type SsoRefusal = "AccessDenied" | typeof SSO_EMAIL_UNVERIFIED;

/** Who the provider says the person is, as far as sign-in cares. */
export interface SsoIdentity {
  /** Lower case; null when the provider sent none, or not a well-formed one. */
  email: string | null;
  /** Only `email_verified: true` (or the string "true", which some providers send) counts. */
  emailVerified: boolean;
  /** A display name for a new account: the name claim, else given and family names, else the email's local part. */
  name: string;
}

/** A claim that is a string worth reading, or undefined. */
const text = z.string().trim().min(1).optional().catch(undefined);

const claimsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).email().optional().catch(undefined),
  email_verified: z
    .union([z.boolean(), z.literal("true")])
    .optional()
    .catch(undefined),
  name: text,
  given_name: text,
  family_name: text,
  preferred_username: text,
});

/**
 * Reads the claims of a provider's ID token (or userinfo): never throws, whatever the provider sent.
 *
 * @example
 * ssoIdentity({ sub: "1", email: "Ines@Example.org", email_verified: true, name: "Inès Duarte" })
 * // { email: "ines@example.org", emailVerified: true, name: "Inès Duarte" }
 */
export function ssoIdentity(claims: unknown): SsoIdentity {
  const parsed = claimsSchema.safeParse(claims ?? {});
  const c = parsed.success ? parsed.data : {};
  const email = c.email ?? null;
  const fullName = [c.given_name, c.family_name].filter(Boolean).join(" ");
  const name = c.name ?? (fullName || c.preferred_username || email?.split("@")[0] || "New member");
  return { email, emailVerified: c.email_verified === true || c.email_verified === "true", name: name.slice(0, 100) };
}

/** The person with the identity's email, as far as the decision needs them. */
export interface SsoExistingUser {
  id: string;
  disabledAt: Date | null;
}

/** An account link of the identity's email (only invitations count). */
export interface SsoInvitation {
  id: string;
  kind: string;
  email: string;
  role: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

/** What a single sign-on leads to. */
export type SsoDecision =
  | { kind: "existing"; userId: string }
  | { kind: "invited"; invitationId: string; email: string; name: string; role: Role }
  | { kind: "refused"; error: SsoRefusal };

/**
 * Whether a person the provider authenticated may sign in: only with an email the provider verified, and then
 * as the existing, enabled person with that email, or as a new person through the newest usable invitation
 * of that email (unused, unexpired, with a valid role). Everyone else is refused; a disabled person too, even
 * when invited again (enabling them is an admin's decision).
 */
export function decideSsoSignIn(input: {
  identity: SsoIdentity;
  user: SsoExistingUser | null;
  invitations: readonly SsoInvitation[];
  now: Date;
}): SsoDecision {
  const { identity, user, now } = input;
  if (!identity.email || !identity.emailVerified) return { kind: "refused", error: SSO_EMAIL_UNVERIFIED };
  if (user) return user.disabledAt ? { kind: "refused", error: "AccessDenied" } : { kind: "existing", userId: user.id };
  const invitation = input.invitations
    .filter(
      (link) =>
        link.kind === "invitation" &&
        link.email === identity.email &&
        link.usedAt === null &&
        link.expiresAt.getTime() > now.getTime() &&
        roleSchema.safeParse(link.role).success,
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!invitation) return { kind: "refused", error: "AccessDenied" };
  return {
    kind: "invited",
    invitationId: invitation.id,
    email: identity.email,
    name: identity.name,
    role: roleSchema.parse(invitation.role),
  };
}

/**
 * What the sign-in page says for next-auth's `error` parameter, naming the single sign-on provider; null when
 * there is no error to show.
 */
export function describeSignInError(error: string | undefined, providerName: string): string | null {
  if (!error) return null;
  switch (error) {
    case "AccessDenied":
      return `Your ${providerName} account has no access to this newsroom. Ask an admin to invite your email address, then sign in again.`;
    case SSO_EMAIL_UNVERIFIED:
      return `${providerName} has not verified your email address, so it cannot be matched to an invitation. Verify it with ${providerName}, then sign in again.`;
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "Callback":
      return `Signing in with ${providerName} did not complete. Try again; if it keeps failing, tell an admin.`;
    case "SessionRequired":
      return "Sign in to continue.";
    default:
      return "Sign-in did not complete. Try again.";
  }
}
