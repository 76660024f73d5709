import { emailAddressSchema } from "../../lib/accounts/email-address";
import { passwordProblem } from "../../lib/accounts/password-rule";
import { can } from "../../lib/auth/policy";
import { roleSchema, type Role } from "../../lib/auth/roles";
import { writeAuditEvent } from "../audit/write-audit-event";
import { hashPassword } from "../auth/password";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";
import {
  accountLinkPath,
  createLinkSecret,
  hashLinkSecret,
  linkExpiresAt,
  linkState,
  type AccountLinkKind,
} from "./account-link-token";

/** A link just issued: its secret appears only here, in `path`; the database keeps its hash. */
export interface IssuedLink {
  kind: AccountLinkKind;
  email: string;
  path: string;
  expiresAt: Date;
}

/** What a usable link is for, as the page that opens it shows. */
export interface OpenedLink {
  kind: AccountLinkKind;
  email: string;
  role: Role | null;
  name: string | null;
}

type Actor = { id: string; role: Role };

function requireAdmin(actor: Actor): void {
  if (!can(actor.role, "manage_users")) throw new RequestError(403, "Only admins manage people.");
}

/**
 * Invites `email` with a role: a single-use invitation link valid 7 days, with an audit event. An earlier
 * unused invitation of the same address stops counting.
 * @throws RequestError (403 not an admin, 400 bad email, 409 someone already has that email).
 */
export async function inviteUser(
  prisma: PrismaClient,
  actor: Actor,
  input: { email: string; role: Role },
  now = new Date(),
): Promise<IssuedLink> {
  requireAdmin(actor);
  const email = emailAddressSchema.parse(input.email);
  const role = roleSchema.parse(input.role);
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new RequestError(409, `${email} already has an account.`);
  }
  const secret = createLinkSecret();
  const expiresAt = linkExpiresAt("invitation", now);
  await prisma.$transaction([
    prisma.accountLink.updateMany({ where: { kind: "invitation", email, usedAt: null }, data: { expiresAt: now } }),
    prisma.accountLink.create({
      data: {
        kind: "invitation",
        tokenHash: hashLinkSecret(secret),
        email,
        role,
        issuedById: actor.id,
        expiresAt,
        createdAt: now,
      },
    }),
    writeAuditEvent(prisma, { actorId: actor.id, action: "user.invited", subject: email, data: { role } }),
  ]);
  return { kind: "invitation", email, path: accountLinkPath("invitation", secret), expiresAt };
}

/**
 * Issues a link for `userId` to set a new password (valid 24 hours), with an audit event by `actorId`; earlier
 * unused reset links of the person stop counting. Used by admins (issueResetLinkAsAdmin) and by
 * `npm run setup -- --admin` for the first admin, whose own id is the actor.
 * @throws RequestError (404 unknown person).
 */
export async function issueResetLink(
  prisma: PrismaClient,
  actorId: string,
  userId: string,
  now = new Date(),
): Promise<IssuedLink> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new RequestError(404, "No such person.");
  const secret = createLinkSecret();
  const expiresAt = linkExpiresAt("reset", now);
  await prisma.$transaction([
    prisma.accountLink.updateMany({ where: { kind: "reset", userId, usedAt: null }, data: { expiresAt: now } }),
    prisma.accountLink.create({
      data: {
        kind: "reset",
        tokenHash: hashLinkSecret(secret),
        email: user.email,
        userId,
        issuedById: actorId,
        expiresAt,
        createdAt: now,
      },
    }),
    writeAuditEvent(prisma, { actorId, action: "user.reset_link_issued", subject: userId }),
  ]);
  return { kind: "reset", email: user.email, path: accountLinkPath("reset", secret), expiresAt };
}

/**
 * An admin issues a reset link for a person (themselves included).
 * @throws RequestError (403 not an admin, 404 unknown person, 409 the person is disabled).
 */
export async function issueResetLinkAsAdmin(
  prisma: PrismaClient,
  actor: Actor,
  userId: string,
  now = new Date(),
): Promise<IssuedLink> {
  requireAdmin(actor);
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
  if (!user) throw new RequestError(404, "No such person.");
  if (user.disabledAt) throw new RequestError(409, "This person is disabled: enable them first.");
  return issueResetLink(prisma, actor.id, userId, now);
}

async function findLink(prisma: PrismaClient, secret: string, kind: AccountLinkKind, now: Date) {
  const link = await prisma.accountLink.findUnique({ where: { tokenHash: hashLinkSecret(secret) } });
  if (!link || link.kind !== kind) throw new RequestError(404, "This link is not valid. Ask an admin for a new one.");
  const state = linkState(link, now);
  if (state === "used")
    throw new RequestError(409, "This link has already been used. Sign in, or ask an admin for a new one.");
  if (state === "expired") throw new RequestError(409, "This link has expired. Ask an admin for a new one.");
  return link;
}

/**
 * What a usable link is for (the invited email and role, or whose password it resets).
 * @throws RequestError (404 unknown link, 409 used or expired, or the person was disabled since).
 */
export async function openAccountLink(
  prisma: PrismaClient,
  kind: AccountLinkKind,
  secret: string,
  now = new Date(),
): Promise<OpenedLink> {
  const link = await findLink(prisma, secret, kind, now);
  if (link.kind === "invitation")
    return { kind, email: link.email, role: roleSchema.catch("editor").parse(link.role), name: null };
  const user = link.userId ? await prisma.user.findUnique({ where: { id: link.userId } }) : null;
  if (!user || user.disabledAt) throw new RequestError(409, "This account is disabled. Ask an admin.");
  return { kind, email: user.email, role: null, name: user.name };
}

/**
 * Uses a link once: an invitation creates the person with its email and role, the name and the password given;
 * a reset sets the person's password and ends their other sessions. The link is marked used in the same
 * transaction, only if nobody used it first (two tabs submitting at once: one wins, the other gets 409).
 * Returns the email to sign in with.
 * @throws RequestError (400 password or name against the rule, 404 unknown link, 409 used, expired, taken, disabled).
 */
export async function redeemAccountLink(
  prisma: PrismaClient,
  kind: AccountLinkKind,
  secret: string,
  input: { name?: string; password: string },
  now = new Date(),
): Promise<{ email: string; userId: string }> {
  const problem = passwordProblem(input.password);
  if (problem) throw new RequestError(400, problem);
  const link = await findLink(prisma, secret, kind, now);
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.accountLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1)
      throw new RequestError(409, "This link has already been used. Sign in, or ask an admin for a new one.");
    if (link.kind === "invitation") {
      const name = (input.name ?? "").trim();
      if (name === "" || name.length > 100) throw new RequestError(400, "Enter your name (at most 100 characters).");
      if (await tx.user.findUnique({ where: { email: link.email }, select: { id: true } })) {
        throw new RequestError(409, `${link.email} already has an account. Sign in instead.`);
      }
      const role = roleSchema.catch("editor").parse(link.role);
      const user = await tx.user.create({
        data: { email: link.email, name, role, passwordHash, sessionsValidFrom: now },
      });
      await writeAuditEvent(tx, {
        actorId: user.id,
        action: "user.joined",
        subject: user.id,
        data: { role, invitedBy: link.issuedById },
      });
      return { email: user.email, userId: user.id };
    }
    const user = link.userId ? await tx.user.findUnique({ where: { id: link.userId } }) : null;
    if (!user || user.disabledAt) throw new RequestError(409, "This account is disabled. Ask an admin.");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionsValidFrom: now } });
    await writeAuditEvent(tx, { actorId: user.id, action: "user.password_reset", subject: user.id });
    return { email: user.email, userId: user.id };
  });
}
