import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { signCollabToken } from "@/server/auth/collab-token";
import { eventually, TOKEN_SECRET } from "./collab-harness";
import { INTEGRATION_DATABASE_URL } from "./database";

// The collaboration server as its own process (server/collab/main.ts), for what only a real process shows:
// signals, kill -9, several processes sharing rooms through Redis.

/** Every process started here, killed when the test worker exits, even after a test that timed out. */
const started = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of started) child.kill("SIGKILL");
});

/** A port no one listens on now, from the system: a random one collided with the system's outgoing connections. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0);
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

export interface CollabProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/**
 * Starts `npm run collab` on the integration database and resolves once it listens. Its internal endpoints get a
 * free port of their own (not COLLAB_PORT + 1, which something else may hold).
 */
export async function startCollabProcess(
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<CollabProcess> {
  const port = options.port ?? (await freePort());
  const internalPort = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/collab/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: INTEGRATION_DATABASE_URL,
      COLLAB_PORT: String(port),
      COLLAB_INTERNAL_PORT: String(internalPort),
      COLLAB_TOKEN_SECRET: TOKEN_SECRET,
      NEXTAUTH_SECRET: "unused-by-the-collab-server-0123456789abcdef",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  child.once("exit", () => started.delete(child));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  await eventually(() => {
    if (child.exitCode !== null) throw new Error(`the collaboration process exited: ${output}`);
    if (!output.includes("listening")) throw new Error(`not listening yet: ${output}`);
  }, 20_000);
  return { child, port, url: `ws://127.0.0.1:${port}`, output: () => output, exited };
}

/** Kills a process with SIGKILL and waits until it is gone. */
export async function killHard(process: CollabProcess): Promise<void> {
  process.child.kill("SIGKILL");
  await process.exited;
}

/**
 * A stock y-websocket client that reconnects as the app does (use-story-collab.ts): collaboration tokens are
 * single-use, so each attempt gets a fresh one; `servers` returns where to try next (another process once one
 * is gone).
 */
export function reconnectingProvider(
  servers: () => string,
  storyId: string,
  user: { id: string; name: string },
  doc = new Y.Doc(),
): WebsocketProvider {
  const sign = () => signCollabToken({ userId: user.id, name: user.name, role: "editor", storyId }, TOKEN_SECRET, 60);
  let next = sign();
  const provider = new WebsocketProvider(servers(), storyId, doc, {
    connect: false,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const prepare = async () => {
    provider.params = { token: await next };
    provider.serverUrl = servers();
    next = sign();
  };
  // The provider waits at least 200 ms before it tries again: time enough to sign the next token.
  provider.on("connection-close", () => void prepare());
  void prepare().then(() => provider.connect());
  return provider;
}
