import type { Profile, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { decideSsoSignIn, SSO_PROVIDER_ID, ssoIdentity, type SsoRefusal } from "@/lib/auth/sso";
import { roleSchema, type Role } from "@/lib/auth/roles";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { PrismaClient } from "../db/create-prisma";
import { prisma } from "../db/prisma";
import { getEnv, getSsoEnv, type SsoEnv } from "../env";

/** The single sign-on provider as configured by OIDC_* (server/env.ts), or null when it is not. */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button: "Sign in with <name>". */
  name: string;
}

/**
 * The configured single sign-on provider, or null.
 * @throws Error when only some of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
 */
export function ssoSettings(env: SsoEnv = getSsoEnv()): SsoSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME ?? "single sign-on",
  };
}

/**
 * next-auth's providers for single sign-on: none, or one OpenID Connect provider (authorization code flow with
 * PKCE and state, the identity read from the verified ID token). Whether the person may sign in is decided
 * afterwards, in the signIn callback (`admitSsoSignIn`): until then `profile` only names them, under an id
 * that is no user's.
 */
export function ssoProviders(
  settings: SsoSettings | null = ssoSettings(),
): Array<OAuthConfig<Profile & Record<string, unknown>>> {
  if (!settings) return [];
  return [
    {
      id: SSO_PROVIDER_ID,
      name: settings.name,
      type: "oauth",
      wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(claims) {
        const identity = ssoIdentity(claims);
        // Replaced by admitSsoSignIn before any token is made; the least a placeholder can be.
        return { id: `sso:${String(claims.sub)}`, name: identity.name, email: identity.email, role: "reviewer" };
      },
    },
  ];
}

/** A person admitted by single sign-on: who they are in this newsroom. */
export interface AdmittedPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * Decides a single sign-on from the provider's claims (lib/auth/sso.ts) and carries it out: the existing person,
 * or a new one created from the invitation, with its role and the provider's name, while the invitation is
 * marked used in the same transaction, only if still unused (of two sign-ins at once, one uses it and the other
 * finds the person it created).
 */
export async function admitSsoPerson(
  db: PrismaClient,
  claims: unknown,
  now = new Date(),
): Promise<{ admitted: AdmittedPerson } | { refused: SsoRefusal }> {
  const identity = ssoIdentity(claims);
  const email = identity.email ?? "";
  const [user, invitations] = await Promise.all([
    db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } }),
    db.accountLink.findMany({ where: { kind: "invitation", email, usedAt: null, expiresAt: { gt: now } } }),
  ]);
  const decision = decideSsoSignIn({ identity, user, invitations, now });
  if (decision.kind === "refused") return { refused: decision.error };
  if (decision.kind === "existing") return existingPerson(db, decision.userId);

  const created = await db.$transaction(async (tx) => {
    const claimed = await tx.accountLink.updateMany({
      where: { id: decision.invitationId, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const link = await tx.accountLink.findUniqueOrThrow({
      where: { id: decision.invitationId },
      select: { issuedById: true },
    });
    // Whole seconds: a session's iat is in seconds and must not fall before the person's sessionsValidFrom.
    const sessionsValidFrom = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const person = await tx.user.create({
      data: { email: decision.email, name: decision.name, role: decision.role, passwordHash: null, sessionsValidFrom },
    });
    await writeAuditEvent(tx, {
      actorId: person.id,
      action: "user.joined",
      subject: person.id,
      data: { role: decision.role, invitedBy: link.issuedById, via: "sso" },
    });
    return person;
  });
  if (created) return { admitted: { id: created.id, name: created.name, email: created.email, role: decision.role } };
  // Someone else used the invitation first: the same email signing in twice at once, or an admin's new invitation.
  const again = await db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
  return again && !again.disabledAt ? existingPerson(db, again.id) : { refused: "AccessDenied" };
}

async function existingPerson(
  db: PrismaClient,
  id: string,
): Promise<{ admitted: AdmittedPerson } | { refused: SsoRefusal }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, email: true, role: true },
  });
  const role = roleSchema.safeParse(user.role);
  return role.success ? { admitted: { ...user, role: role.data } } : { refused: "AccessDenied" };
}

/**
 * next-auth's signIn callback for the single sign-on provider: `true` with `user` made the admitted person
 * (next-auth hands the same object to the jwt callback, so the session carries their id and role exactly as a
 * password sign-in does), or the sign-in page with the refusal (`?error=AccessDenied` or `SsoEmailUnverified`).
 * A failure (the database unreachable) is logged and shown as `?error=Callback`, never as next-auth's own page.
 */
export async function admitSsoSignIn(user: User, profile: Profile | undefined): Promise<true | string> {
  const signInPage = `${new URL(getEnv().NEXTAUTH_URL).origin}/signin`;
  try {
    const result = await admitSsoPerson(prisma(), profile);
    if ("refused" in result) return `${signInPage}?error=${result.refused}`;
    Object.assign(user, result.admitted);
    return true;
  } catch (error: unknown) {
    console.error("single sign-on failed", error);
    return `${signInPage}?error=Callback`;
  }
}
