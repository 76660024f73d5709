import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/accounts/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { describeSignInError } from "@/lib/auth/sso";
import { getSessionUser } from "@/server/auth/session";
import { ssoSettings } from "@/server/auth/sso";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only a path on this site is followed after sign-in (next-auth's redirect callback checks the same way).
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  // Single sign-on, when configured; a refused or failed one comes back here with next-auth's ?error=.
  const sso = ssoSettings();
  const error = describeSignInError(
    typeof params.error === "string" ? params.error : undefined,
    sso?.name ?? "single sign-on",
  );
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 font-serif text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-sm text-stone-600">Editors, reviewers and admins of the newsroom.</p>
      <SignInForm callbackUrl={callbackUrl} ssoName={sso?.name ?? null} initialError={error} />
    </div>
  );
}
