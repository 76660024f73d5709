import type { PrismaClient } from "../db/create-prisma";
import { isUniqueViolation } from "../db/prisma-errors";

/** Where rooms load and store their documents. */
export interface Persistence {
  /**
   * The stored state of a story's document (one merged Yjs update), or null when nothing is stored yet.
   * @throws StoryNotFoundError when the story does not exist.
   */
  load(storyId: string): Promise<Uint8Array | null>;
  /** Stores the full state of a story's document, replacing the previous one. */
  store(storyId: string, state: Uint8Array): Promise<void>;
  /** Records that an authenticated user marked, quoted or otherwise changed a claim (for the four-eyes rule). */
  recordActivity(activity: ClaimActivityRecord): Promise<void>;
  /** Writes an editor's change of a claim's status (draft ↔ needs review) to the audit log. */
  recordStatusChange(change: ClaimStatusChange): Promise<void>;
  /** Writes the deletion of a claim on an authenticated socket to the audit log, with its status and quote count then. */
  recordClaimDeleted(deletion: { storyId: string; claimId: string; userId: string; status: string | null; quotes: number }): Promise<void>;
  /** A source of a story as stored now (its current text and revision), or null when the story has no such source. */
  loadSource(storyId: string, sourceId: string): Promise<{ text: string; revision: number } | null>;
  /** The current role of each of these users that still exists (a removed user is missing). */
  loadRoles(userIds: readonly string[]): Promise<Map<string, string>>;
}

/** What a person did to a claim: created it, attached a quote, or changed anything else under it. */
export type ClaimActivityKind = "marked" | "quoted" | "edited";

/** A claim status changed on an authenticated socket. */
export interface ClaimStatusChange {
  storyId: string;
  claimId: string;
  userId: string;
  from: unknown;
  to: unknown;
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

/** Persistence in the StoryDocument table. */
export function createPrismaPersistence(prisma: PrismaClient): Persistence {
  return {
    async load(storyId) {
      const story = await prisma.story.findUnique({
        where: { id: storyId },
        select: { document: { select: { state: true } } },
      });
      if (!story) throw new StoryNotFoundError(`story ${storyId} does not exist`);
      return story.document ? new Uint8Array(story.document.state) : null;
    },
    async store(storyId, state) {
      const bytes = Uint8Array.from(state);
      await prisma.storyDocument.upsert({
        where: { storyId },
        create: { storyId, state: bytes },
        update: { state: bytes },
      });
    },
    async recordStatusChange({ storyId, claimId, userId, from, to }) {
      await prisma.auditEvent.create({
        data: { storyId, actorId: userId, action: "claim.status_changed", subject: claimId, data: JSON.stringify({ from, to }) },
      });
    },
    async recordClaimDeleted({ storyId, claimId, userId, status, quotes }) {
      await prisma.auditEvent.create({
        data: { storyId, actorId: userId, action: "claim.deleted", subject: claimId, data: JSON.stringify({ status, quotes }) },
      });
    },
    loadSource(storyId, sourceId) {
      return prisma.source.findFirst({ where: { id: sourceId, storyId }, select: { text: true, revision: true } });
    },
    async loadRoles(userIds) {
      const users = await prisma.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, role: true } });
      return new Map(users.map((user) => [user.id, user.role]));
    },
    async recordActivity(activity) {
      try {
        await prisma.claimActivity.upsert({
          where: { storyId_claimId_userId_kind: activity },
          create: activity,
          update: {},
        });
      } catch (error) {
        // Prisma's upsert reads, then inserts: on PostgreSQL two updates of one person on one claim at once both
        // find no row, and the second insert breaks the unique key. The row is there, which is all that counts.
        if (!isUniqueViolation(error)) throw error;
      }
    },
  };
}
