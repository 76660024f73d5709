// Client threads for the scenarios whose clients would saturate one thread. Each thread runs a share of the
// clients (client-worker.ts); the main thread moves them all through the same steps together: open (connect and
// sync), start (typing or moving cursors), openWindow / closeWindow (what is timed), stop (results), close.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { CursorJob, Step, TypingJob } from "./client-worker";

/** As many client threads as cores less one (the server's), and at least two. */
export const CLIENT_THREADS = Math.max(2, os.cpus().length - 1);

export class ClientThreads {
  private constructor(private readonly workers: Worker[]) {}

  /** Starts one thread per job and waits until every thread's clients have connected and synced. */
  static async open(jobs: ReadonlyArray<TypingJob | CursorJob>): Promise<ClientThreads> {
    const workers = jobs.map(() => new Worker(new URL("./client-thread.mjs", import.meta.url)));
    const threads = new ClientThreads(workers);
    try {
      await Promise.all(workers.map((worker, i) => ask(worker, "open", jobs[i])));
    } catch (error) {
      await threads.terminate();
      throw error;
    }
    return threads;
  }

  /** Moves every thread through `step`; resolves with each thread's answer. */
  all<T = unknown>(step: Step): Promise<T[]> {
    return Promise.all(this.workers.map((worker) => ask(worker, step) as Promise<T>));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function ask(worker: Worker, step: Step | "open", job?: TypingJob | CursorJob): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { step: string; value?: unknown; error?: string }) => {
      if (message.step !== step) return;
      worker.off("message", onMessage);
      worker.off("error", reject);
      if (message.error) reject(new Error(`client thread, step ${step}: ${message.error}`));
      else resolve(message.value);
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
    worker.postMessage({ step, job });
  });
}
