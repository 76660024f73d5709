// The server side of the bench's child processes: one server per process, so that its memory is its own. The
// parent (server-process.ts) asks over IPC for memory after a full collection, CPU time and the server's own
// counts, and stops it; a child whose parent is gone exits.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { writeHeapSnapshot } from "node:v8";

/** What the parent may ask a child. */
export type Request =
  { id: number; type: "memory" | "cpu" | "loop" | "stats" | "stop" } | { id: number; type: "snapshot"; path: string };

/** A child's memory after two full collections (process.memoryUsage, bytes). */
export interface MemorySample {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface ChildServer {
  port: number;
  /** The server's own counts (rooms, sockets, log lines). */
  stats(): Record<string, number>;
  /** Closes the server as its process would on SIGTERM. */
  stop(): Promise<void>;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("start the child with --expose-gc");
  gc();
  gc();
}

/** Tells the parent the server listens, then answers its requests until it says stop. */
export function serveParent(server: ChildServer): void {
  const send = (message: unknown) => process.send?.(message);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  process.on("disconnect", () => process.exit(0));
  process.on("message", (request: Request) => {
    void (async () => {
      switch (request.type) {
        case "memory": {
          collect();
          const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
          send({ id: request.id, value: { rss, heapTotal, heapUsed, external, arrayBuffers } satisfies MemorySample });
          return;
        }
        case "cpu":
          send({ id: request.id, value: process.cpuUsage() });
          return;
        case "loop":
          // The event loop's delay since the last reading (ms), then a fresh start.
          send({
            id: request.id,
            value: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
          });
          loop.reset();
          return;
        case "stats":
          send({ id: request.id, value: server.stats() });
          return;
        case "snapshot":
          collect();
          send({ id: request.id, value: writeHeapSnapshot(request.path) });
          return;
        case "stop":
          await server.stop();
          send({ id: request.id, value: null });
          process.exit(0);
      }
    })().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
  send({ type: "listening", port: server.port });
}
