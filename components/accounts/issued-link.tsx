"use client";

import { useId, useState } from "react";

/** What the server said about mailing a link. */
export type MailOutcome = { status: "not_configured" } | { status: "sent" } | { status: "failed"; error: string };

/**
 * A link just issued (an invitation or a password reset), shown once to the admin to copy, with what became of
 * mailing it: not configured or failed means the admin passes it on by hand.
 */
export function IssuedLink({
  label,
  url,
  expiresAt,
  mail,
  email,
}: {
  label: string;
  url: string;
  expiresAt: string;
  mail: MailOutcome;
  email: string;
}) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const expires = new Date(expiresAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("Link copied.");
    } catch {
      setCopied("Copying failed: select the link and copy it.");
    }
  }

  return (
    <div
      className="mt-3 space-y-2 rounded border border-emerald-200 bg-emerald-50 p-3 text-sm"
      data-testid="issued-link"
    >
      <label htmlFor={id} className="block font-medium text-emerald-900">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1 font-mono text-xs"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded border border-stone-300 bg-white px-2 py-1 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Copy link
        </button>
      </div>
      <p role="status" className="text-stone-700">
        {mail.status === "sent"
          ? `Mailed to ${email}. `
          : mail.status === "failed"
            ? `Mailing it to ${email} failed (${mail.error}): pass the link on by hand. `
            : `Mail is not configured: pass the link on to ${email} by hand. `}
        It works once and expires {expires}. {copied}
      </p>
    </div>
  );
}
