import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { getSessionUser } from "@/server/auth/session";

/** The newsroom's pages: a header with the signed-in person, rendered per request. */
export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="font-serif text-xl font-bold tracking-tight">
            Corroborate
          </Link>
          {user ? (
            <div className="flex items-center gap-3 text-sm">
              <span>
                {user.name} <span className="text-stone-500">· {user.role}</span>
              </span>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
