/**
 * Runs once when a Next server process starts (not at build): the retry sweep of webhook deliveries
 * (server/webhooks/webhook-sweep.ts), in the Node.js runtime only.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startWebhookSweep }, { prisma }, { getEnv }] = await Promise.all([
    import("./server/webhooks/webhook-sweep"),
    import("./server/db/prisma"),
    import("./server/env"),
  ]);
  startWebhookSweep(prisma(), { appUrl: getEnv().NEXTAUTH_URL });
}
