import { createServer, connect, type Socket } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { readSummaryParagraphs, SUMMARY_FIELD } from "@/lib/story-doc/summary";
import { CloseCode } from "@/lib/collab/close-codes";
import { signCollabToken } from "@/server/auth/collab-token";
import { syncUpdateMessage } from "@/server/collab/protocol";
import { createRedisRelay } from "@/server/collab/redis-relay";
import type { RelayMessage } from "@/server/collab/relay";
import { closeOfSocket, eventually, openRawSocket, quietLogger, TOKEN_SECRET } from "../../../support/collab-harness";
import {
  killHard,
  reconnectingProvider,
  startCollabProcess,
  type CollabProcess,
} from "../../../support/collab-process";
import { readStoredDraft } from "@/server/stories/queries";
import { createStory, createUser, integrationPrisma, storedSummary } from "../../../support/database";

// Two collaboration processes sharing rooms through Redis (127.0.0.1:6379 unless REDIS_URL says otherwise; .ci/run
// starts it when it is down).
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prisma = integrationPrisma();
afterAll(() => prisma.$disconnect());
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startShared(redisUrl = REDIS_URL): Promise<CollabProcess> {
  const server = await startCollabProcess({ env: { REDIS_URL: redisUrl } });
  cleanups.push(() => server.child.exitCode === null && server.child.signalCode === null && killHard(server));
  expect(server.output()).toContain("sharing rooms through Redis");
  return server;
}

/**
 * A TCP proxy in front of Redis whose connections the test can break, as a network failure or a failover would:
 * all of them (`cut`, until `restore`), or the next connection that sends a command (`dropNext`), before Redis
 * sees it and so between the command and its answer.
 */
async function redisProxy() {
  const target = new URL(REDIS_URL);
  const sockets = new Set<Socket>();
  let open = true;
  let dropOn: string | null = null;
  const proxy = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.on("data", (chunk: Buffer) => {
      if (dropOn !== null && chunk.toString("latin1").toUpperCase().includes(dropOn)) {
        dropOn = null;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => proxy.close(resolve));
  });
  return {
    url: `redis://127.0.0.1:${(proxy.address() as { port: number }).port}`,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      open = true;
    },
    dropNext(command: string) {
      dropOn = `$${command.length}\r\n${command}\r\n`;
    },
  };
}

/** Two relays under a prefix of their own, `a` through `urlOfA` (a proxy, say), `b` straight to Redis. */
async function twoRelays(urlOfA = REDIS_URL) {
  const prefix = `relay-test-${process.pid}-${Date.now()}`;
  const [a, b] = await Promise.all([
    createRedisRelay(urlOfA, quietLogger, prefix),
    createRedisRelay(REDIS_URL, quietLogger, prefix),
  ]);
  cleanups.push(() => Promise.all([a.close(), b.close()]));
  return { a, b, prefix };
}

function text(provider: WebsocketProvider): string {
  return readSummaryParagraphs(provider.doc).join("\n");
}

function firstText(doc: Y.Doc): Y.XmlText | undefined {
  return (doc.getXmlFragment(SUMMARY_FIELD).get(0) as Y.XmlElement | undefined)?.get(0) as Y.XmlText | undefined;
}

/** Who a provider sees present, by name, apart from itself. */
function othersPresent(provider: WebsocketProvider): string[] {
  return [...provider.awareness.getStates()]
    .filter(([clientId]) => clientId !== provider.doc.clientID)
    .map(([, state]) => (state as { user?: { name?: string } }).user?.name ?? "?")
    .sort();
}

