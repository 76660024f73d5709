import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { INTEGRATION_DATABASE_FILE, INTEGRATION_PROVIDER } from "../../../support/database";

const dir = mkdtempSync(path.join(tmpdir(), "corroborate-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `script` (an ES module, TypeScript imports allowed) in a Node process of its own; resolves with its output. */
function run(script: string): { output: Promise<string>; started: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  let onStart: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (onStart = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes("holding")) onStart();
  });
  return { output: new Promise((resolve) => child.once("exit", () => resolve(output))), started };
}

describe("Prisma's transactions on SQLite while another process writes", () => {
  // Both sides are processes of their own, as the app and the collaboration server are.
  it.skipIf(INTEGRATION_PROVIDER !== "sqlite")(
    "wait for the other process's write lock and commit, a nested write and a batch alike",
    { timeout: 60_000 },
    async () => {
      // A copy of the migrated database, in write-ahead-log mode as the app and the collaboration server run it.
      const file = path.join(dir, "locked.db");
      const source = new Database(INTEGRATION_DATABASE_FILE, { readonly: true });
      await source.backup(file);
      source.close();
      const setup = new Database(file);
      setup.pragma("journal_mode = WAL");
      setup
        .prepare(`INSERT INTO "Story" ("id", "slug", "title", "updatedAt") VALUES ('other', 'other', 'Other', ?)`)
        .run(new Date().toISOString());
      setup.close();

      for (const write of [
        `prisma.story.create({ data: { slug: "nested", title: "Nested", sources: { create: [] } } })`,
        `prisma.$transaction([
          prisma.story.update({ where: { slug: "nested" }, data: { title: "Renamed" } }),
          prisma.story.update({ where: { slug: "nested" }, data: { summaryText: "Summarised" } }),
        ])`,
      ]) {
        // The other process holds the lock for a second, then commits a change.
        const holder = run(`
          import Database from "better-sqlite3";
          const db = new Database(${JSON.stringify(file)});
          db.exec("BEGIN IMMEDIATE");
          db.prepare('UPDATE "Story" SET "title" = "title" || ? WHERE "id" = ?').run(".", "other");
          console.log("holding");
          setTimeout(() => db.exec("COMMIT"), 1_000);
        `);
        await holder.started;
        const writer = run(`
          import { createPrisma } from ${JSON.stringify(path.resolve("server/db/create-prisma.ts"))};
          const prisma = createPrisma(${JSON.stringify(`file:${file}`)});
          try {
            await ${write};
            console.log("written");
          } catch (error) {
            console.log("failed", error.code, error.message.split("\\n").at(-1));
          } finally {
            await prisma.$disconnect();
          }
        `);
        expect((await writer.output).trim()).toBe("written");
        await holder.output;
      }
      const check = new Database(file, { readonly: true });
      expect(check.prepare(`SELECT "title", "summaryText" FROM "Story" WHERE "slug" = 'nested'`).get()).toEqual({
        title: "Renamed",
        summaryText: "Summarised",
      });
      check.close();
    },
  );
});
