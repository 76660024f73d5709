// `npm run bench:log`: what the document log's table layout costs on SQLite, through the collaboration server's own
// log (server/collab/sqlite-log.ts). The same work on two fresh, migrated files: one with the table as the
// migrations leave it (keyed by story, WITHOUT ROWID), one with the table as it was before migration
// 20261201033314 (a rowid table keyed by id, with an index on storyId), the baseline. Stories' rows interleave as
// they do when many rooms type at once: one append per story in turn, each its own commit (as a lone keystroke's
// append is), then each story's log is compacted. Compaction runs on the event loop, so its time is time every
// socket of the process waits.
import Database from "better-sqlite3";
import { statSync } from "node:fs";
import os from "node:os";
import * as Y from "yjs";
import { createSqliteLog } from "../server/collab/sqlite-log";
import { SUMMARY_FIELD } from "../lib/story-doc/summary";
import { BenchDatabase } from "./collab/database";
import { distribution, type Distribution } from "./stats";

const quick = process.argv.includes("--quick");
const STORIES = quick ? 50 : 200;
const ROWS_PER_STORY = quick ? 200 : 500;

const PREVIOUS_LAYOUT = `
  DROP TABLE "StoryUpdate";
  CREATE TABLE "StoryUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storyId" TEXT NOT NULL,
    "update" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoryUpdate_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE CASCADE ON UPDATE CASCADE
  );
  CREATE INDEX "StoryUpdate_storyId_idx" ON "StoryUpdate"("storyId");`;

/** Each story's updates: one character typed at the end of its summary's first paragraph, as a keystroke sends it. */
function keystrokes(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment(SUMMARY_FIELD).insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const updates = [Y.encodeStateAsUpdate(doc)];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 1; i < count; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  doc.destroy();
  return updates;
}

interface LayoutResult {
  layout: string;
  append: Distribution;
  compaction: Distribution;
  megabytes: number;
}

async function measure(layout: string, previous: boolean, updates: readonly Uint8Array[]): Promise<LayoutResult> {
  const db = BenchDatabase.create(`log-layout-${previous ? "previous" : "current"}`);
  try {
    const storyIds = await db.stories("log", STORIES, () => null);
    if (previous) {
      const raw = new Database(db.file);
      raw.exec(PREVIOUS_LAYOUT);
      raw.close();
    }
    const log = createSqliteLog(db.url);
    try {
      const appends: number[] = [];
      for (const update of updates) {
        for (const storyId of storyIds) {
          const started = performance.now();
          await log.append(storyId, update);
          appends.push((performance.now() - started) * 1000);
        }
      }
      const compactions: number[] = [];
      for (const storyId of storyIds) {
        const started = performance.now();
        if ((await log.compact(storyId)) !== updates.length) throw new Error(`story ${storyId}: rows missing`);
        compactions.push(performance.now() - started);
      }
      const bytes = ["", "-wal"].reduce((sum, suffix) => sum + statSync(`${db.file}${suffix}`).size, 0);
      return { layout, append: distribution(appends), compaction: distribution(compactions), megabytes: bytes / 1e6 };
    } finally {
      log.close();
    }
  } finally {
    await db.close();
  }
}

const updates = keystrokes(ROWS_PER_STORY);
const results: LayoutResult[] = [];
// The baseline first, then the current layout, then both again: the second pair shows how much a run varies.
for (let round = 0; round < 2; round++) {
  results.push(await measure("previous: rowid, key id, index storyId (baseline)", true, updates));
  results.push(await measure("current: key (storyId, id), WITHOUT ROWID", false, updates));
}

const f = (value: number, digits = 1) => value.toFixed(digits);
console.log(
  `Document log on SQLite (node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model.trim()}, ${new Date().toISOString().slice(0, 10)}): ${STORIES} stories, ${ROWS_PER_STORY} rows each appended in turn (one commit each), then each story compacted.\n`,
);
console.log(
  "| layout | append p50 µs | append p99 µs | compaction p50 ms | compaction p99 ms | compaction max ms | file + write-ahead log MB |",
);
console.log("|---|---|---|---|---|---|---|");
for (const { layout, append, compaction, megabytes } of results)
  console.log(
    `| ${layout} | ${f(append.p50)} | ${f(append.p99)} | ${f(compaction.p50, 2)} | ${f(compaction.p99, 2)} | ${f(compaction.max, 2)} | ${f(megabytes)} |`,
  );
