import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { summaryText } from "../../lib/story-doc/summary";
import { WRITE_POLICY_VERSION } from "../../lib/story-doc/write-policy";

/**
 * Where rooms load and store their documents: a compacted state and a log of the updates accepted since, so that
 * an edit is durable as soon as it is appended, and processes that share a story never overwrite each other.
 */
export interface Persistence {
  /**
   * A story's document as stored: the compacted state merged with every appended update, or null when nothing
   * is stored yet.
   * @throws StoryNotFoundError when the story does not exist.
   */
  load(storyId: string): Promise<StoredDocument | null>;
  /** Records that the compacted state of this version passes the current write policy (so loads skip the check). */
  markChecked(storyId: string, version: number): Promise<void>;
  /** Appends an accepted update (or several, merged) to the story's log. */
  append(storyId: string, update: Uint8Array): Promise<void>;
  /**
   * Appends one update before it returns, where the database allows it without waiting (SQLite in the process)
   * and nothing else was appended so far in this turn of the event loop; absent where an append needs a round
   * trip (PostgreSQL).
   * @returns false when the update was not appended: it goes to append() with the rest of the turn's updates.
   * @throws Error when the append failed (nothing was appended).
   */
  appendNow?(storyId: string, update: Uint8Array): boolean;
  /**
   * Folds the story's log into its compacted state in one transaction; safe to run in several processes at
   * once (the loser of a race starts again).
   * @returns how many log rows it folded.
   */
  compact(storyId: string): Promise<number>;
  /** Records that an authenticated user marked, quoted or otherwise changed a claim (for the four-eyes rule). */
  recordActivity(activity: ClaimActivityRecord): Promise<void>;
  /** Writes an editor's change of a claim's status (draft ↔ needs review) to the audit log, and announces it. */
  recordStatusChange(change: ClaimStatusChange): Promise<void>;
  /** Writes the deletion of a claim on an authenticated socket to the audit log, with its status and quote count then. */
  recordClaimDeleted(deletion: {
    storyId: string;
    claimId: string;
    userId: string;
    status: string | null;
    quotes: number;
  }): Promise<void>;
  /**
   * Writes a comment added on an authenticated socket to the audit log (claim.commented, with the people its
   * body mentions who exist) and tells those people (server/notifications/). Optional: a store without it
   * records no comments.
   */
  recordComment?(comment: {
    storyId: string;
    claimId: string;
    commentId: string;
    userId: string;
    body: string;
  }): Promise<void>;
  /** A source of a story as stored now (its current text and revision), or null when the story has no such source. */
  loadSource(storyId: string, sourceId: string): Promise<{ text: string; revision: number } | null>;
  /** The current role of each of these users that still exists (a removed user is missing), and whether an admin disabled them. */
  loadAccess(userIds: readonly string[]): Promise<Map<string, { role: string; disabled: boolean }>>;
}

/** A story's document as a room loads it. */
export interface StoredDocument {
  /** The compacted state merged with the log: one Yjs update. */
  state: Uint8Array;
  /** Whether all of it is known to pass the current write policy (see StoryDocument.checkedBy). */
  checked: boolean;
  /** The compacted state's version (markChecked), or null when there is none. */
  version: number | null;
}

/** The compacted state of a story as a document log reads it (a row of StoryDocument). */
export interface CompactedState {
  state: Uint8Array;
  version: number;
  checkedBy: number;
}

/**
 * A story's document as a room loads it, from its compacted state (if any) and its log's updates; null when
 * nothing is stored. The one way both document logs (sqlite-log.ts, pg-log.ts) answer `load`.
 */
export function storedDocument(
  compacted: CompactedState | undefined,
  log: readonly Uint8Array[],
): StoredDocument | null {
  const parts = [...(compacted ? [compacted.state] : []), ...log];
  if (parts.length === 0) return null;
  return {
    state: parts.length === 1 ? new Uint8Array(parts[0]!) : Y.mergeUpdates(parts),
    checked: !compacted || compacted.checkedBy === WRITE_POLICY_VERSION,
    version: compacted?.version ?? null,
  };
}

