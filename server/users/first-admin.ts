import { emailAddressSchema } from "../../lib/accounts/email-address";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { PrismaClient } from "../db/create-prisma";
import { issueResetLink, type IssuedLink } from "./account-links";

/**
 * `npm run setup -- --admin <email>`: makes `email` an admin (creating the person, named after the address and
 * without a password, when nobody has it; enabling them if disabled) and issues a 24-hour link to set the
 * password. Audit events name the person as their own actor (there is no admin before them).
 * @throws ZodError for a malformed email.
 */
export async function setUpAdmin(
  prisma: PrismaClient,
  rawEmail: string,
  now = new Date(),
): Promise<IssuedLink & { created: boolean }> {
  const email = emailAddressSchema.parse(rawEmail);
  const existing = await prisma.user.findUnique({ where: { email } });
  const user = existing
    ? await prisma.user.update({ where: { id: existing.id }, data: { role: "admin", disabledAt: null } })
    : await prisma.user.create({
        data: { email, name: email.split("@")[0] ?? email, role: "admin", passwordHash: null, sessionsValidFrom: now },
      });
  await writeAuditEvent(
    prisma,
    existing
      ? { actorId: user.id, action: "user.made_admin_by_setup", subject: user.id, data: { from: existing.role } }
      : { actorId: user.id, action: "user.created_by_setup", subject: user.id, data: { from: null } },
  );
  return { ...(await issueResetLink(prisma, user.id, user.id, now)), created: !existing };
}
