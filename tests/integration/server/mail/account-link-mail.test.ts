import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "@/server/mail/mailer";
import { sendAccountLink } from "@/server/mail/send-account-link";
import { inviteUser, redeemAccountLink } from "@/server/users/account-links";
import { createUser, integrationPrisma } from "../../../support/database";
import { startSmtpServer, type TestSmtpServer } from "../../../support/smtp-server";

const prisma = integrationPrisma();
let smtp: TestSmtpServer;

// A real SMTP server on a free port, with a login (plain text on loopback, as a local relay would take it).
beforeAll(async () => {
  smtp = await startSmtpServer({ username: "corroborate", password: "s3cret" });
});
afterAll(async () => {
  await smtp.close();
  await prisma.$disconnect();
});

describe("mailing account links", () => {
  it("mails an invitation over SMTP: the invitee receives it, and its link works", async () => {
    const admin = await createUser(prisma, "admin", "Ada Admin");
    const address = `invitee-${Date.now()}@example.org`;
    const link = await inviteUser(prisma, admin, { email: address, role: "editor" });
    const url = new URL(link.path, "https://factcheck.example.org").href;
    const mailer = createMailer(
      `smtp://corroborate:s3cret@127.0.0.1:${smtp.port}`,
      "Corroborate <corroborate@example.org>",
    );

    const outcome = await sendAccountLink(
      link,
      url,
      { invitedBy: admin.name, role: "editor" },
      { mailer, organisation: "The Daily" },
    );
    expect(outcome).toEqual({ status: "sent" });
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message?.envelopeTo).toEqual([address]);
    expect(message?.mail.subject).toBe("You are invited to The Daily on Corroborate");
    expect(message?.mail.from?.text).toBe('"Corroborate" <corroborate@example.org>');
    const text = message?.mail.text ?? "";
    expect(text).toContain("Ada Admin invited you to The Daily on Corroborate as editor.");

    const mailedUrl = text.match(/https:\/\/\S+/)?.[0] ?? "";
    expect(mailedUrl).toBe(url);
    const secret = new URL(mailedUrl).pathname.replace(/^\/invite\//, "");
    const joined = await redeemAccountLink(prisma, "invitation", secret, {
      name: "Invitee",
      password: "a long enough password",
    });
    expect(joined.email).toBe(address);
  });

  it("says nothing was mailed without SMTP, and reports a refusal instead of throwing", async () => {
    const admin = await createUser(prisma, "admin");
    const link = await inviteUser(prisma, admin, { email: `other-${Date.now()}@example.org`, role: "editor" });
    expect(await sendAccountLink(link, "https://x.example/invite/s", {}, { mailer: null, organisation: "X" })).toEqual({
      status: "not_configured",
    });

    const wrongLogin = createMailer(`smtp://corroborate:wrong@127.0.0.1:${smtp.port}`, "corroborate@example.org");
    const quiet = console.error;
    console.error = () => {};
    try {
      const outcome = await sendAccountLink(
        link,
        "https://x.example/invite/s",
        {},
        { mailer: wrongLogin, organisation: "X" },
      );
      expect(outcome.status).toBe("failed");
    } finally {
      console.error = quiet;
    }
  });
});