/** What a person did to a claim: created it, attached a quote, or changed anything else under it. */
export type ClaimActivityKind = "marked" | "quoted" | "edited";

/** A claim status changed on an authenticated socket. */
export interface ClaimStatusChange {
  storyId: string;
  claimId: string;
  userId: string;
  from: string | null;
  to: string | null;
}

/** Who did what to a claim, as the collaboration server saw it on an authenticated socket. */
export interface ClaimActivityRecord {
  storyId: string;
  claimId: string;
  userId: string;
  kind: ClaimActivityKind;
}

/** The story of a room does not exist (deleted, or a token for a story id that never existed). */
export class StoryNotFoundError extends Error {
  override name = "StoryNotFoundError";
}

/** Log rows inserted per statement (three parameters each; SQLite statements are limited to 999). */
const INSERT_BATCH = 300;

/** One update to append to a story's log. */
export interface LogRow {
  storyId: string;
  update: Uint8Array;
}

/** What became of each row of a write, in order: undefined when it was written, else why it was not. */
export type RowOutcomes = unknown[];

/** How long one write of the log may take before its appends fail (and their rooms retry). */
export const APPEND_TIMEOUT_MS = 10_000;

/**
 * Appends with a group commit across rooms: every append of one turn of the event loop goes into one write, and
 * the appends made while it runs into the next, so a database write costs the process once per turn, not once per
 * room (with SQLite each write holds the event loop). `write` says what became of each row: a row for a story
 * deleted meanwhile fails alone; any other failure, or no answer within `timeoutMs`, fails the whole write, and
 * each room retries its own.
 */
export function groupCommit(
  write: (rows: readonly LogRow[]) => Promise<RowOutcomes>,
  timeoutMs = APPEND_TIMEOUT_MS,
): Persistence["append"] {
  let queue: Array<LogRow & { resolve: () => void; reject: (error: unknown) => void }> = [];
  let running = false;
  const run = async () => {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, INSERT_BATCH);
      queue = queue.slice(batch.length);
      let outcomes: RowOutcomes;
      try {
        outcomes = await withTimeout(write(batch), timeoutMs);
      } catch (error) {
        outcomes = batch.map(() => error ?? new Error("appending to the log failed"));
      }
      batch.forEach((row, i) => {
        const error = outcomes[i];
        if (error === undefined) row.resolve();
        else row.reject(error);
      });
    }
    running = false;
  };
  return (storyId, update) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ storyId, update, resolve, reject });
      if (queue.length === 1 && !running) setImmediate(() => void run());
    });
}

/** `promise`, or a rejection when it has not settled within `ms` (it may still settle later; nobody waits). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The part of the persistence that every edit, every open and the access poll go through, on the collaboration
 * server's own connection (open-persistence.ts): the compacted state, the log, and people's access.
 */
export type DocumentLog = Pick<Persistence, "load" | "append" | "appendNow" | "compact" | "markChecked" | "loadAccess">;

/** The rest: the records a socket's work leaves and the sources it reads now and then, through Prisma (records.ts). */
export type Records = Omit<Persistence, keyof DocumentLog>;

/**
 * The id of a log row: the time first (milliseconds, base 36, fixed width), then a random UUID, so that a story's
 * rows sort by when they were appended and each append adds to the end of that story's rows in the key (storyId,
 * id) instead of a random page among them. (Measured when the key was id alone: a commit of ten rows wrote 15
 * pages of write-ahead log with these ids against 26 with random ones; scratch measurement on SQLite with 50,000
 * rows in 200 stories.)
 */
export function logRowId(): string {
  return `${Date.now().toString(36).padStart(9, "0")}-${randomUUID()}`;
}

/**
 * Merges Yjs updates into one compact state: applied to a document (which turns deleted content into
 * tombstones without it, unlike Y.mergeUpdates) and encoded again; with the summary's plain text, which the
 * story search reads (Story.summaryText, written with the compacted state).
 */
export function foldUpdates(updates: readonly Uint8Array[]): { state: Uint8Array<ArrayBuffer>; summary: string } {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return { state: Uint8Array.from(Y.encodeStateAsUpdate(doc)), summary: summaryText(doc).plain };
  } finally {
    doc.destroy();
  }
}
