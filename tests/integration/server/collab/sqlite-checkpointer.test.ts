import { mkdirSync, rmSync, statSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createSqliteLog } from "@/server/collab/sqlite-log";
import { createPrisma } from "@/server/db/create-prisma";
import { runPrismaCli } from "@/server/db/prisma-cli";
import { quietLogger } from "../../../support/collab-harness";
import { createStory, INTEGRATION_PROVIDER } from "../../../support/database";

const FILE = `tests/.tmp/checkpointer-${process.pid}.db`;
const removeFiles = () => {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${FILE}${suffix}`, { force: true });
};
afterAll(removeFiles);

/**
 * 0.8 MB of log rows, each appended in its own commit: about 520 pages of write-ahead log, fewer than SQLite's own
 * threshold for a checkpoint on the connection that commits (1,000 pages), which the log's connection turns off.
 */
const ROWS = 100;
const ROW_BYTES = 8 * 1024;

describe.skipIf(INTEGRATION_PROVIDER !== "sqlite")("the document log's checkpoints on SQLite", () => {
  it("copy the write-ahead log into the database file from a thread of their own, not after the log's commits", async () => {
    mkdirSync("tests/.tmp", { recursive: true });
    removeFiles();
    const url = `file:./${FILE}`;
    runPrismaCli(["migrate", "deploy"], url);
    const prisma = createPrisma(url);
    const storyId = await createStory(prisma, ["A story."]);
    await prisma.$disconnect();
    const before = statSync(FILE).size;

    const log = createSqliteLog(url, quietLogger);
    try {
      for (let row = 0; row < ROWS; row++) await log.append(storyId, new Uint8Array(ROW_BYTES).fill(row % 256));
      // The rows reach the database file itself, checkpointed by the log's thread: nothing else would, yet.
      await vi.waitFor(() => expect(statSync(FILE).size - before).toBeGreaterThan(ROWS * ROW_BYTES), {
        timeout: 5_000,
        interval: 50,
      });
    } finally {
      await log.close();
    }
  });
});
