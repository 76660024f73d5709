import type { PrismaClient } from "../db/create-prisma";

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
export function demoSeedAllowed(input: { provider: "sqlite" | "postgresql"; nodeEnv: string | undefined; demo: string | undefined }): boolean {
  if (input.demo === "0") return false;
  if (input.provider === "postgresql") return input.nodeEnv !== "production" && input.demo === "1";
  return true;
}

/**
 * The demo accounts that can still sign in (not disabled), by email; the newsroom's pages show a banner while
 * there is any. An admin removes them by disabling each on /admin/users.
 */
export async function activeDemoAccounts(prisma: PrismaClient): Promise<string[]> {
  const users = await prisma.user.findMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) }, disabledAt: null },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return users.map((user) => user.email);
}
