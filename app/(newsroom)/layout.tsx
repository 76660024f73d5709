import Link from "next/link";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/accounts/demo-banner";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { unreadCount } from "@/server/notifications/inbox";
import { activeDemoAccounts } from "@/server/users/demo-accounts";

/** The newsroom's pages: the demo accounts warning while there are any, a header with the signed-in person and their notifications' bell, rendered per request. */
export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const [user, demoAccounts] = await Promise.all([getSessionUser(), activeDemoAccounts(prisma())]);
  const unread = user && can(user.role, "open_workspace") ? await unreadCount(prisma(), user.id) : null;
  return (
    <>
      <DemoBanner emails={demoAccounts} admin={!!user && can(user.role, "manage_users")} />
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="font-serif text-xl font-bold tracking-tight">
            Corroborate
          </Link>
          {user ? (
            <div className="flex items-center gap-3 text-sm">
              {unread !== null ? <NotificationBell initialCount={unread} /> : null}
              <Link href="/account" className="hover:underline" title="Your account">
                {user.name} <span className="text-stone-500">· {user.role}</span>
              </Link>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
