// One client thread of the bench (started by client-threads.ts): it holds a share of the raw protocol clients of
// the typing or the cursor scenario, so that the clients are not the bottleneck of what they measure (one thread
// of 50 stock providers at 10 Hz, or of 2,000 typing Y.Docs, needs about a full core). It answers the main
// thread's steps one at a time; see client-threads.ts for the protocol.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import * as Y from "yjs";
import { roomUrl } from "./database";
import { KeystrokeLatency } from "./latency";
import { openMany, RawClient } from "./raw-client";
import { random } from "../seeded-random";
import { Caret, paragraphCount, summaryLength } from "./story-text";

/**
 * A share of the typing scenario: whole documents, each with its sockets. The first `typists` sockets of a document
 * type, the next `watchers` apply what they receive and are timed, the rest are passive once synced.
 */
export interface TypingJob {
  kind: "typing";
  baseUrl: string;
  seed: number;
  documents: Array<{
    storyId: string;
    typists: number;
    watchers: number;
    sockets: Array<{ token: string; presence: Record<string, unknown> }>;
  }>;
}

/** A share of the editors of the cursor scenario, all on one document, each with its presence state. */
export interface CursorJob {
  kind: "cursors";
  baseUrl: string;
  seed: number;
  storyId: string;
  editors: Array<{ token: string; presence: Record<string, unknown> }>;
}

export type Step = "start" | "openWindow" | "closeWindow" | "stop" | "close";

export interface TypingOutcome {
  samples: number[];
  /** When each sample's keystroke was made, in ms since this thread's window opened. */
  sentAt: number[];
  keystrokes: number;
  documents: number;
  converged: number;
  lostCharacters: number;
  closed: number;
  loopDelayP99: number;
}

export interface CursorOutcome {
  /** [client id, awareness clock, time] for each move made in the window; times are performance.timeOrigin + now(). */
  moves: number[];
  /** [client id, awareness clock, time] for each move another client's awareness received. */
  arrivals: number[];
  closed: number;
  loopDelayP99: number;
}

