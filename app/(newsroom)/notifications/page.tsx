import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { loadInbox } from "@/server/notifications/inbox";

export const metadata: Metadata = { title: "Notifications" };

/** The signed-in person's notifications, grouped by story. */
export default async function NotificationsPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/notifications")}`);
  if (!can(user.role, "open_workspace")) redirect("/");
  const groups = await loadInbox(prisma(), user.id);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 font-serif text-3xl font-bold tracking-tight">Notifications</h1>
      <NotificationInbox groups={groups} />
    </div>
  );
}
