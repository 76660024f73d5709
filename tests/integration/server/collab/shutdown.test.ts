import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readSummaryParagraphs, SUMMARY_FIELD } from "@/lib/story-doc/summary";
import { connectProvider, eventually, synced, tokenFor } from "../../../support/collab-harness";
import { startCollabProcess } from "../../../support/collab-process";
import { createStory, INTEGRATION_PROVIDER, integrationPrisma, storedSummary } from "../../../support/database";

const prisma = integrationPrisma();
afterAll(() => prisma.$disconnect());

/** The first paragraph's text of a provider's document. */
function firstText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(SUMMARY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/**
 * Holds the database's lock on the log from another connection, as a long migration or a stuck transaction
 * would, until the returned function is called: appends wait (PostgreSQL) or fail busy (SQLite).
 */
async function holdTheLog(storyId: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const transaction = prisma.$transaction(
    async (tx) => {
      if (INTEGRATION_PROVIDER === "postgresql")
        await tx.$executeRawUnsafe(`LOCK TABLE "StoryUpdate" IN EXCLUSIVE MODE`);
      else await tx.story.update({ where: { id: storyId }, data: { title: "held" } });
      locked();
      await released;
    },
    { timeout: 120_000 },
  );
  await isLocked;
  return async () => {
    release();
    await transaction;
  };
}

describe("the collaboration server process", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("stores an edit made just before %s and exits cleanly", async (signal) => {
    const storyId = await createStory(prisma, ["The CIA has released two videos."]);
    const server = await startCollabProcess();
    const provider = connectProvider(server.url, storyId, await tokenFor(storyId));
    await synced(provider);
    firstText(provider.doc).insert(0, "Last words. ");
    // A second client seeing the edit proves the server holds it (and has appended it to the log); the default
    // compaction (10 s after the last edit) has not run, so only the one on shutdown folds it.
    const witness = connectProvider(server.url, storyId, await tokenFor(storyId));
    await eventually(() => expect(readSummaryParagraphs(witness.doc)[0]).toMatch(/^Last words\./));
    witness.destroy();

    server.child.kill(signal);
    const code = await server.exited;
    provider.destroy();
    expect(code, server.output()).toBe(0);
    expect(server.output()).toContain(`${signal}: storing the last edits`);

    expect(await storedSummary(prisma, storyId)).toEqual(["Last words. The CIA has released two videos."]);
    expect(await prisma.storyUpdate.count({ where: { storyId } })).toBe(0);
  });

  it(
    "reports in /healthz an edit the database will not take, and exits 1 when a stop cannot store it",
    { timeout: 90_000 },
    async () => {
      const storyId = await createStory(prisma, ["The CIA has released two videos."]);
      const server = await startCollabProcess({ env: { COLLAB_SHUTDOWN_TIMEOUT: "2" } });
      const health = async () => (await fetch(`http://127.0.0.1:${server.port}/healthz`)).status;
      const provider = connectProvider(server.url, storyId, await tokenFor(storyId));
      try {
        await synced(provider);
        expect(await health()).toBe(200);
        const release = await holdTheLog(storyId);
        try {
          firstText(provider.doc).insert(0, "Held off. ");
          await eventually(async () => expect(await health()).toBe(503), 30_000);
          server.child.kill("SIGTERM");
          expect(await server.exited, server.output()).toBe(1);
          expect(server.output()).toContain("shutdown could not store every edit");
        } finally {
          await release();
        }
      } finally {
        provider.destroy();
        server.child.kill("SIGKILL");
      }
    },
  );
});
