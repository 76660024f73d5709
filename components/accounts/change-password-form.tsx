"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { sendJson } from "@/components/ui/send-json";
import { passwordProblem } from "@/lib/accounts/password-rule";
import { INPUT, NewPasswordFields } from "./new-password-fields";

/**
 * Changes one's own password (the current one required). The change ends every session of the person, this one
 * too, so the form signs in again with the new password; other browsers are signed out at their next request.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    const problem =
      (currentPassword === "" ? "Enter your current password." : null) ??
      passwordProblem(newPassword) ??
      (newPassword !== form.get("confirm") ? "The two new passwords differ." : null);
    if (problem) {
      setMessage({ ok: false, text: problem });
      return;
    }
    setPending(true);
    setMessage(null);
    const result = await sendJson("/api/account/password", { currentPassword, newPassword });
    if (!result.ok) {
      setPending(false);
      setMessage({ ok: false, text: result.error });
      return;
    }
    const signedIn = await signIn("credentials", { email, password: newPassword, redirect: false });
    setPending(false);
    if (!signedIn || signedIn.error) {
      router.replace("/signin?callbackUrl=%2Faccount");
      return;
    }
    formElement.reset();
    setMessage({ ok: true, text: "Password changed. Your other sessions have ended." });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <div>
        <label htmlFor="currentPassword" className="block text-sm font-medium">
          Current password
        </label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          required
          autoComplete="current-password"
          className={INPUT}
        />
      </div>
      <NewPasswordFields name="newPassword" />
      {message ? <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert> : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
