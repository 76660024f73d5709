import "server-only";
import { getServerSession } from "next-auth";
import { roleSchema, type Role } from "@/lib/auth/roles";
import { prisma } from "../db/prisma";
import { authOptions } from "./options";

/** The signed-in user as the database knows them now. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * The signed-in user of the current request, or null. The role is read from the database on every call,
 * so a role change takes effect at once rather than when the session cookie expires.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await prisma().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, name: true, email: true, role: true },
  });
  if (!user) return null;
  const role = roleSchema.safeParse(user.role);
  return role.success ? { ...user, role: role.data } : null;
}
