import { passwordProblem } from "../../lib/accounts/password-rule";
import { can, rolesThatMay } from "../../lib/auth/policy";
import { roleSchema, type Role } from "../../lib/auth/roles";
import { writeAuditEvent } from "../audit/write-audit-event";
import { hashPassword, verifyPassword } from "../auth/password";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";

/**
 * Disables or re-enables a person, with an audit event. Disabling sets disabledAt and sessionsValidFrom, so the
 * person cannot sign in and every session of theirs ends at its next request (server/users/session-check.ts).
 * An admin cannot disable themselves, and the last active admin cannot be disabled.
 * @throws RequestError (403 not an admin or oneself, 404 unknown person, 409 last active admin).
 */
export async function setUserDisabled(
  prisma: PrismaClient,
  actor: { id: string; role: Role },
  userId: string,
  disabled: boolean,
  now = new Date(),
): Promise<void> {
  if (!can(actor.role, "manage_users")) throw new RequestError(403, "Only admins manage people.");
  if (userId === actor.id) throw new RequestError(403, "You cannot disable yourself.");
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
    if (!user) throw new RequestError(404, "No such person.");
    if (Boolean(user.disabledAt) === disabled) return;
    const role = roleSchema.safeParse(user.role);
    if (disabled && role.success && can(role.data, "manage_users")) {
      const others = await tx.user.count({
        where: { role: { in: rolesThatMay("manage_users") }, disabledAt: null, id: { not: userId } },
      });
      if (others === 0) throw new RequestError(409, "This is the last active admin: make someone else admin first.");
    }
    await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: now, sessionsValidFrom: now } : { disabledAt: null },
    });
    await writeAuditEvent(tx, {
      actorId: actor.id,
      action: disabled ? "user.disabled" : "user.enabled",
      subject: userId,
    });
  });
}

/**
 * Changes one's own password after checking the current one; every session of the person issued before now
 * ends (the caller signs in again with the new password to keep going), with an audit event.
 * @throws RequestError (400 new password against the rule, 403 wrong current password, 404 unknown person).
 */
export async function changeOwnPassword(
  prisma: PrismaClient,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  now = new Date(),
): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, disabledAt: true },
  });
  if (!user || user.disabledAt) throw new RequestError(404, "No such person.");
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new RequestError(403, "The current password is wrong.");
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new RequestError(400, problem);
  if (input.newPassword === input.currentPassword)
    throw new RequestError(400, "Choose a password different from the current one.");
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { passwordHash, sessionsValidFrom: now } }),
    writeAuditEvent(prisma, { actorId: userId, action: "user.password_changed", subject: userId }),
  ]);
}

/** Who a session belongs to as the database knows them now (what the jwt callback keeps in the token). */
export interface CurrentSessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * Whether a session signed in at `signedInAt` (ms) still counts for `userId`: the person exists, is not
 * disabled, has a valid role, and their sessions were not ended after it began (a password change, a reset,
 * being disabled). Returns the person as they are now, or null when the session must end.
 */
export async function currentSessionUser(
  prisma: PrismaClient,
  userId: string,
  signedInAt: number,
): Promise<CurrentSessionUser | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, disabledAt: true, sessionsValidFrom: true },
  });
  if (!user || user.disabledAt) return null;
  if (signedInAt < user.sessionsValidFrom.getTime()) return null;
  const role = roleSchema.safeParse(user.role);
  if (!role.success) return null;
  return { id: user.id, name: user.name, email: user.email, role: role.data };
}
