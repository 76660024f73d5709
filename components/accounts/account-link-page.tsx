import { Alert } from "@/components/ui/alert";
import type { PrismaClient } from "@/server/db/create-prisma";
import { RequestError } from "@/server/http/request-error";
import type { AccountLinkKind } from "@/server/users/account-link-token";
import { openAccountLink, type OpenedLink } from "@/server/users/account-links";
import { SetPasswordForm } from "./set-password-form";

/**
 * The page an account link opens (server component): the form to join or set a password, or why the link
 * cannot be used (unknown, used, expired, disabled) and what to do instead.
 */
export async function AccountLinkPage({
  prisma,
  kind,
  token,
}: {
  prisma: PrismaClient;
  kind: AccountLinkKind;
  token: string;
}) {
  let link: OpenedLink | null = null;
  let refusal: string | null = null;
  try {
    link = await openAccountLink(prisma, kind, token);
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    refusal = error.message;
  }
  const content = link ? (
    <>
      <p className="mb-6 text-sm text-stone-600">
        {kind === "invitation"
          ? `You are invited as ${link.role ?? "editor"}. Choose your name and a password.`
          : "Choose a new password. Your other sessions end when it is set."}
      </p>
      <SetPasswordForm kind={kind} token={token} email={link.email} name={link.name} />
    </>
  ) : (
    <Alert className="mt-4">
      {refusal}{" "}
      <a href="/signin" className="underline">
        Sign in
      </a>
    </Alert>
  );
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 font-serif text-2xl font-bold">
        {kind === "invitation" ? "Join the newsroom" : "Set your password"}
      </h1>
      {content}
    </div>
  );
}
