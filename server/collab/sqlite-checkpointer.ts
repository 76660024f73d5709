import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Logger } from "./logger";

/** How often the checkpointer copies what the write-ahead log holds into the database file. */
const CHECKPOINT_EVERY_MS = 100;
/**
 * Frames of write-ahead log (4 KB each) past which a checkpoint also starts the log over and truncates its file.
 * While appends never pause, a passive checkpoint never catches up with the last commit, and SQLite starts the
 * log over only when one has: the log would grow without end. A truncating checkpoint holds back writers while it
 * copies the last frames. (Appending 4 KB rows at 12 MB/s for 6.5 s, the log's file peaked at 39 MB.)
 */
const RESTART_AFTER_FRAMES = 8_192;
/** The longest a truncating checkpoint waits for readers and writers (the log's appends wait for it meanwhile). */
const RESTART_WAIT_MS = 20;

/** The checkpointer's thread: CommonJS, evaluated as it is, so that it runs the same from TypeScript and the bundle. */
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.restartWaitMs });
const timer = setInterval(() => {
  const [{ log }] = db.pragma("wal_checkpoint(PASSIVE)");
  if (log > workerData.restartAfterFrames) db.pragma("wal_checkpoint(TRUNCATE)");
}, workerData.everyMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints an SQLite database in WAL mode from a thread of its own. A checkpoint copies the write-ahead log's
 * pages into the database file and syncs it to disk; SQLite runs one by default on the connection whose commit
 * fills the log past 1,000 pages, so the collaboration server's event loop, which appends on its connection,
 * stopped for every one (at 2,000 typing sockets, 0.8 s of the 2.0 s its commits took in a CPU profile; the
 * typing scenario's p99 in bench/RESULTS.md).
 * The connection that appends turns its own checkpoints off (`wal_autocheckpoint = 0`) while this thread runs, and
 * on again when it fails.
 * @param onFailure called when the thread stops other than by stop(): the caller checkpoints again itself.
 * @returns stop(), which ends the thread and resolves once its connection is closed.
 */
export function startCheckpointer(file: string, log: Logger, onFailure: () => void): { stop(): Promise<void> } {
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve("better-sqlite3"),
      file,
      everyMs: CHECKPOINT_EVERY_MS,
      restartAfterFrames: RESTART_AFTER_FRAMES,
      restartWaitMs: RESTART_WAIT_MS,
    },
  });
  worker.unref();
  let stopping = false;
  let failure: unknown;
  worker.once("error", (error) => (failure = error));
  const exited = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      if (!stopping) {
        log.error("the SQLite checkpointer stopped; the document log checkpoints on its own connection again", failure);
        onFailure();
      }
      resolve();
    }),
  );
  return {
    async stop() {
      stopping = true;
      worker.postMessage("stop");
      await exited;
    },
  };
}
