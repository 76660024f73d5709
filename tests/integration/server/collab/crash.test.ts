import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { readSummaryParagraphs, SUMMARY_FIELD } from "@/lib/story-doc/summary";
import { eventually } from "../../../support/collab-harness";
import {
  freePort,
  killHard,
  reconnectingProvider,
  startCollabProcess,
  type CollabProcess,
} from "../../../support/collab-process";
import { createStory, createUser, integrationPrisma, storedSummary } from "../../../support/database";

const prisma = integrationPrisma();
afterAll(() => prisma.$disconnect());

const ROUNDS = 20;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The markers («who:n») in a text, in order. */
function markers(text: string): string[] {
  return text.match(/«[a-z]+:\d+»/g) ?? [];
}

/**
 * A person typing: every 20 ms a marker «name:n» at the start or the end of the first paragraph (never inside
 * another's marker), connected or not, as someone keeps typing through a server's restart.
 */
function typist(name: string, provider: WebsocketProvider) {
  let typed = 0;
  const timer = setInterval(() => {
    const paragraph = provider.doc.getXmlFragment(SUMMARY_FIELD).get(0) as Y.XmlElement | undefined;
    const text = paragraph?.get(0) as Y.XmlText | undefined;
    if (!text) return; // not synced once yet
    text.insert(typed % 2 === 0 ? 0 : text.length, `«${name}:${typed++}»`);
  }, 20);
  return {
    name,
    provider,
    stop: () => clearInterval(timer),
    typed: () => Array.from({ length: typed }, (_, n) => `«${name}:${n}»`),
    /** The markers of the others this client has received. */
    received: () =>
      markers(readSummaryParagraphs(provider.doc).join("\n")).filter((marker) => !marker.startsWith(`«${name}:`)),
  };
}

describe("the collaboration process killed with SIGKILL", () => {
  it(
    `loses no edit that another client had received, ${ROUNDS} times in a row, and the clients converge`,
    { timeout: 240_000 },
    async () => {
      const storyId = await createStory(prisma, ["Start."]);
      const port = await freePort();
      const url = `ws://127.0.0.1:${port}`;
      let server: CollabProcess | null = await startCollabProcess({ port });
      cleanups.push(() => server && killHard(server));
      const closes: string[] = [];
      const people = await Promise.all(["ana", "ben", "cleo"].map((name) => createUser(prisma, "editor", name)));
      const typists = people.map(({ id, name }) => {
        const provider = reconnectingProvider(() => url, storyId, { id, name });
        provider.on(
          "connection-close",
          (event: CloseEvent | null) =>
            event && event.code !== 1006 && closes.push(`${name}: ${event.code} ${event.reason}`),
        );
        cleanups.push(() => provider.destroy());
        return typist(name, provider);
      });
      cleanups.push(() => typists.forEach((person) => person.stop()));

      for (let round = 0; round < ROUNDS; round++) {
        await eventually(() => expect(typists.every((person) => person.provider.synced)).toBe(true), 15_000);
        await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 350));
        const received = new Set(typists.flatMap((person) => person.received()));
        await killHard(server!);
        server = null;
        const stored = new Set(markers((await storedSummary(prisma, storyId)).join("\n")));
        const lost = [...received].filter((marker) => !stored.has(marker));
        expect(lost, `round ${round}: received by another client but not in the database`).toEqual([]);
        expect(received.size).toBeGreaterThan(0);
        server = await startCollabProcess({ port });
      }

      for (const person of typists) person.stop();
      const typed = typists.flatMap((person) => person.typed());
      await eventually(async () => {
        const texts = typists.map((person) => readSummaryParagraphs(person.provider.doc).join("\n"));
        for (const text of texts) expect(text).toBe(texts[0]);
        expect((await storedSummary(prisma, storyId)).join("\n")).toBe(texts[0]);
        // Every marker anyone typed is there once: what was typed while the server was down was sent on reconnecting.
        expect(markers(texts[0]!).sort()).toEqual([...typed].sort());
      }, 20_000).catch((error: unknown) => {
        throw new Error(`${String(error)}\ncloses: ${closes.join("; ")}\nserver: ${server?.output().slice(-3000)}`);
      });
    },
  );
});
