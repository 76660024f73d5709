import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in person's account: who they are, and changing their password. */
export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=%2Faccount");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 font-serif text-3xl font-bold tracking-tight">Your account</h1>
      <p className="mb-6 text-sm text-stone-600">
        {user.name} · {user.email} · {user.role}
      </p>
      <section aria-labelledby="password-heading" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="password-heading" className="mb-4 font-serif text-xl font-bold">
          Change your password
        </h2>
        <ChangePasswordForm email={user.email} />
      </section>
    </div>
  );
}
