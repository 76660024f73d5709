import type { MailMessage } from "./mailer";

/**
 * The message carrying an account link: an invitation (who invited, with which role) or a password reset. `url`
 * is the whole link, secret included; the text says when it expires and that it works once.
 */
export function accountLinkMail(input: {
  kind: "invitation" | "reset";
  to: string;
  url: string;
  expiresAt: Date;
  organisation: string;
  invitedBy?: string;
  role?: string;
}): MailMessage {
  const expires = input.expiresAt.toUTCString();
  if (input.kind === "invitation") {
    return {
      to: input.to,
      subject: `You are invited to ${input.organisation} on Corroborate`,
      text: [
        `${input.invitedBy ?? "An admin"} invited you to ${input.organisation} on Corroborate${input.role ? ` as ${input.role}` : ""}.`,
        "",
        "Open this link to choose your name and password:",
        input.url,
        "",
        `The link works once and expires on ${expires}. If you did not expect this, ignore this message.`,
      ].join("\n"),
    };
  }
  return {
    to: input.to,
    subject: `Set your Corroborate password (${input.organisation})`,
    text: [
      "Open this link to set a new password for your Corroborate account:",
      input.url,
      "",
      `The link works once and expires on ${expires}. Your other sessions end when the password is set.`,
      "If you did not ask for this, tell an admin.",
    ].join("\n"),
  };
}
