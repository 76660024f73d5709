import type { Metadata } from "next";
import { AccountLinkPage } from "@/components/accounts/account-link-page";
import { prisma } from "@/server/db/prisma";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

/** A password reset link (an admin's, or the first admin's from setup): the person chooses a new password. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  return <AccountLinkPage prisma={prisma()} kind="reset" token={(await params).token} />;
}
