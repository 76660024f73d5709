"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/ui/send-json";
import { IssuedLink, type MailOutcome } from "./issued-link";

type ResetLink = { email: string; url: string; expiresAt: string; mail: MailOutcome };

/** An admin's controls for one person: issue a password reset link, disable or re-enable (not for oneself). */
export function PersonActions({
  userId,
  name,
  disabled,
  self,
}: {
  userId: string;
  name: string;
  disabled: boolean;
  self: boolean;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [link, setLink] = useState<ResetLink | null>(null);

  async function issueReset() {
    setPending(true);
    setError(null);
    setStatus(null);
    const result = await sendJson<ResetLink>(`/api/users/${encodeURIComponent(userId)}/reset-link`, {});
    setPending(false);
    if (result.ok) setLink(result.data);
    else setError(result.error);
  }

  async function toggleDisabled() {
    setPending(true);
    setError(null);
    setLink(null);
    const result = await sendJson(`/api/users/${encodeURIComponent(userId)}`, { disabled: !disabled }, "PATCH");
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setStatus(disabled ? `${name} is enabled again.` : `${name} is disabled: their sessions have ended.`);
    router.refresh();
  }

  const button =
    "rounded border border-stone-300 px-2 py-1 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50";
  return (
    <div className="w-full">
      <div className="flex flex-wrap items-center gap-2">
        {disabled ? null : (
          <button type="button" onClick={issueReset} disabled={pending} className={button}>
            Reset link<span className="sr-only"> for {name}</span>
          </button>
        )}
        {self ? null : (
          <button type="button" onClick={toggleDisabled} disabled={pending} className={button}>
            {disabled ? "Enable" : "Disable"}
            <span className="sr-only"> {name}</span>
          </button>
        )}
        {status ? (
          <span role="status" className="text-emerald-800">
            {status}
          </span>
        ) : null}
        {error ? (
          <span role="alert" className="text-red-800">
            {error}
          </span>
        ) : null}
      </div>
      {link ? (
        <IssuedLink
          label={`Password reset link for ${name}`}
          url={link.url}
          expiresAt={link.expiresAt}
          mail={link.mail}
          email={link.email}
        />
      ) : null}
    </div>
  );
}
