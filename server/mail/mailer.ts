import nodemailer from "nodemailer";

/** An outgoing message. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; `send` rejects when the SMTP server refuses or cannot be reached. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * A mailer over SMTP (nodemailer) for `smtpUrl` (smtp://user:pass@host:port, or smtps:// for TLS from the
 * start), sending from `from`; null when no SMTP_URL is configured, in which case nothing is mailed and links
 * are passed on by hand.
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
