"use client";

import { useActionState } from "react";
import { changeRole, type RoleChangeState } from "@/app/(newsroom)/admin/users/actions";
import { ROLES, type Role } from "@/lib/auth/roles";

/** An admin's control for one user's role. */
export function RoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const [state, action, pending] = useActionState<RoleChangeState, FormData>(changeRole, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role} className="rounded border border-stone-300 px-2 py-1">
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100 disabled:opacity-50">
        Save
      </button>
      {state ? (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-emerald-800" : "text-red-800"}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
