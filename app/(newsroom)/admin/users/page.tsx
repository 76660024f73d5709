import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DisableDemoAccounts } from "@/components/accounts/disable-demo-accounts";
import { InviteForm } from "@/components/accounts/invite-form";
import { PersonActions } from "@/components/accounts/person-actions";
import { RoleForm } from "@/components/accounts/role-form";
import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { loadPeopleOverview } from "@/server/users/people-overview";

export const metadata: Metadata = { title: "Users" };

/** Admins invite people, change roles, issue password reset links, and disable or re-enable people. */
export default async function UsersPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=%2Fadmin%2Fusers");
  if (!can(user.role, "manage_users")) redirect("/");
  const { people, invitations, activeDemoAccounts } = await loadPeopleOverview(prisma());
  return (
    <div>
      <h1 className="mb-6 font-serif text-3xl font-bold tracking-tight">Users</h1>
      {activeDemoAccounts > 0 ? <DisableDemoAccounts count={activeDemoAccounts} /> : null}
      <InviteForm />
      {invitations.length > 0 ? (
        <section aria-labelledby="pending-heading" className="mb-8">
          <h2 id="pending-heading" className="mb-2 font-serif text-xl font-bold">
            Pending invitations
          </h2>
          <ul
            className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm shadow-sm"
            data-testid="pending-invitations"
          >
            {invitations.map((invitation) => (
              <li key={invitation.id} className="px-4 py-2">
                <span className="font-medium">{invitation.email}</span>{" "}
                <span className="text-stone-600">· {invitation.role}</span>{" "}
                <span className="text-stone-600">
                  · expires{" "}
                  {invitation.expiresAt.toLocaleString("en-GB", {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: "UTC",
                  })}{" "}
                  UTC
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 className="mb-2 font-serif text-xl font-bold">People</h2>
      <ul
        className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm shadow-sm"
        data-testid="user-list"
      >
        {people.map((member) => (
          <li
            key={member.id}
            className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
            data-testid="user-row"
          >
            <span>
              <span className="font-medium">{member.name}</span> <span className="text-stone-600">{member.email}</span>
              {member.disabled ? (
                <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-stone-800">
                  disabled
                </span>
              ) : !member.hasPassword ? (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950">
                  no password yet
                </span>
              ) : null}
            </span>
            <RoleForm userId={member.id} name={member.name} role={member.role} />
            <PersonActions
              userId={member.id}
              name={member.name}
              disabled={member.disabled}
              self={member.id === user.id}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
