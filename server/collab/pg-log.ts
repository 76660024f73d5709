import pg from "pg";
import { WRITE_POLICY_VERSION } from "../../lib/story-doc/write-policy";
import { isForeignKeyViolation } from "../db/prisma-errors";
import type { Logger } from "./logger";
import {
  APPEND_TIMEOUT_MS,
  foldUpdates,
  groupCommit,
  logRowId,
  storedDocument,
  StoryNotFoundError,
  type DocumentLog,
  type LogRow,
  type RowOutcomes,
} from "./persistence";

/** Connections of the log's own pool: appends are one statement per turn of the event loop, so a few suffice. */
const POOL_SIZE = 4;

/** Another process compacted the same story first: read again and fold what is left. */
class CompactionRace extends Error {}

/**
 * The document log on PostgreSQL through node-postgres itself, on a pool of its own: every edit and every open goes
 * through it, and through Prisma's pg adapter each statement also passed Prisma's query compiler and adapter (a
 * keystroke reached an editor on another process 4.0 ms after it was typed at the median, most of it the append;
 * bench/RESULTS.md). The statements are the ones the Prisma persistence ran (persistence.ts), as plain SQL:
 * a load is one statement (one snapshot), an append one INSERT for every room's rows of a turn, a compaction one
 * transaction guarded by the compacted state's version.
 */
export function createPgLog(databaseUrl: string, log: Logger): DocumentLog & { close(): Promise<void> } {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: POOL_SIZE,
    // No statement, open transaction or wait for a connection lasts past the appends' own time limit: a lock
    // held by a stuck compaction, or a database that stopped answering, fails the work, which is retried.
    connectionTimeoutMillis: APPEND_TIMEOUT_MS,
    statement_timeout: APPEND_TIMEOUT_MS,
    idle_in_transaction_session_timeout: APPEND_TIMEOUT_MS,
  });
  // An idle connection the server dropped: the pool replaces it.
  pool.on("error", (error) => log.warn("a connection of the document log's pool failed", error));

  const insert = (rows: readonly LogRow[]) =>
    pool.query(
      `INSERT INTO "StoryUpdate" ("id", "storyId", "update") VALUES ${rows
        .map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`)
        .join(", ")}`,
      rows.flatMap(({ storyId, update }) => [logRowId(), storyId, Buffer.from(update)]),
    );

  async function compactOnce(client: pg.PoolClient, storyId: string): Promise<number> {
    const current = await client.query<{ state: Buffer; version: number; checkedBy: number }>(
      `SELECT "state", "version", "checkedBy" FROM "StoryDocument" WHERE "storyId" = $1`,
      [storyId],
    );
    const rows = await client.query<{ id: string; update: Buffer }>(
      `SELECT "id", "update" FROM "StoryUpdate" WHERE "storyId" = $1`,
      [storyId],
    );
    if (rows.rows.length === 0) return 0;
    const document = current.rows[0];
    const folded = foldUpdates([...(document ? [document.state] : []), ...rows.rows.map((row) => row.update)]);
    const state = Buffer.from(folded.state);
    // The log passed the policy when it was appended: the fold is as checked as the state it starts from.
    const written = document
      ? await client.query(
          `UPDATE "StoryDocument" SET "state" = $1, "version" = "version" + 1, "checkedBy" = $2, "updatedAt" = now() AT TIME ZONE 'UTC'
           WHERE "storyId" = $3 AND "version" = $4`,
          [state, document.checkedBy, storyId, document.version],
        )
      : await client.query(
          `INSERT INTO "StoryDocument" ("storyId", "state", "version", "checkedBy", "updatedAt")
           VALUES ($1, $2, 0, $3, now() AT TIME ZONE 'UTC') ON CONFLICT DO NOTHING`,
          [storyId, state, WRITE_POLICY_VERSION],
        );
    if (written.rowCount === 0) throw new CompactionRace();
    // Exactly the rows folded: a row appended meanwhile stays in the log.
    await client.query(`DELETE FROM "StoryUpdate" WHERE "storyId" = $1 AND "id" = ANY($2)`, [
      storyId,
      rows.rows.map((row) => row.id),
    ]);
    // Not touching updatedAt: folding the log changes nothing a person did.
    await client.query(`UPDATE "Story" SET "summaryText" = $1 WHERE "id" = $2 AND "summaryText" IS DISTINCT FROM $1`, [
      folded.summary,
      storyId,
    ]);
    return rows.rows.length;
  }

  return {
    async load(storyId) {
      // One statement, so one snapshot: the compacted state, the log since, and whether the story exists.
      const { rows } = await pool.query<{ part: number; bytes: Buffer | null; version: number; checkedBy: number }>(
        `SELECT 0 AS "part", "state" AS "bytes", "version", "checkedBy" FROM "StoryDocument" WHERE "storyId" = $1
         UNION ALL SELECT 1, "update", NULL, NULL FROM "StoryUpdate" WHERE "storyId" = $1
         UNION ALL SELECT 2, NULL, NULL, NULL FROM "Story" WHERE "id" = $1`,
        [storyId],
      );
      if (!rows.some((row) => row.part === 2)) throw new StoryNotFoundError(`story ${storyId} does not exist`);
      const document = rows.find((row) => row.part === 0);
      return storedDocument(
        document && { state: document.bytes!, version: document.version, checkedBy: document.checkedBy },
        rows.filter((row) => row.part === 1).map((row) => row.bytes!),
      );
    },
    append: groupCommit(async (rows): Promise<RowOutcomes> => {
      try {
        await insert(rows);
        return rows.map(() => undefined);
      } catch (error) {
        // A statement is all or nothing: when a story was deleted meanwhile, the rows of the others go again.
        if (!isForeignKeyViolation(error)) throw error;
        const found = await pool.query<{ id: string }>(`SELECT "id" FROM "Story" WHERE "id" = ANY($1)`, [
          [...new Set(rows.map((row) => row.storyId))],
        ]);
        const existing = new Set(found.rows.map((story) => story.id));
        const kept = rows.filter((row) => existing.has(row.storyId));
        if (kept.length > 0) await insert(kept);
        return rows.map((row) =>
          existing.has(row.storyId) ? undefined : new StoryNotFoundError(`story ${row.storyId} does not exist`),
        );
      }
    }),
    async markChecked(storyId, version) {
      await pool.query(`UPDATE "StoryDocument" SET "checkedBy" = $1 WHERE "storyId" = $2 AND "version" = $3`, [
        WRITE_POLICY_VERSION,
        storyId,
        version,
      ]);
    },
    async compact(storyId) {
      const client = await pool.connect();
      // A connection that dies while checked out emits 'error' on its client: without a listener the process
      // would exit. The statement under way fails with it, and the connection is not given back to the pool.
      let broken: Error | undefined;
      const onError = (error: Error) => (broken = error);
      client.on("error", onError);
      try {
        for (;;) {
          await client.query("BEGIN");
          try {
            const folded = await compactOnce(client, storyId);
            await client.query("COMMIT");
            return folded;
          } catch (error) {
            await client.query("ROLLBACK").catch((rollback: Error) => (broken ??= rollback));
            if (!(error instanceof CompactionRace) || broken) throw error;
          }
        }
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    },
    async loadAccess(userIds) {
      const users = await pool.query<{ id: string; role: string; disabledAt: Date | null }>(
        `SELECT "id", "role", "disabledAt" FROM "User" WHERE "id" = ANY($1)`,
        [[...userIds]],
      );
      return new Map(users.rows.map((user) => [user.id, { role: user.role, disabled: user.disabledAt !== null }]));
    },
    close: () => pool.end(),
  };
}
