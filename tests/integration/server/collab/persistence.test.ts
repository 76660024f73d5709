import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import * as Y from "yjs";
import { readSummaryParagraphs, SUMMARY_FIELD } from "@/lib/story-doc/summary";
import type { StoredDocument } from "@/server/collab/persistence";
import {
  createStory,
  INTEGRATION_DATABASE_URL,
  INTEGRATION_PROVIDER,
  integrationPersistence,
  integrationPrisma,
  storedSummary,
} from "../../../support/database";

const prisma = integrationPrisma();
const persistence = await integrationPersistence(prisma);
afterAll(async () => {
  await persistence.close();
  await prisma.$disconnect();
});

/** A story and `count` updates of it, each appending a word to its first paragraph, as a client would send them. */
async function storyWithWords(count: number) {
  const storyId = await createStory(prisma, ["Words:"]);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await persistence.load(storyId))!.state);
  const text = (doc.getXmlFragment(SUMMARY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let n = 0; n < count; n++) text.insert(text.length, ` w${n}`);
  return { storyId, updates, expected: readSummaryParagraphs(doc) };
}

describe("the collaboration server's persistence", () => {
  it("appends one update a turn at once on SQLite and leaves the rest of the turn's to the group commit; the log holds them all", async () => {
    const { storyId, updates, expected } = await storyWithWords(4);
    if (INTEGRATION_PROVIDER === "postgresql") {
      expect(persistence.appendNow).toBeUndefined();
      return;
    }
    expect(persistence.appendNow!(storyId, updates[0]!)).toBe(true);
    expect(persistence.appendNow!(storyId, updates[1]!)).toBe(false);
    await persistence.append(storyId, updates[1]!);
    expect(persistence.appendNow!(storyId, updates[2]!)).toBe(true);
    expect(persistence.appendNow!(storyId, updates[3]!)).toBe(false);
    await persistence.append(storyId, updates[3]!);
    expect(await storedSummary(prisma, storyId)).toEqual(expected);
  });

  it.skipIf(INTEGRATION_PROVIDER !== "sqlite")(
    "waits for another process's SQLite write lock once, then leaves appends to the group commit until it writes again",
    async () => {
      const { storyId, updates, expected } = await storyWithWords(3);
      const other = new Database(INTEGRATION_DATABASE_URL.replace(/^file:/, ""));
      onTestFinished(() => void other.close());
      other.exec("BEGIN IMMEDIATE");
      const waited = performance.now();
      expect(() => persistence.appendNow!(storyId, updates[0]!)).toThrow(/locked/);
      expect(performance.now() - waited).toBeGreaterThan(200);
      await new Promise((resolve) => setImmediate(resolve));
      // The next turn does not wait for the lock again on the event loop.
      const next = performance.now();
      expect(persistence.appendNow!(storyId, updates[0]!)).toBe(false);
      expect(performance.now() - next).toBeLessThan(50);
      other.exec("COMMIT");
      await persistence.append(storyId, updates[0]!);
      await new Promise((resolve) => setImmediate(resolve));
      expect(persistence.appendNow!(storyId, updates[1]!)).toBe(true);
      await persistence.append(storyId, updates[2]!);
      expect(await storedSummary(prisma, storyId)).toEqual(expected);
    },
  );

  it("records one person's activity on a claim once, however many of their updates arrive at the same moment", async () => {
    const storyId = await createStory(prisma, ["The CIA has released two videos."]);
    const activity = { storyId, claimId: "claim-1", userId: "maya", kind: "edited" as const };
    await Promise.all(Array.from({ length: 10 }, () => persistence.recordActivity(activity)));
    expect(await prisma.claimActivity.count({ where: { storyId } })).toBe(1);
  });

  it("loads the compacted state with the log, and compaction folds the log into one row", async () => {
    const { storyId, updates, expected } = await storyWithWords(50);
    for (const update of updates) await persistence.append(storyId, update);
    expect(await prisma.storyUpdate.count({ where: { storyId } })).toBe(50);
    const { updatedAt } = await prisma.story.findUniqueOrThrow({ where: { id: storyId } });
    expect(await storedSummary(prisma, storyId)).toEqual(expected);

    expect(await persistence.compact(storyId)).toBe(50);
    expect(await prisma.storyUpdate.count({ where: { storyId } })).toBe(0);
    expect(await prisma.storyDocument.findUniqueOrThrow({ where: { storyId }, select: { version: true } })).toEqual({
      version: 1,
    });
    expect(await storedSummary(prisma, storyId)).toEqual(expected);
    // The story search reads the summary as the compaction left it; folding is not an update of the story.
    expect(await prisma.story.findUniqueOrThrow({ where: { id: storyId } })).toMatchObject({
      summaryText: expected.join("\n"),
      updatedAt,
    });
  });

  it("compaction folds and deletes its own story's rows only", async () => {
    const [one, other] = [await storyWithWords(20), await storyWithWords(20)];
    // Interleaved, as rooms of several stories append.
    for (let n = 0; n < 20; n++) {
      await persistence.append(one.storyId, one.updates[n]!);
      await persistence.append(other.storyId, other.updates[n]!);
    }
    expect(await persistence.compact(one.storyId)).toBe(20);
    expect(await prisma.storyUpdate.count({ where: { storyId: one.storyId } })).toBe(0);
    expect(await prisma.storyUpdate.count({ where: { storyId: other.storyId } })).toBe(20);
    expect(await storedSummary(prisma, one.storyId)).toEqual(one.expected);
    expect(await storedSummary(prisma, other.storyId)).toEqual(other.expected);
  });

  it.skipIf(INTEGRATION_PROVIDER !== "sqlite")(
    "keeps a story's log rows together on SQLite: the table is keyed by story and has no rowid",
    () => {
      const db = new Database(INTEGRATION_DATABASE_URL.replace(/^file:/, ""), { readonly: true });
      onTestFinished(() => void db.close());
      const { sql } = db.prepare(`SELECT "sql" FROM sqlite_master WHERE "name" = 'StoryUpdate'`).get() as {
        sql: string;
      };
      expect(sql).toMatch(/PRIMARY KEY \("storyId", "id"\)/);
      expect(sql).toMatch(/\) WITHOUT ROWID$/);
    },
  );

  it("loses nothing when processes compact, append and load the same story at once", async () => {
    const { storyId, updates, expected } = await storyWithWords(120);
    // Forty appended before, the rest while four compactions and loads race with them.
    for (const update of updates.slice(0, 40)) await persistence.append(storyId, update);
    // Each with a document log of its own, as processes have: on PostgreSQL a pool of its own, whose compactions
    // interleave (without the version check in compact() this loses words there); on SQLite a connection of its
    // own, whose transactions run one after another, as better-sqlite3 waits for a lock synchronously.
    const others = await Promise.all([0, 1, 2].map(() => integrationPersistence(prisma)));
    onTestFinished(async () => {
      await Promise.all(others.map((other) => other.close()));
    });
    const loads: Array<Promise<StoredDocument | null>> = [];
    await Promise.all([
      (async () => {
        for (const update of updates.slice(40)) await persistence.append(storyId, update);
      })(),
      ...[persistence, ...others].map(async (compactor) => {
        for (let round = 0; round < 5; round++) {
          await compactor.compact(storyId);
          loads.push(compactor.load(storyId));
        }
      }),
    ]);
    // Every load saw a prefix-complete document: nothing folded away from under it.
    for (const state of await Promise.all(loads)) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state!.state);
      const words = readSummaryParagraphs(doc)[0]!.split(" ").slice(1);
      expect(words).toEqual(Array.from({ length: words.length }, (_, n) => `w${n}`));
      expect(words.length).toBeGreaterThanOrEqual(40);
    }
    await persistence.compact(storyId);
    expect(await storedSummary(prisma, storyId)).toEqual(expected);
  });

  it("writes the appends of many stories made at one moment, and a row for a deleted story fails its own append only", async () => {
    const stories = await Promise.all([0, 1, 2].map(() => storyWithWords(30)));
    // Interleaved, all at once, with one append to a story that does not exist (a story deleted meanwhile).
    const appends = stories.flatMap(({ storyId, updates }) =>
      updates.map((update) => persistence.append(storyId, update)),
    );
    const orphan = persistence.append("no-such-story", stories[0]!.updates[0]!);
    await Promise.all(appends);
    await expect(orphan).rejects.toThrow();
    for (const { storyId, expected } of stories) {
      expect(await prisma.storyUpdate.count({ where: { storyId } })).toBe(30);
      expect(await storedSummary(prisma, storyId)).toEqual(expected);
    }
    await expect(persistence.load("no-such-story")).rejects.toThrow(/does not exist/);
  });

  it.skipIf(INTEGRATION_PROVIDER !== "postgresql")(
    "survives a PostgreSQL connection killed in the middle of a compaction: the compaction fails, the log is whole",
    async () => {
      const { storyId, updates, expected } = await storyWithWords(20);
      for (const update of updates.slice(0, 10)) await persistence.append(storyId, update);
      await persistence.compact(storyId);
      for (const update of updates.slice(10)) await persistence.append(storyId, update);
      // Another session holds the compacted state's row, so the compaction waits for it in its UPDATE…
      const holder = new pg.Client({ connectionString: INTEGRATION_DATABASE_URL });
      await holder.connect();
      onTestFinished(() => holder.end());
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "StoryDocument" WHERE "storyId" = $1 FOR UPDATE`, [storyId]);
      const compaction = persistence.compact(storyId);
      let waiting: number | undefined;
      for (let tries = 0; waiting === undefined && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const { rows } = await holder.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE "StoryDocument"%'`,
        );
        waiting = rows[0]?.pid;
      }
      expect(waiting).toBeDefined();
      // …where its connection is killed, as a restart or a failover of the database would.
      await holder.query("SELECT pg_terminate_backend($1)", [waiting]);
      await expect(compaction).rejects.toThrow();
      await holder.query("ROLLBACK");
      // The process is alive, the log still holds every edit, and the next compaction folds it.
      expect(await storedSummary(prisma, storyId)).toEqual(expected);
      expect(await persistence.compact(storyId)).toBe(10);
      expect(await storedSummary(prisma, storyId)).toEqual(expected);
    },
  );
});
