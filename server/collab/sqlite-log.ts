import Database from "better-sqlite3";
import { WRITE_POLICY_VERSION } from "../../lib/story-doc/write-policy";
import { isForeignKeyViolation } from "../db/prisma-errors";
import {
  foldUpdates,
  groupCommit,
  logRowId,
  storedDocument,
  StoryNotFoundError,
  type DocumentLog,
  type LogRow,
  type RowOutcomes,
} from "./persistence";

/**
 * How long a statement waits for another process's write lock (the app's) before it fails and is retried. The
 * wait holds this process's event loop (better-sqlite3 is synchronous), so it is short; the room retries.
 */
const BUSY_TIMEOUT_MS = 250;

/** A DateTime as ISO 8601 text, which Prisma reads back from SQLite (it writes its own with +00:00 for Z). */
const timestamp = () => new Date().toISOString();

/**
 * The document log on SQLite through better-sqlite3 itself, on a connection of its own with its statements
 * prepared once. On SQLite each statement runs synchronously in the process anyway, and through Prisma an append
 * cost about 0.24 ms at the median and 16 ms at p99, against 0.014 and 0.25 ms here (bench/RESULTS.md). Each
 * operation is one synchronous transaction, so nothing else in the process runs between its reads and writes, and
 * two processes on the file see each other's commits whole. With synchronous=NORMAL in WAL mode a commit survives
 * a crash of the process, not a power cut of the machine (the last commits may be lost then): PostgreSQL is the
 * answer for that (docs/DEPLOY.md).
 */
export function createSqliteLog(databaseUrl: string): DocumentLog & { close(): void } {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { timeout: BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const readStory = db.prepare<[string], { id: string }>(`SELECT "id" FROM "Story" WHERE "id" = ?`);
  const readState = db.prepare<[string], { state: Buffer; version: number; checkedBy: number }>(
    `SELECT "state", "version", "checkedBy" FROM "StoryDocument" WHERE "storyId" = ?`,
  );
  const readLog = db.prepare<[string], { update: Buffer }>(`SELECT "update" FROM "StoryUpdate" WHERE "storyId" = ?`);
  const insert = db.prepare(`INSERT INTO "StoryUpdate" ("id", "storyId", "update", "createdAt") VALUES (?, ?, ?, ?)`);
  const insertState = db.prepare(
    `INSERT INTO "StoryDocument" ("storyId", "state", "version", "checkedBy", "updatedAt") VALUES (?, ?, 0, ?, ?)`,
  );
  const updateState = db.prepare(
    `UPDATE "StoryDocument" SET "state" = ?, "version" = "version" + 1, "checkedBy" = ?, "updatedAt" = ? WHERE "storyId" = ?`,
  );
  // Within compaction's transaction, which holds the write lock from its start: exactly the rows it read.
  const deleteLog = db.prepare(`DELETE FROM "StoryUpdate" WHERE "storyId" = ?`);
  // Not touching updatedAt: folding the log changes nothing a person did.
  const updateSummary = db.prepare(
    `UPDATE "Story" SET "summaryText" = @summary WHERE "id" = @storyId AND "summaryText" IS NOT @summary`,
  );
  // One statement for any number of people (an IN list would be a statement per count, and SQLite allows 999
  // parameters): the ids as a JSON array.
  const readAccess = db.prepare<[string], { id: string; role: string; disabledAt: unknown }>(
    `SELECT "id", "role", "disabledAt" FROM "User" WHERE "id" IN (SELECT "value" FROM json_each(?))`,
  );
  const markChecked = db.prepare(
    `UPDATE "StoryDocument" SET "checkedBy" = ? WHERE "storyId" = ? AND "version" = ? AND "checkedBy" <> ?`,
  );

  const load = db.transaction((storyId: string) => {
    if (!readStory.get(storyId)) throw new StoryNotFoundError(`story ${storyId} does not exist`);
    return { document: readState.get(storyId), rows: readLog.all(storyId) };
  });
  // One transaction for the group, the write lock taken at its start (one wait for another process's lock, not
  // one per row). A row for a story deleted meanwhile fails alone: SQLite undoes only the failed statement.
  const appendRows = db.transaction((rows: readonly LogRow[]): RowOutcomes => {
    const now = timestamp();
    return rows.map(({ storyId, update }) => {
      try {
        insert.run(logRowId(), storyId, update, now);
        return undefined;
      } catch (error) {
        if (!isForeignKeyViolation(error)) throw error;
        return new StoryNotFoundError(`story ${storyId} does not exist`);
      }
    });
  });
  const compact = db.transaction((storyId: string) => {
    const current = readState.get(storyId);
    const rows = readLog.all(storyId);
    if (rows.length === 0) return 0;
    const { state, summary } = foldUpdates([...(current ? [current.state] : []), ...rows.map((row) => row.update)]);
    // The log passed the policy when it was appended: the fold is as checked as the state it starts from.
    if (current) updateState.run(state, current.checkedBy, timestamp(), storyId);
    else insertState.run(storyId, state, WRITE_POLICY_VERSION, timestamp());
    deleteLog.run(storyId);
    updateSummary.run({ summary, storyId });
    return rows.length;
  });

  let appendedThisTurn = false;
  // After an append that failed (another process held the write lock past the busy timeout), updates go to the
  // group commit until one of its writes succeeds: the event loop then waits for the lock once a turn, not twice.
  let lockedOut = false;
  return {
    async load(storyId) {
      const { document, rows } = load(storyId);
      return storedDocument(
        document,
        rows.map((row) => row.update),
      );
    },
    append: groupCommit(async (rows) => {
      const outcomes = appendRows.immediate(rows);
      lockedOut = false;
      return outcomes;
    }),
    // One update a turn goes in at once (a lone keystroke reaches the others without waiting for the turn to
    // end); the rest of a busy turn's go in together at its end, one commit for all (each commit writes whole
    // pages to the write-ahead log, and every thousand pages of it cost a checkpoint with an fsync).
    appendNow(storyId, update) {
      if (appendedThisTurn || lockedOut) return false;
      appendedThisTurn = true;
      setImmediate(() => (appendedThisTurn = false));
      let failure;
      try {
        [failure] = appendRows.immediate([{ storyId, update }]);
      } catch (error) {
        lockedOut = true;
        throw error;
      }
      if (failure) throw failure;
      return true;
    },
    async compact(storyId) {
      // Immediate: the write lock from the start, so that another process cannot commit between the reads and
      // the writes (a deferred transaction would fail there instead of waiting).
      return compact.immediate(storyId);
    },
    async markChecked(storyId, version) {
      markChecked.run(WRITE_POLICY_VERSION, storyId, version, WRITE_POLICY_VERSION);
    },
    async loadAccess(userIds) {
      const users = readAccess.all(JSON.stringify(userIds));
      return new Map(users.map((user) => [user.id, { role: user.role, disabled: user.disabledAt !== null }]));
    },
    close() {
      db.close();
    },
  };
}
