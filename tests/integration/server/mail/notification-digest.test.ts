import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "@/server/mail/mailer";
import { sendDueDigests } from "@/server/notifications/mail-digest";
import { notifyEvent } from "@/server/notifications/notify-event";
import { unsubscribe } from "@/server/notifications/preferences";
import { createStory, createUser, integrationPrisma } from "../../../support/database";
import { startSmtpServer, type TestSmtpServer } from "../../../support/smtp-server";

const prisma = integrationPrisma();
let smtp: TestSmtpServer;
const SECRET = "integration-nextauth-secret-0123456789";

// A real SMTP server on a free port, anyone may send.
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await prisma.$disconnect();
});

/** Maya assigns `count` claims to `assignee` now (audit events and their notifications, as assignClaim writes them). */
async function assignMany(actorId: string, assigneeId: string, storyId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const row = await prisma.auditEvent.create({
      data: { storyId, actorId, action: "claim.assigned", subject: `claim-${i}`, data: JSON.stringify({ assigneeId }) },
    });
    await notifyEvent(prisma, row);
  }
}

describe("notification e-mail", () => {
  it("gathers what arrives together into one digest, with an unsubscribe link per kind that stops that kind", async () => {
    const maya = await createUser(prisma, "editor", "Maya Chen");
    const tom = await createUser(prisma, "editor", "Tom Okafor");
    const storyId = await createStory(prisma, ["The CIA released two videos."]);
    await assignMany(maya.id, tom.id, storyId, 3);
    const mailer = createMailer(`smtp://127.0.0.1:${smtp.port}`, "Corroborate <corroborate@example.org>")!;
    const options = {
      appUrl: "https://factcheck.example.org",
      secret: SECRET,
      organisation: "The Daily",
      gatherMs: 60_000,
    };

    // Still gathering: nothing is mailed yet.
    await sendDueDigests(prisma, mailer, options);
    const tomAddress = (await prisma.user.findUniqueOrThrow({ where: { id: tom.id } })).email;
    const forTom = () => smtp.received.filter((message) => message.envelopeTo.includes(tomAddress));
    expect(forTom()).toHaveLength(0);

    const later = () => new Date(Date.now() + 61_000);
    await sendDueDigests(prisma, mailer, { ...options, now: later });
    expect(forTom()).toHaveLength(1);
    const [digest] = forTom();
    expect(digest?.mail.subject).toBe("3 notifications from The Daily on Corroborate");
    const text = digest?.mail.text ?? "";
    expect(text.match(/Maya Chen assigned a claim to you/g)).toHaveLength(3);
    expect(text).toContain("https://factcheck.example.org/stories/");
    expect(text).toContain("edit?claim=claim-0");
    const link = text.match(/Stop e-mail for “A claim or a story's review is assigned to me”: (\S+)/)?.[1];
    expect(link).toBeDefined();

    // Mailed once only.
    await sendDueDigests(prisma, mailer, { ...options, now: later });
    expect(forTom()).toHaveLength(1);

    // The link stops e-mail of that kind; the bell still counts them.
    const params = new URL(link!).searchParams;
    await expect(unsubscribe(prisma, SECRET, { u: maya.id, k: "assigned", s: params.get("s")! })).rejects.toThrow(
      "not valid",
    );
    await unsubscribe(prisma, SECRET, { u: params.get("u")!, k: "assigned", s: params.get("s")! });
    await assignMany(maya.id, tom.id, storyId, 1);
    await sendDueDigests(prisma, mailer, { ...options, now: later });
    expect(forTom()).toHaveLength(1);
    expect(await prisma.notification.count({ where: { recipientId: tom.id, readAt: null } })).toBe(4);
  });
});
