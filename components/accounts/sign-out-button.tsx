"use client";

import { signOut } from "next-auth/react";

/** Ends the session and returns to the sign-in page. */
export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
      className="rounded border border-stone-300 px-2 py-1 text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      Sign out
    </button>
  );
}
