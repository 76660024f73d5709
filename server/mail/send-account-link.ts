import { getEnv } from "../env";
import type { IssuedLink } from "../users/account-links";
import { accountLinkMail } from "./account-link-mail";
import { createMailer, type Mailer } from "./mailer";

/** What became of mailing a link: not configured (pass it on by hand), sent, or failed (with why). */
export type MailOutcome = { status: "not_configured" } | { status: "sent" } | { status: "failed"; error: string };

/**
 * Mails an issued link to its person when SMTP is configured (SMTP_URL, MAIL_FROM); the link is shown to the
 * admin either way, so a failure is reported, not thrown. The mailer and organisation default to the environment's.
 */
export async function sendAccountLink(
  link: IssuedLink,
  url: string,
  details: { invitedBy?: string; role?: string } = {},
  options: { mailer?: Mailer | null; organisation?: string } = {},
): Promise<MailOutcome> {
  const mailer = options.mailer === undefined ? createMailer(getEnv().SMTP_URL, getEnv().MAIL_FROM) : options.mailer;
  if (!mailer) return { status: "not_configured" };
  const organisation = options.organisation ?? getEnv().ORGANISATION_NAME;
  try {
    await mailer.send(
      accountLinkMail({ kind: link.kind, to: link.email, url, expiresAt: link.expiresAt, organisation, ...details }),
    );
    return { status: "sent" };
  } catch (error) {
    console.error("Mailing an account link failed:", error);
    return { status: "failed", error: error instanceof Error ? error.message : String(error) };
  }
}
