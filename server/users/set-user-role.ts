import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";

/**
 * Changes a user's role, with an audit event, in one transaction. Admins only; an admin cannot demote
 * themselves, so that a newsroom always keeps the admin who made the change.
 * @throws RequestError (403 not an admin or self-demotion, 404 unknown user).
 */
export async function setUserRole(
  prisma: PrismaClient,
  actor: { id: string; role: Role },
  userId: string,
  role: Role,
): Promise<void> {
  if (!can(actor.role, "manage_users")) throw new RequestError(403, "Only admins manage users.");
  if (userId === actor.id && !can(role, "manage_users"))
    throw new RequestError(403, "You cannot remove your own admin role.");
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new RequestError(404, "No such user.");
  if (user.role === role) return;
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { role } }),
    writeAuditEvent(prisma, {
      actorId: actor.id,
      action: "user.role_changed",
      subject: userId,
      data: { from: user.role, to: role },
    }),
  ]);
}
