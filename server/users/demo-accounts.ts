import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";
import { setUserDisabled } from "./manage-people";

/** The demo users; README lists them. Every one signs in with DEMO_PASSWORD. */
export const DEMO_USERS = [
  { email: "admin@corroborate.local", name: "Ada Admin", role: "admin" },
  { email: "maya@corroborate.local", name: "Maya Chen", role: "editor" },
  { email: "tom@corroborate.local", name: "Tom Okafor", role: "editor" },
  { email: "rosa@corroborate.local", name: "Rosa Lindqvist", role: "reviewer" },
] as const;
export const DEMO_PASSWORD = "corroborate";

/**
 * Whether setup may seed the demo newsroom (into an empty database): never with DEMO=0, never in production on
 * PostgreSQL (NODE_ENV=production), on PostgreSQL otherwise only with DEMO=1, and on the embedded SQLite
 * default unless DEMO=0.
 */
export function demoSeedAllowed(input: {
  provider: "sqlite" | "postgresql";
  nodeEnv: string | undefined;
  demo: string | undefined;
}): boolean {
  if (input.demo === "0") return false;
  if (input.provider === "postgresql") return input.nodeEnv !== "production" && input.demo === "1";
  return true;
}

/**
 * The demo accounts that can still sign in (not disabled), by email; the newsroom's pages show a banner while
 * there is any. An admin removes them on /admin/users (disableDemoAccounts, or one by one).
 */
export async function activeDemoAccounts(prisma: PrismaClient): Promise<string[]> {
  const users = await prisma.user.findMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) }, disabledAt: null },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return users.map((user) => user.email);
}

/**
 * An admin disables every demo account that can still sign in, except their own (an admin cannot disable
 * themselves: sign in as your own admin first), each with its audit event; their sessions end at once. Returns
 * the emails disabled and whether the actor's own demo account was left.
 * @throws RequestError (403 not an admin; 409 when it would leave no active admin).
 */
export async function disableDemoAccounts(
  prisma: PrismaClient,
  actor: { id: string; role: Role },
  now = new Date(),
): Promise<{ disabled: string[]; keptOwn: boolean }> {
  if (!can(actor.role, "manage_users")) throw new RequestError(403, "Only admins manage people.");
  const demo = await prisma.user.findMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) }, disabledAt: null },
    select: { id: true, email: true },
    orderBy: { email: "asc" },
  });
  const disabled: string[] = [];
  for (const user of demo) {
    if (user.id === actor.id) continue;
    await setUserDisabled(prisma, actor, user.id, true, now);
    disabled.push(user.email);
  }
  return { disabled, keptOwn: demo.some((user) => user.id === actor.id) };
}
