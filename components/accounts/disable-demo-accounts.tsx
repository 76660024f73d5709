"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/ui/send-json";

/** The admin's one-click removal of the demo accounts (all but their own), with what happened. */
export function DisableDemoAccounts({ count }: { count: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function disable() {
    setPending(true);
    setMessage(null);
    const result = await sendJson<{ disabled: string[]; keptOwn: boolean }>(
      "/api/users/demo-accounts",
      { disabled: true },
      "PATCH",
    );
    setPending(false);
    if (!result.ok) {
      setMessage({ ok: false, text: result.error });
      return;
    }
    const done =
      result.data.disabled.length === 0
        ? "No demo account was disabled."
        : `Disabled ${result.data.disabled.join(", ")}.`;
    setMessage({
      ok: true,
      text: result.data.keptOwn
        ? `${done} Yours is a demo account: sign in as your own admin and disable it too.`
        : done,
    });
    router.refresh();
  }

  return (
    <section aria-labelledby="demo-heading" className="mb-8 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
      <h2 id="demo-heading" className="mb-1 font-serif text-xl font-bold">
        Demo accounts
      </h2>
      <p className="mb-3 text-stone-800">
        {count === 1 ? "One demo account" : `${count} demo accounts`} can still sign in with the published password.
        Disable them once your own admin account exists (yours is kept if you are signed in as one).
      </p>
      <button
        type="button"
        onClick={disable}
        disabled={pending}
        className="rounded bg-stone-800 px-4 py-2 font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50"
      >
        {pending ? "Disabling…" : "Disable the demo accounts"}
      </button>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`mt-3 ${message.ok ? "text-emerald-900" : "text-red-800"}`}
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
