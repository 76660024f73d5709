import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RoleForm } from "@/components/role-form";
import { can } from "@/lib/auth/policy";
import { roleSchema } from "@/lib/auth/roles";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=%2Fadmin%2Fusers");
  if (!can(user.role, "manage_users")) redirect("/");
  const users = await prisma().user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true, role: true } });
  return (
    <div>
      <h1 className="mb-6 font-serif text-3xl font-bold tracking-tight">Users</h1>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm shadow-sm" data-testid="user-list">
        {users.map((member) => (
          <li key={member.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2">
            <span>
              <span className="font-medium">{member.name}</span> <span className="text-stone-500">{member.email}</span>
            </span>
            <RoleForm userId={member.id} name={member.name} role={roleSchema.catch("editor").parse(member.role)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
