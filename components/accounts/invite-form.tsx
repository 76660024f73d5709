"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sendJson } from "@/components/ui/send-json";
import { ROLES } from "@/lib/auth/roles";
import { IssuedLink, type MailOutcome } from "./issued-link";

type Invitation = { email: string; url: string; expiresAt: string; mail: MailOutcome };

/** An admin invites a person by email with a role; the single-use link is shown to copy (and mailed with SMTP). */
export function InviteForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    setInvitation(null);
    const result = await sendJson<Invitation>("/api/users", {
      email: String(data.get("email") ?? ""),
      role: data.get("role"),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setInvitation(result.data);
    form.reset();
    router.refresh();
  }

  return (
    <section
      aria-labelledby="invite-heading"
      className="mb-8 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
    >
      <h2 id="invite-heading" className="mb-3 font-serif text-xl font-bold">
        Invite a person
      </h2>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
        <label className="block min-w-64 flex-1 space-y-1">
          <span className="text-sm font-medium text-stone-700">Email</span>
          <input
            name="email"
            type="email"
            required
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "invite-error" : undefined}
            className="w-full rounded border border-stone-300 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600"
          />
        </label>
        <label className="block space-y-1">
          <span className="text-sm font-medium text-stone-700">Role</span>
          <select
            name="role"
            defaultValue="editor"
            className="block rounded border border-stone-300 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <Button variant="form" type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      {error ? (
        <Alert id="invite-error" className="mt-3">
          {error}
        </Alert>
      ) : null}
      {invitation ? (
        <IssuedLink
          label={`Invitation link for ${invitation.email}`}
          url={invitation.url}
          expiresAt={invitation.expiresAt}
          mail={invitation.mail}
          email={invitation.email}
        />
      ) : null}
    </section>
  );
}
