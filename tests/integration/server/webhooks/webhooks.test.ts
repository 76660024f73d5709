import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { RequestError } from "@/server/http/request-error";
import { announceEvent } from "@/server/notifications/announce-event";
import { decideClaim } from "@/server/review/decide-claim";
import { attemptDelivery, deliverDue } from "@/server/webhooks/deliver-webhooks";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "@/server/webhooks/webhook-signature";
import { listWebhooks, registerWebhook } from "@/server/webhooks/webhooks";
import { eventually, serveEachTest } from "../../../support/collab-harness";
import { createUser, INTEGRATION_DATABASE_URL, integrationPrisma } from "../../../support/database";
import { currentHash, storyWithClaim } from "../../../support/review-story";

// announceEvent reads the site's address from the validated environment of a process.
process.env.DATABASE_URL ??= INTEGRATION_DATABASE_URL;
process.env.NEXTAUTH_SECRET ??= "integration-nextauth-secret-0123456789";
process.env.COLLAB_TOKEN_SECRET ??= "integration-collab-secret-0123456789";

const prisma = integrationPrisma();
const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());

interface Received {
  headers: IncomingMessage["headers"];
  body: string;
}

/** A real receiver on a free port that answers each POST with the next of `statuses` (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]!).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const receivers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
  await prisma.webhook.deleteMany();
});

const OPTIONS = { appUrl: "http://localhost:3000", backoffMs: () => 0 };

describe("webhooks", () => {
  it("delivers a rejection, signed, to a receiver that asked for it, which verifies the signature", async () => {
    const admin = await createUser(prisma, "admin");
    const maya = await createUser(prisma, "editor", "Maya");
    const rosa = await createUser(prisma, "reviewer", "Rosa");
    const hook = await receiver([200]);
    receivers.push(hook);
    const { secret } = await registerWebhook(prisma, admin, { url: hook.url, events: ["claim.rejected"] });
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    await decideClaim(served, rosa, storyId, "claim-1", {
      decision: "rejected",
      reason: "One video only.",
      claimHash: await currentHash(served, storyId),
    });
    // decideClaim announced the event: its delivery was attempted at once (or by the sweep, here deliverDue).
    // Other test files may decide claims on this database meanwhile: only this story's deliveries count.
    const ours = () => hook.received.filter((received) => JSON.parse(received.body).story?.id === storyId);
    await eventually(async () => {
      await deliverDue(prisma, OPTIONS);
      expect(ours()).toHaveLength(1);
    });
    const [delivery] = ours();
    expect(verifyWebhookSignature(secret, String(delivery!.headers[SIGNATURE_HEADER]), delivery!.body)).toBe(true);
    expect(verifyWebhookSignature("whsec_wrong", String(delivery!.headers[SIGNATURE_HEADER]), delivery!.body)).toBe(
      false,
    );
    expect(JSON.parse(delivery!.body)).toMatchObject({
      type: "claim.rejected",
      actor: { id: rosa.id, name: "Rosa" },
      story: { id: storyId },
      subject: "claim-1",
      reason: "One video only.",
      text: expect.stringMatching(/^Rosa rejected a claim in “.+”: One video only\.$/),
    });
    await eventually(async () =>
      expect((await listWebhooks(prisma))[0]?.deliveries).toContainEqual(
        expect.objectContaining({ action: "claim.rejected", status: "delivered", attempts: 1, responseStatus: 200 }),
      ),
    );
  });

  it("tries again after a 500, with backoff, logs each status, and gives up after the last attempt", async () => {
    const admin = await createUser(prisma, "admin");
    const flaky = await receiver([500, 200]);
    const down = await receiver([500]);
    receivers.push(flaky, down);
    const flakyHook = await registerWebhook(prisma, admin, {
      url: flaky.url,
      events: ["user.role_changed"],
      format: "slack",
    });
    await registerWebhook(prisma, admin, { url: down.url, events: ["user.role_changed"] });
    const event = await prisma.auditEvent.create({
      data: {
        actorId: admin.id,
        action: "user.role_changed",
        subject: admin.id,
        data: '{"from":"editor","to":"admin"}',
      },
    });
    // Queued only; the attempts below are the test's, with a clock it moves.
    let now = new Date();
    const options = { appUrl: "http://localhost:3000", now: () => now, maxAttempts: 3 };
    await announceEvent(prisma, event, { error() {} });
    const deliveries = await prisma.webhookDelivery.findMany({ where: { eventId: event.id } });
    expect(deliveries).toHaveLength(2);
    await eventually(async () =>
      expect(await prisma.webhookDelivery.count({ where: { eventId: event.id, attempts: 1 } })).toBe(2),
    );
    expect(flaky.received).toHaveLength(1);
    // Not due yet: the backoff holds the retry.
    const [retried, stuck] = [
      deliveries.find((delivery) => delivery.webhookId === flakyHook.id)!,
      deliveries.find((delivery) => delivery.webhookId !== flakyHook.id)!,
    ];
    expect(await attemptDelivery(prisma, retried.id, options)).toBeNull();
    now = new Date(Date.now() + 11_000);
    expect(await attemptDelivery(prisma, retried.id, options)).toBe("delivered");
    expect(await attemptDelivery(prisma, stuck.id, options)).toBe("pending");
    const bodies = flaky.received.map((received) => JSON.parse(received.body) as { text: string });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual({ text: expect.stringContaining("changed a person's role") });
    const [hook] = (await listWebhooks(prisma)).filter((webhook) => webhook.id === flakyHook.id);
    expect(hook?.deliveries[0]).toMatchObject({ status: "delivered", attempts: 2, responseStatus: 200, error: null });
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({
      status: "pending",
      attempts: 2,
      responseStatus: 500,
      error: "HTTP 500",
    });
    now = new Date(Date.now() + 3_600_000);
    expect(await attemptDelivery(prisma, stuck.id, options)).toBe("failed");
    expect(down.received).toHaveLength(3);
  });

  it("is for admins, and refuses an address that is not http(s) or an unknown event", async () => {
    const editor = await createUser(prisma, "editor");
    const admin = await createUser(prisma, "admin");
    await expect(
      registerWebhook(prisma, editor, { url: "https://x.example", events: ["story.published"] }),
    ).rejects.toThrow(RequestError);
    await expect(
      registerWebhook(prisma, admin, { url: "ftp://x.example", events: ["story.published"] }),
    ).rejects.toThrow("http or https");
    await expect(
      registerWebhook(prisma, admin, { url: "https://x.example", events: ["story.deleted"] }),
    ).rejects.toThrow("Unknown event");
  });
});
