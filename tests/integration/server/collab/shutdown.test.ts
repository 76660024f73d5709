import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readSummaryParagraphs, SUMMARY_FIELD } from "@/lib/story-doc/summary";
import { connectProvider, eventually, synced, TOKEN_SECRET, tokenFor } from "../../collab-harness";
import { freePort } from "../../collab-process";
import { createStory, INTEGRATION_DATABASE_URL, integrationPrisma, storedSummary } from "../../database";

const prisma = integrationPrisma();
afterAll(() => prisma.$disconnect());

describe("the collaboration server process", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("stores an edit made just before %s and exits cleanly", async (signal) => {
    const storyId = await createStory(prisma, ["The CIA has released two videos."]);
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/collab/main.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: INTEGRATION_DATABASE_URL,
        COLLAB_PORT: String(port),
        COLLAB_TOKEN_SECRET: TOKEN_SECRET,
        NEXTAUTH_SECRET: "unused-by-the-collab-server-0123456789abcdef",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => expect(output).toContain("listening"), 15_000);

    const provider = connectProvider(`ws://127.0.0.1:${port}`, storyId, await tokenFor(storyId));
    await synced(provider);
    const text = (provider.doc.getXmlFragment(SUMMARY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, "Last words. ");
    // A second client seeing the edit proves the server holds it (and has appended it to the log); the default
    // compaction (10 s after the last edit) has not run, so only the one on shutdown folds it.
    const witness = connectProvider(`ws://127.0.0.1:${port}`, storyId, await tokenFor(storyId));
    await eventually(() => expect(readSummaryParagraphs(witness.doc)[0]).toMatch(/^Last words\./));
    witness.destroy();

    const exited = once(child, "exit");
    child.kill(signal);
    const [code] = await exited;
    provider.destroy();
    expect(code, output).toBe(0);
    expect(output).toContain(`${signal}: storing the last edits`);

    expect(await storedSummary(prisma, storyId)).toEqual(["Last words. The CIA has released two videos."]);
    expect(await prisma.storyUpdate.count({ where: { storyId } })).toBe(0);
  });
});
