import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { readSummaryParagraphs, writeSummaryParagraphs } from "@/lib/story-doc/summary";
import { openPersistence } from "@/server/collab/open-persistence";
import type { Persistence } from "@/server/collab/persistence";
import { createPrisma, type PrismaClient } from "@/server/db/create-prisma";
import { databaseProvider } from "@/server/db/database-url";
import { readStoredDraft } from "@/server/stories/queries";

/**
 * The integration database of this run: vitest.config.ts names one per run (its process id), so runs side by side
 * (a developer's and a helper's) never delete each other's database. A SQLite file, or the PostgreSQL database that
 * INTEGRATION_DATABASE_URL names (run-on-postgresql.ts).
 */
export const INTEGRATION_DATABASE_FILE = process.env.INTEGRATION_DATABASE_FILE ?? "tests/.tmp/integration.db";
export const INTEGRATION_DATABASE_URL = process.env.INTEGRATION_DATABASE_URL ?? `file:./${INTEGRATION_DATABASE_FILE}`;
/** The provider this run tests on. */
export const INTEGRATION_PROVIDER = databaseProvider(INTEGRATION_DATABASE_URL);

/** A Prisma client on the integration database (migrated by global-setup.ts or postgres-database.ts). */
export function integrationPrisma(): PrismaClient {
  return createPrisma(INTEGRATION_DATABASE_URL);
}

/**
 * The persistence a collaboration process runs on the integration database (on SQLite, the document log has a
 * connection of its own: close() closes it).
 */
export function integrationPersistence(prisma: PrismaClient): Promise<Persistence & { close(): Promise<void> }> {
  return openPersistence(INTEGRATION_DATABASE_URL, { prisma });
}

/** Creates a story whose stored draft holds `paragraphs`, and returns its id. */
export async function createStory(prisma: PrismaClient, paragraphs: string[]): Promise<string> {
  const doc = new Y.Doc();
  writeSummaryParagraphs(doc, paragraphs);
  const slug = `story-${randomUUID()}`;
  const story = await prisma.story.create({
    data: { slug, title: slug, document: { create: { state: Uint8Array.from(Y.encodeStateAsUpdate(doc)) } } },
  });
  return story.id;
}

/** The summary paragraphs of a story as stored in the database right now. */
export async function storedSummary(prisma: PrismaClient, storyId: string): Promise<string[]> {
  return readSummaryParagraphs(await readStoredDraft(prisma, storyId));
}

let userCount = 0;

/** Creates a newsroom user with a role (no usable password). */
export async function createUser(prisma: PrismaClient, role: "admin" | "editor" | "reviewer", name?: string) {
  const n = ++userCount;
  return prisma.user.create({
    data: { email: `user-${randomUUID()}@test.local`, name: name ?? `${role} ${n}`, role, passwordHash: "!" },
    select: { id: true, name: true, role: true },
  }) as Promise<{ id: string; name: string; role: "admin" | "editor" | "reviewer" }>;
}
