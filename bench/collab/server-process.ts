// Starts a server in a child process and talks to it over IPC: ours compiled and run by plain Node, as `npm start`
// and `npm run collab` run it (scripts/build-collab.ts), the stock one in plain Node, as its bin runs; both with --expose-gc, so that memory is read after full collections. Every child this module starts is killed when the bench exits, however it exits.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildCollab, COLLAB_ENV, COLLAB_NODE_OPTIONS } from "../../scripts/build-collab";
import type { MemorySample, Request } from "./child";

export type ServerKind = "stock" | "corroborate";

export const SERVER_NAMES: Record<ServerKind, string> = {
  stock: "stock @y/websocket-server",
  corroborate: "Corroborate",
};

let compiled: Promise<string> | null = null;
const ENTRY: Record<ServerKind, () => Promise<string>> = {
  stock: async () => path.join(import.meta.dirname, "stock-server.mjs"),
  corroborate: () =>
    (compiled ??= buildCollab(
      path.join(import.meta.dirname, "corroborate-server.ts"),
      path.join(import.meta.dirname, "..", ".tmp", "corroborate-server.mjs"),
    )),
};

const running = new Set<ChildProcess>();
const killAll = () => {
  for (const child of running) child.kill("SIGKILL");
};
process.on("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

export interface ServerProcess {
  kind: ServerKind;
  /** ws://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Memory after two full collections in the child. */
  memory(): Promise<MemorySample>;
  /** The child's CPU time so far (µs, user and system). */
  cpu(): Promise<NodeJS.CpuUsage>;
  /** The delay of the child's event loop (ms) since the last call, sampled every millisecond. */
  loopDelay(): Promise<{ p50: number; p99: number; max: number }>;
  stats(): Promise<Record<string, number>>;
  /** Writes a heap snapshot of the child to `file`. */
  snapshot(file: string): Promise<string>;
  /** Stops the server as its process would on SIGTERM (ours stores every open room), and waits for the child to exit. */
  stop(): Promise<void>;
}

const words = (value: string | undefined) => value?.split(" ").filter(Boolean) ?? [];

/** Starts a server of `kind` in a child process; resolves once it listens. */
export async function startServer(kind: ServerKind, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = fork(await ENTRY[kind](), [], {
    // BENCH_SERVER_ARGS adds Node options to both servers, e.g. "--cpu-prof --cpu-prof-dir=bench/.tmp" for profiles;
    // BENCH_CORROBORATE_ARGS to ours only, e.g. "--optimize-for-size" (docs/DEPLOY.md). Ours with the options it
    // runs with in production, and its environment (scripts/build-collab.ts), the stock server as its bin runs.
    execArgv: [
      "--expose-gc",
      ...(kind === "corroborate" ? [...COLLAB_NODE_OPTIONS, ...words(process.env.BENCH_CORROBORATE_ARGS)] : []),
      ...words(process.env.BENCH_SERVER_ARGS),
    ],
    env: { ...(kind === "corroborate" ? COLLAB_ENV : {}), ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => running.delete(child));
  let nextId = 0;
  const pending = new Map<number, (value: unknown) => void>();
  const ask = <T>(type: Request["type"], extra: Record<string, unknown> = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, resolve as (value: unknown) => void);
      child.send({ id, type, ...extra });
      void exited.then(() => {
        if (pending.delete(id) && type !== "stop") reject(new Error(`the ${kind} server exited`));
        else resolve(null as T);
      });
    });
  return new Promise((resolve, reject) => {
    void exited.then(() => reject(new Error(`the ${kind} server exited before it listened`)));
    child.on("message", (message: { type?: string; port?: number; id?: number; value?: unknown }) => {
      if (message.type === "listening") {
        resolve({
          kind,
          url: `ws://127.0.0.1:${message.port}`,
          pid: child.pid ?? -1,
          memory: () => ask("memory"),
          cpu: () => ask("cpu"),
          loopDelay: () => ask("loop"),
          stats: () => ask("stats"),
          snapshot: (file) => ask("snapshot", { path: file }),
          async stop() {
            const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
            await ask("stop").catch(() => undefined);
            await exited;
            clearTimeout(timer);
          },
        });
        return;
      }
      if (message.id !== undefined) {
        const settle = pending.get(message.id);
        pending.delete(message.id);
        settle?.(message.value);
      }
    });
  });
}
