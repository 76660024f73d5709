import { roleSchema, type Role } from "../../lib/auth/roles";
import type { PrismaClient } from "../db/create-prisma";
import { activeDemoAccounts } from "./demo-accounts";

/** What the admins' people page lists: everyone, the invitations still open, and the demo accounts that can sign in. */
export interface PeopleOverview {
  people: Array<{ id: string; name: string; email: string; role: Role; disabled: boolean; hasPassword: boolean }>;
  invitations: Array<{ id: string; email: string; role: string | null; expiresAt: Date }>;
  activeDemoAccounts: number;
}

/** The people page's data, for an admin; the password hashes themselves never leave this module. */
export async function loadPeopleOverview(prisma: PrismaClient, now = new Date()): Promise<PeopleOverview> {
  const [users, invitations, demoAccounts] = await Promise.all([
    prisma.user.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true, role: true, disabledAt: true, passwordHash: true },
    }),
    prisma.accountLink.findMany({
      where: { kind: "invitation", usedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
    activeDemoAccounts(prisma),
  ]);
  return {
    people: users.map(({ disabledAt, passwordHash, role, ...person }) => ({
      ...person,
      role: roleSchema.catch("editor").parse(role),
      disabled: disabledAt !== null,
      hasPassword: passwordHash !== null,
    })),
    invitations,
    activeDemoAccounts: demoAccounts.length,
  };
}
