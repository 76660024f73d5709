"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describeThrottledSignIn, throttledSignInSeconds } from "@/lib/auth/sign-in-throttle";
import { SSO_PROVIDER_ID } from "@/lib/auth/sso";

/**
 * Email and password sign-in; a wrong password shows an error and creates no session. After too many
 * attempts the server refuses for a while: the form says how long, counting down. With single sign-on
 * configured (`ssoName`), a button signs in with the provider instead; `initialError` is why the last attempt
 * was refused.
 */
export function SignInForm({
  callbackUrl,
  ssoName = null,
  initialError = null,
}: {
  callbackUrl: string;
  ssoName?: string | null;
  initialError?: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [ssoPending, setSsoPending] = useState(false);
  const [pending, setPending] = useState(false);
  // When sign-in may be tried again, and the wait as first announced (screen readers hear it once, not every second).
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [announced, setAnnounced] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const waitSeconds = retryAt === null ? 0 : Math.ceil((retryAt - now) / 1000);

  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= retryAt) setRetryAt(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setRetryAt(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    const throttled = throttledSignInSeconds(result?.error);
    if (throttled !== null) {
      setNow(Date.now());
      setRetryAt(Date.now() + throttled * 1000);
      setAnnounced(throttled);
      return;
    }
    if (!result || result.error) {
      setError("Wrong email or password.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  // next-auth posts for the provider's address from JavaScript and then navigates there: a plain form post
  // would be redirected to another origin, which the CSP's form-action 'self' forbids.
  async function onSingleSignOn() {
    setSsoPending(true);
    setError(null);
    await signIn(SSO_PROVIDER_ID, { callbackUrl });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded border border-stone-300 px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-stone-300 px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600"
        />
      </div>
      {waitSeconds > 0 ? (
        <p role="alert" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span className="sr-only">{describeThrottledSignIn(announced)}</span>
          <span aria-hidden="true" data-testid="sign-in-throttled">
            {describeThrottledSignIn(waitSeconds)}
          </span>
        </p>
      ) : error ? (
        <Alert>{error}</Alert>
      ) : null}
      <Button variant="wide" type="submit" disabled={pending || waitSeconds > 0}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {ssoName ? (
        <>
          <p className="text-center text-xs text-stone-500">or</p>
          <button
            type="button"
            onClick={onSingleSignOn}
            disabled={ssoPending}
            className="w-full rounded border border-stone-300 bg-white px-3 py-2 font-medium text-stone-900 hover:bg-stone-50 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            {ssoPending ? `Going to ${ssoName}…` : `Sign in with ${ssoName}`}
          </button>
        </>
      ) : null}
    </form>
  );
}
