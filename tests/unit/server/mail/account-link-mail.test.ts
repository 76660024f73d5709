import { describe, expect, it } from "vitest";
import { accountLinkMail } from "@/server/mail/account-link-mail";

describe("account link mail", () => {
  const expiresAt = new Date("2026-01-08T00:00:00Z");

  it("invites with who invited, the role, the link and its expiry", () => {
    const mail = accountLinkMail({
      kind: "invitation",
      to: "new@example.org",
      url: "https://factcheck.example.org/invite/abc",
      expiresAt,
      organisation: "The Daily",
      invitedBy: "Ada Admin",
      role: "reviewer",
    });
    expect(mail.to).toBe("new@example.org");
    expect(mail.subject).toBe("You are invited to The Daily on Corroborate");
    expect(mail.text).toContain("Ada Admin invited you to The Daily on Corroborate as reviewer.");
    expect(mail.text).toContain("https://factcheck.example.org/invite/abc");
    expect(mail.text).toContain("Thu, 08 Jan 2026 00:00:00 GMT");
  });

  it("sends a reset link with its expiry", () => {
    const mail = accountLinkMail({
      kind: "reset",
      to: "p@example.org",
      url: "https://x.example/reset-password/abc",
      expiresAt,
      organisation: "The Daily",
    });
    expect(mail.subject).toMatch(/Set your Corroborate password/);
    expect(mail.text).toContain("https://x.example/reset-password/abc");
    expect(mail.text).toMatch(/works once/);
  });
});
