import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Role } from "@/lib/auth/roles";
import { signCollabToken } from "@/server/auth/collab-token";
import { createCollabServer, type CollabServer, type CollabServerOptions } from "@/server/collab/index";
import type { Logger } from "@/server/collab/logger";
import { afterEach, beforeEach } from "vitest";
import { createCollabClient, type CollabClient } from "@/server/collab/collab-client";
import type { Persistence } from "@/server/collab/persistence";
import type { PrismaClient } from "@/server/db/create-prisma";
import { integrationPersistence } from "./database";

export const TOKEN_SECRET = "integration-secret-0123456789-abcdefghijklmnop";

export const quietLogger: Logger = { info() {}, warn() {}, error() {} };

/** A collaboration server on a free port, and its internal endpoints on another; `internalUrl` is theirs (http). */
export async function startServer(
  persistence: Persistence,
  options: Partial<CollabServerOptions> = {},
): Promise<{ server: CollabServer; url: string; internalUrl: string }> {
  const server = createCollabServer({
    persistence,
    tokenSecret: TOKEN_SECRET,
    log: quietLogger,
    // Compacted soon after each edit, so that the tests exercise compaction as well as the log.
    compactDelayMs: 50,
    unloadDelayMs: 0,
    // Most tests connect people who are not in the database; the revocation tests set their own interval.
    accessCheckIntervalMs: 60_000,
    ...options,
  });
  const port = await server.listen(0, "127.0.0.1");
  const internalPort = await server.listenInternal(0, "127.0.0.1");
  return { server, url: `ws://127.0.0.1:${port}`, internalUrl: `http://127.0.0.1:${internalPort}` };
}

/** The collaboration server of the running test (serveEachTest) and what its tests pass to the server code. */
export interface ServedEachTest {
  readonly prisma: PrismaClient;
  readonly cleanups: Array<() => unknown>;
  /** A client for its internal endpoints. */
  readonly collab: CollabClient;
  /** Its WebSocket address. */
  readonly wsUrl: string;
}

/**
 * Before each test, a collaboration server on the integration database; after each test, `cleanups` run newest
 * first (the server's close among them). The handle reads the running test's server.
 */
export function serveEachTest(prisma: PrismaClient, cleanups: Array<() => unknown>): ServedEachTest {
  let current: { url: string; collab: CollabClient } | null = null;
  const running = () => {
    if (!current) throw new Error("no collaboration server outside a test");
    return current;
  };
  beforeEach(async () => {
    const persistence = await integrationPersistence(prisma);
    const { server, url, internalUrl } = await startServer(persistence);
    cleanups.push(
      () => persistence.close(),
      () => server.close(),
      () => (current = null),
    );
    current = { url, collab: createCollabClient(internalUrl, TOKEN_SECRET) };
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    prisma,
    cleanups,
    get collab() {
      return running().collab;
    },
    get wsUrl() {
      return running().url;
    },
  };
}

/** A user's stock y-websocket client on a story, synced; `cleanups` destroys it after the test. */
export async function openAs(
  url: string,
  user: { id: string; name: string; role: Role },
  storyId: string,
  cleanups: Array<() => unknown>,
): Promise<WebsocketProvider> {
  const token = await signCollabToken({ userId: user.id, name: user.name, role: user.role, storyId }, TOKEN_SECRET, 60);
  const provider = connectProvider(url, storyId, token);
  cleanups.push(() => provider.destroy());
  await synced(provider);
  return provider;
}

let userCounter = 0;

/** A collaboration token for a fresh user. */
export function tokenFor(storyId: string, role: Role = "editor", name = `User ${++userCounter}`): Promise<string> {
  return signCollabToken({ userId: `user-${name}`, name, role, storyId }, TOKEN_SECRET, 60);
}

/** The stock y-websocket client, as the browser uses it, in Node. */
export function connectProvider(url: string, storyId: string, token: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(url, storyId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

/** Resolves when a provider has synced with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off("sync", onSync);
      resolve();
    };
    provider.on("sync", onSync);
  });
}

/** Resolves with the code and reason of the next close of a provider's socket by the server. */
export function closedBy(provider: WebsocketProvider): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const onClose = (event: CloseEvent | null) => {
      if (!event) return;
      provider.off("connection-close", onClose);
      resolve({ code: event.code, reason: event.reason });
    };
    provider.on("connection-close", onClose);
  });
}

/** A raw socket (no Yjs client behind it) on a story, open; the script of an attacker with a valid token. */
export function openRawSocket(url: string, storyId: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url}/${storyId}?token=${token}`);
    socket.binaryType = "arraybuffer";
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Resolves with how the server closed a raw socket. */
export function closeOfSocket(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** Opens a raw socket and resolves with how the server closed it. */
export function closeOf(url: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on("error", reject);
  });
}

/** Polls until `check` stops throwing (or rethrows its last error after `timeoutMs`). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
