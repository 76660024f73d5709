import type { Metadata } from "next";
import { AccountLinkPage } from "@/components/accounts/account-link-page";
import { prisma } from "@/server/db/prisma";

export const metadata: Metadata = { title: "Join the newsroom", referrer: "no-referrer" };

/** An invitation link: the invitee chooses their name and password. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  return <AccountLinkPage prisma={prisma()} kind="invitation" token={(await params).token} />;
}