describe("the Redis relay", () => {
  it("delivers to a room opened again before Redis has answered the unsubscribe of the room before it", async () => {
    const { a, b } = await twoRelays();
    const received: RelayMessage[] = [];
    // A room unloads (its unsubscribe not yet answered) and the story's next room subscribes at once.
    const leave = await a.subscribe("story-1", () => undefined);
    const left = leave();
    await a.subscribe("story-1", (message) => received.push(message));
    await left;
    b.publish("story-1", { kind: "query" });
    await eventually(() => expect(received).toEqual([{ kind: "query" }]));
  });

  it("subscribes the story's next room anew when a subscribe was lost with the connection", async () => {
    const redis = await redisProxy();
    const { a, b } = await twoRelays(redis.url);
    redis.dropNext("SUBSCRIBE");
    await expect(a.subscribe("story-1", () => undefined)).rejects.toThrow();
    await eventually(() => expect(a.healthy).toBe(true));
    const received: RelayMessage[] = [];
    await a.subscribe("story-1", (message) => received.push(message));
    b.publish("story-1", { kind: "query" });
    await eventually(() => expect(received).toEqual([{ kind: "query" }]));
  });

  it("mutes, then unsubscribes, a listener whose unsubscribe was lost with the connection", async () => {
    const redis = await redisProxy();
    const { a, b, prefix } = await twoRelays(redis.url);
    const leave = await a.subscribe("story-1", () => undefined);
    redis.dropNext("UNSUBSCRIBE");
    await leave();
    const received: RelayMessage[] = [];
    const leaveAgain = await a.subscribe("story-1", (message) => received.push(message));
    b.publish("story-1", { kind: "query" });
    await eventually(() => expect(received).toEqual([{ kind: "query" }]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([{ kind: "query" }]);
    await leaveAgain();
    const { createClient } = await import("redis");
    const plain = createClient({ url: REDIS_URL });
    await plain.connect();
    cleanups.push(() => plain.close());
    const channel = `${prefix}:story:story-1`;
    await eventually(async () => expect(await plain.pubSubNumSub(channel)).toEqual({ [channel]: 0 }));
  });
});

describe("collaboration processes sharing rooms through Redis", () => {
  it(
    "shows editors on two processes each other's text and presence; the clients of a killed process move to the other and lose nothing",
    { timeout: 90_000 },
    async () => {
      const storyId = await createStory(prisma, ["Start."]);
      const a = await startShared();
      const b = await startShared();
      let aAlive = true;
      const maya = reconnectingProvider(
        () => (aAlive ? a.url : b.url),
        storyId,
        await createUser(prisma, "editor", "Maya Chen"),
      );
      const tom = reconnectingProvider(() => b.url, storyId, await createUser(prisma, "editor", "Tom Okafor"));
      cleanups.push(
        () => maya.destroy(),
        () => tom.destroy(),
      );
      maya.awareness.setLocalStateField("user", { name: "Maya", color: "#0a7" });
      tom.awareness.setLocalStateField("user", { name: "Tom", color: "#a07" });
      await eventually(() => expect(maya.synced && tom.synced).toBe(true), 15_000);

      firstText(maya.doc)!.insert(0, "From A. ");
      await eventually(() => expect(text(tom)).toBe("From A. Start."));
      firstText(tom.doc)!.insert(firstText(tom.doc)!.length, " From B.");
      await eventually(() => expect(text(maya)).toBe("From A. Start. From B."));
      // Presence crosses too, with the names the servers stamped from the tokens, not the names the clients wrote.
      await eventually(() => {
        expect(othersPresent(maya)).toEqual(["Tom Okafor"]);
        expect(othersPresent(tom)).toEqual(["Maya Chen"]);
      });

      // Both type; A dies in the middle of it.
      const typed: string[] = [];
      const typing = [maya, tom].map((provider, who) => {
        let n = 0;
        return setInterval(() => {
          const marker = `«${who === 0 ? "maya" : "tom"}:${n++}»`;
          firstText(provider.doc)!.insert(n % 2 === 0 ? 0 : firstText(provider.doc)!.length, marker);
          typed.push(marker);
        }, 20);
      });
      cleanups.push(() => typing.forEach((timer) => clearInterval(timer)));
      await new Promise((resolve) => setTimeout(resolve, 500));
      aAlive = false;
      await killHard(a);
      await new Promise((resolve) => setTimeout(resolve, 500));
      typing.forEach((timer) => clearInterval(timer));

      await eventually(async () => {
        expect(maya.synced).toBe(true);
        expect(text(maya)).toBe(text(tom));
        const markers = text(maya).match(/«[a-z]+:\d+»/g) ?? [];
        expect(markers.sort()).toEqual([...typed].sort());
        expect((await storedSummary(prisma, storyId)).join("\n")).toBe(text(tom));
      }, 20_000);
      await eventually(() => expect(othersPresent(tom)).toEqual(["Maya Chen"]));

      // A process that opens the room later (a restart, a new instance) loads the same from the log.
      const c = await startShared();
      const rosa = reconnectingProvider(() => c.url, storyId, await createUser(prisma, "editor", "Rosa Diaz"));
      cleanups.push(() => rosa.destroy());
      await eventually(() => expect(rosa.synced && text(rosa) === text(tom)).toBe(true), 15_000);
    },
  );

  it(
    "refuses, on one process, a write under a Yjs client id that a person on the other process owns",
    { timeout: 60_000 },
    async () => {
      const storyId = await createStory(prisma, ["Start."]);
      const a = await startShared();
      const b = await startShared();
      const maya = reconnectingProvider(() => a.url, storyId, await createUser(prisma, "editor", "Maya Chen"));
      cleanups.push(() => maya.destroy());
      await eventually(() => expect(maya.synced).toBe(true), 15_000);
      firstText(maya.doc)!.insert(0, "Mine. ");

      await eventually(async () => expect((await storedSummary(prisma, storyId)).join("\n")).toBe("Mine. Start."));

      // Mallory, on the other process (whose room she opens), sends a raw update under Maya's client id.
      const mallory = await createUser(prisma, "editor", "Mallory");
      const forger = await readStoredDraft(prisma, storyId);
      const before = Y.encodeStateVector(forger);
      forger.clientID = maya.doc.clientID;
      firstText(forger)!.insert(0, "Forged. ");
      const token = await signCollabToken(
        { userId: mallory.id, name: mallory.name, role: "editor", storyId },
        TOKEN_SECRET,
        60,
      );
      const attacker = await openRawSocket(b.url, storyId, token);
      const closed = closeOfSocket(attacker);
      attacker.send(syncUpdateMessage(Y.encodeStateAsUpdate(forger, before)));
      const notClosed = new Promise((resolve) => setTimeout(() => resolve("still open after 5 s"), 5_000));
      expect(await Promise.race([closed, notClosed])).toMatchObject({
        code: CloseCode.BadMessage,
        reason: expect.stringContaining("client id") as unknown as string,
      });
      firstText(maya.doc)!.insert(0, "Still mine. ");
      await eventually(async () =>
        expect((await storedSummary(prisma, storyId)).join("\n")).toBe("Still mine. Mine. Start."),
      );
      expect(text(maya)).toBe("Still mine. Mine. Start.");
    },
  );

  it(
    "tells /healthz when Redis is out of reach, and catches up from the log on what it missed when it is back",
    { timeout: 60_000 },
    async () => {
      const storyId = await createStory(prisma, ["Start."]);
      const redis = await redisProxy();
      const a = await startShared();
      const b = await startShared(redis.url);
      const maya = reconnectingProvider(() => a.url, storyId, await createUser(prisma, "editor", "Maya Chen"));
      const tom = reconnectingProvider(() => b.url, storyId, await createUser(prisma, "editor", "Tom Okafor"));
      cleanups.push(
        () => maya.destroy(),
        () => tom.destroy(),
      );
      await eventually(() => expect(maya.synced && tom.synced).toBe(true), 15_000);
      firstText(maya.doc)!.insert(0, "Before. ");
      await eventually(() => expect(text(tom)).toBe("Before. Start."));

      redis.cut();
      const health = async () => (await fetch(`http://127.0.0.1:${b.port}/healthz`)).status;
      await eventually(async () => expect(await health()).toBe(503));
      // Published while B is cut off: B never receives it through Redis.
      firstText(maya.doc)!.insert(0, "During. ");
      await eventually(async () => expect((await storedSummary(prisma, storyId))[0]).toBe("During. Before. Start."));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(text(tom)).toBe("Before. Start.");

      redis.restore();
      await eventually(() => expect(text(tom)).toBe("During. Before. Start."), 15_000);
      await eventually(async () => expect(await health()).toBe(200));
      firstText(maya.doc)!.insert(0, "After. ");
      await eventually(() => expect(text(tom)).toBe("After. During. Before. Start."));
    },
  );
});
