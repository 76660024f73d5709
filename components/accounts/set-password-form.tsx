"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sendJson } from "@/components/ui/send-json";
import { passwordProblem } from "@/lib/accounts/password-rule";
import { INPUT, NewPasswordFields } from "./new-password-fields";

/**
 * Uses an invitation (name and password) or a reset link (password), then signs the person in with the new
 * password and opens the story list; if that sign-in fails, it sends them to the sign-in page.
 */
export function SetPasswordForm({
  kind,
  token,
  email,
  name,
}: {
  kind: "invitation" | "reset";
  token: string;
  email: string;
  name: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const problem =
      passwordProblem(password) ?? (password !== form.get("confirm") ? "The two passwords differ." : null);
    if (problem) {
      setError(problem);
      return;
    }
    setPending(true);
    setError(null);
    const result = await sendJson<{ email: string }>("/api/account-links", {
      kind,
      token,
      password,
      ...(kind === "invitation" ? { name: String(form.get("name") ?? "") } : {}),
    });
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      return;
    }
    const signedIn = await signIn("credentials", { email: result.data.email, password, redirect: false });
    if (!signedIn || signedIn.error) {
      router.replace("/signin");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <p className="text-sm text-stone-700">
        Email: <span className="font-medium">{email}</span>
      </p>
      {kind === "invitation" ? (
        <div>
          <label htmlFor="name" className="block text-sm font-medium">
            Your name
          </label>
          <input id="name" name="name" required maxLength={100} autoComplete="name" className={INPUT} />
        </div>
      ) : name ? (
        <p className="text-sm text-stone-700">
          Name: <span className="font-medium">{name}</span>
        </p>
      ) : null}
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields name="password" invalid={Boolean(error)} />
      {error ? <Alert>{error}</Alert> : null}
      <Button variant="wide" type="submit" disabled={pending}>
        {pending ? "Saving…" : kind === "invitation" ? "Join and sign in" : "Set password and sign in"}
      </Button>
    </form>
  );
}
