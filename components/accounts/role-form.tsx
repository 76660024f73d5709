"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sendJson } from "@/components/ui/send-json";
import { ROLES, type Role } from "@/lib/auth/roles";

/** An admin's control for one user's role. */
export function RoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const router = useRouter();
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get("role");
    setPending(true);
    const result = await sendJson(`/api/users/${encodeURIComponent(userId)}`, { role: chosen }, "PATCH");
    setPending(false);
    setState(result.ok ? { ok: true, message: "Role changed." } : { ok: false, message: result.error });
    if (result.ok) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        className="rounded border border-stone-300 px-2 py-1"
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100 disabled:opacity-50"
      >
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
