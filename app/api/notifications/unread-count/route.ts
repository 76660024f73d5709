import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { unreadCount } from "@/server/notifications/inbox";

/**
 * The signed-in person's unread notifications: { count }. The bell asks every second while its page is
 * visible; one indexed count, never cached.
 */
export async function GET(): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to see notifications." }, { status: 401 });
  if (!can(user.role, "open_workspace")) return Response.json({ error: "Not in the newsroom." }, { status: 403 });
  return Response.json({ count: await unreadCount(prisma(), user.id) }, { headers: { "cache-control": "no-store" } });
}