const port = parentPort;
if (!port) throw new Error("client-worker.ts runs as a worker thread");
// Every stock provider adds an exit listener to this thread's process object.
process.setMaxListeners(200);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Milliseconds on a clock every thread of the process shares (each thread's performance.now has its own origin). */
const clock = () => performance.timeOrigin + performance.now();
const loop = monitorEventLoopDelay({ resolution: 5 });

interface Session {
  start(): void;
  openWindow(): void;
  closeWindow(): void;
  stop(): Promise<TypingOutcome | CursorOutcome>;
  close(): Promise<void>;
}

async function typingSession(job: TypingJob): Promise<Session> {
  const next = random(job.seed);
  const documents: Array<TypingJob["documents"][number] & { clients: RawClient[]; typed: number; initial: number }> =
    [];
  // Ten documents (about 100 sockets) at a time.
  for (let at = 0; at < job.documents.length; at += 10) {
    const opened = await Promise.all(
      job.documents.slice(at, at + 10).map(async (document) => ({
        ...document,
        clients: await openMany(document.sockets.length, document.sockets.length, (i) => {
          const socket = document.sockets[i]!;
          const passive = i >= document.typists + document.watchers;
          return new RawClient(roomUrl(job.baseUrl, document.storyId, socket.token), new Y.Doc(), {
            presence: socket.presence,
            passive,
          });
        }),
        typed: 0,
        initial: 0,
      })),
    );
    documents.push(...opened);
  }
  const tracker = new KeystrokeLatency();
  const timers: NodeJS.Timeout[] = [];
  const active = (document: (typeof documents)[number]) =>
    document.clients.slice(0, document.typists + document.watchers);
  for (const document of documents) {
    document.initial = summaryLength(document.clients[0]!.doc);
    for (const client of active(document)) tracker.watch(client.doc);
  }
  const all = documents.flatMap((document) => document.clients);
  return {
    start() {
      documents.forEach((document, d) => {
        document.clients.slice(0, document.typists).forEach((client, t) => {
          const caret = new Caret(client.doc, t % paragraphCount(client.doc), 0, (job.seed + d * 7 + t) * 131);
          const keystroke = () => {
            tracker.type(client.doc, () => caret.type());
            document.typed += 1;
          };
          timers.push(setTimeout(() => timers.push(setInterval(keystroke, 200)), next() * 200));
        });
      });
    },
    openWindow: () => {
      loop.reset();
      loop.enable();
      tracker.window.open();
    },
    closeWindow: () => {
      tracker.window.close();
      loop.disable();
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      // Every client of a document that applies updates must end with every character typed there and the same state.
      const expected = (document: (typeof documents)[number]) => document.initial + document.typed;
      const deadline = performance.now() + 20_000;
      while (
        performance.now() < deadline &&
        !documents.every((document) =>
          active(document).every((client) => summaryLength(client.doc) === expected(document)),
        )
      )
        await sleep(250);
      let lostCharacters = 0;
      let converged = 0;
      for (const document of documents) {
        const clients = active(document);
        for (const client of clients) lostCharacters += Math.max(0, expected(document) - summaryLength(client.doc));
        const vectors = new Set(
          clients.map((client) => Buffer.from(Y.encodeStateVector(client.doc)).toString("base64")),
        );
        const texts = new Set(clients.map((client) => client.doc.getXmlFragment("summary").toString()));
        if (vectors.size === 1 && texts.size === 1 && summaryLength(clients[0]!.doc) === expected(document))
          converged += 1;
      }
      return {
        samples: tracker.samples,
        sentAt: tracker.sentAt,
        keystrokes: documents.reduce((sum, document) => sum + document.typed, 0),
        documents: documents.length,
        converged,
        lostCharacters,
        closed: all.filter((client) => client.closed).length,
        loopDelayP99: loop.percentile(99) / 1e6,
      } satisfies TypingOutcome;
    },
    async close() {
      await Promise.all(all.map((client) => client.close()));
      for (const client of all) client.doc.destroy();
    },
  };
}

async function cursorSession(job: CursorJob): Promise<Session> {
  const next = random(job.seed);
  const moves: number[] = [];
  const arrivals: number[] = [];
  let recording = false;
  const editors = await openMany(job.editors.length, job.editors.length, (i) => {
    const { token, presence } = job.editors[i]!;
    return new RawClient(roomUrl(job.baseUrl, job.storyId, token), new Y.Doc(), {
      presence,
      echoPresence: true,
      onPresence: (client, at) => arrivals.push(client, at, clock()),
    });
  });
  const timers: NodeJS.Timeout[] = [];
  return {
    start() {
      editors.forEach((editor, i) => {
        const caret = new Caret(editor.doc, i, 0);
        const presence = job.editors[i]!.presence;
        const move = () => {
          // A click somewhere in the summary: the caret extension publishes the new cursor in awareness.
          caret.moveTo(Math.floor(next() * paragraphCount(editor.doc)), Math.floor(next() * 200));
          const at = clock();
          const awarenessClock = editor.setPresence({ ...presence, cursor: caret.cursor() });
          if (recording) moves.push(editor.doc.clientID, awarenessClock, at);
        };
        timers.push(setTimeout(() => timers.push(setInterval(move, 100)), next() * 100));
      });
    },
    openWindow: () => {
      loop.reset();
      loop.enable();
      recording = true;
    },
    closeWindow: () => {
      recording = false;
      loop.disable();
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      await sleep(500);
      return {
        moves,
        arrivals,
        closed: editors.filter((editor) => editor.closed).length,
        loopDelayP99: loop.percentile(99) / 1e6,
      } satisfies CursorOutcome;
    },
    async close() {
      await Promise.all(editors.map((editor) => editor.close()));
      for (const editor of editors) editor.doc.destroy();
    },
  };
}

let session: Session | null = null;
port.on("message", (message: { step: Step | "open"; job?: TypingJob | CursorJob }) => {
  void (async () => {
    let value: unknown = null;
    if (message.step === "open") {
      const job = message.job!;
      session = job.kind === "typing" ? await typingSession(job) : await cursorSession(job);
    } else if (message.step === "stop") value = await session!.stop();
    else if (message.step === "close") await session!.close();
    else session![message.step]();
    port.postMessage({ step: message.step, value });
  })().catch((error: unknown) =>
    port.postMessage({ step: message.step, error: error instanceof Error ? error.stack : String(error) }),
  );
});
