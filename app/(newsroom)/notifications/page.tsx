import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { NotificationPreferences } from "@/components/notifications/notification-preferences";
import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { getEnv } from "@/server/env";
import { loadInbox } from "@/server/notifications/inbox";
import { loadPreferences } from "@/server/notifications/preferences";

export const metadata: Metadata = { title: "Notifications" };

/** The signed-in person's notifications, grouped by story, and their choice of what they are told and how. */
export default async function NotificationsPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/notifications")}`);
  if (!can(user.role, "open_workspace")) redirect("/");
  const [groups, preferences] = await Promise.all([loadInbox(prisma(), user.id), loadPreferences(prisma(), user.id)]);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 font-serif text-3xl font-bold tracking-tight">Notifications</h1>
      <NotificationInbox groups={groups} />
      <NotificationPreferences initial={preferences} mail={getEnv().SMTP_URL !== undefined} />
    </div>
  );
}
