// What the collaboration bench runs with: the secret, the limits it raises on our server, and the sizes of each
// scenario in a full run and in a quick one (`npm run bench:collab -- --quick`).
import type { CollabLimits } from "../../server/collab/limits";

/** Signs the collaboration tokens the bench's clients connect with (our server checks them; the stock one ignores them). */
export const TOKEN_SECRET = "bench-collab-secret-0123456789-abcdefghijklmnop";
/** Seconds a token is valid: longer than a run, so that no socket is closed for expiry while measured. */
export const TOKEN_TTL_SECONDS = 3_600;

/**
 * The limits the bench raises on our server; every other limit keeps its default (server/collab/limits.ts).
 * 10,000 idle sockets are at the default process limit (it refuses beyond 10,000), so the bench allows 20,000.
 * Each person holds at most 10 sockets in every scenario, within the default of 20.
 */
export const BENCH_LIMITS: Partial<CollabLimits> = { maxConnections: 20_000 };

/** How many sockets one person holds in the scenarios with many sockets (the default limit is 20). */
export const SOCKETS_PER_PERSON = 10;

export interface Scale {
  /** Keystrokes timed between two clients (after 50 untimed). */
  latencyKeystrokes: number;
  /** Sockets and documents of the typing scenario; a fifth of the sockets type. */
  typingSockets: number;
  typingDocuments: number;
  typingWarmUpSeconds: number;
  typingSeconds: number;
  /** Editors moving their cursors at 10 Hz on one document; rounds per server (alternating servers). */
  cursorEditors: number;
  cursorWarmUpSeconds: number;
  cursorSeconds: number;
  cursorRounds: number;
  idleSockets: number;
  /** Seconds from the first memory reading to the second (time for V8's memory reducer, if the process lets it run). */
  memoryLaterSeconds: number;
  /** Open documents of about 1 KB of text each, one socket each. */
  smallDocuments: number;
  /** Edits of history in the document of the cold-open scenario, and how many such documents are opened. */
  historyEdits: number;
  coldOpens: number;
  coldWarmUpOpens: number;
  /** Documents with 2 editors each typing 5 characters a second while the bench reads the log, and seconds timed. */
  durableDocuments: number;
  durableSeconds: number;
  /** Keystrokes, each with the cursor's awareness update, whose bytes a remote client counts: at 5 a second, and in a burst. */
  wirePacedKeystrokes: number;
  wireKeystrokes: number;
}

export const FULL: Scale = {
  latencyKeystrokes: 1_000,
  typingSockets: 2_000,
  typingDocuments: 200,
  typingWarmUpSeconds: 3,
  typingSeconds: 20,
  cursorEditors: 50,
  cursorWarmUpSeconds: 2,
  cursorSeconds: 8,
  cursorRounds: 2,
  idleSockets: 10_000,
  memoryLaterSeconds: 15,
  smallDocuments: 2_000,
  historyEdits: 10_000,
  coldOpens: 200,
  coldWarmUpOpens: 10,
  wirePacedKeystrokes: 100,
  wireKeystrokes: 500,
  durableDocuments: 20,
  durableSeconds: 20,
};

export const QUICK: Scale = {
  latencyKeystrokes: 200,
  typingSockets: 400,
  typingDocuments: 40,
  typingWarmUpSeconds: 1,
  typingSeconds: 5,
  cursorEditors: 50,
  cursorWarmUpSeconds: 1,
  cursorSeconds: 3,
  cursorRounds: 1,
  idleSockets: 2_000,
  memoryLaterSeconds: 15,
  smallDocuments: 400,
  historyEdits: 10_000,
  coldOpens: 30,
  coldWarmUpOpens: 5,
  wirePacedKeystrokes: 25,
  wireKeystrokes: 100,
  durableDocuments: 5,
  durableSeconds: 5,
};
