import type { DatabaseProvider } from "../db/database-url";
import type { PrismaClient } from "../db/create-prisma";
import { searchWords } from "./story-filters";

/**
 * The ids of the stories a search finds with the database's own full-text engine: those whose title and summary
 * (Story.summaryText: written by the collaboration server each time it folds the log, and by the story list when
 * it reads a newer draft, see recordSummaryText) hold every word, or one of
 * whose sources (headline and text) does. SQLite: the FTS5 tables StorySearch and SourceSearch, kept by
 * triggers (prisma/migrations/…_story_reviewer_and_search); PostgreSQL: websearch_to_tsquery against the
 * expressions of its GIN indexes ('simple' configuration: no stemming, as FTS5's unicode61 tokenizer). An empty
 * search (no words) finds nothing.
 * @throws what the database throws.
 */
export async function searchStoryIds(db: PrismaClient, provider: DatabaseProvider, q: string): Promise<Set<string>> {
  const words = searchWords(q);
  if (words.length === 0) return new Set();
  // Each word as an FTS5 string (quotes doubled) or a plain term: no operator a person typed reaches the engine.
  const rows =
    provider === "sqlite"
      ? await db.$queryRaw<Array<{ storyId: string }>>`
          SELECT "storyId" FROM "StorySearch" WHERE "StorySearch" MATCH ${ftsQuery(words)}
          UNION SELECT "storyId" FROM "SourceSearch" WHERE "SourceSearch" MATCH ${ftsQuery(words)}`
      : await db.$queryRaw<Array<{ storyId: string }>>`
          SELECT "id" AS "storyId" FROM "Story"
          WHERE to_tsvector('simple', "title" || ' ' || "summaryText") @@ websearch_to_tsquery('simple', ${webSearch(words)})
          UNION SELECT "storyId" FROM "Source"
          WHERE to_tsvector('simple', coalesce("headline", '') || ' ' || "text") @@ websearch_to_tsquery('simple', ${webSearch(words)})`;
  return new Set(rows.map(({ storyId }) => storyId));
}

/** Each word quoted, so that "or" is a word, not websearch_to_tsquery's operator (words hold no quotes). */
function webSearch(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(" ");
}

function ftsQuery(words: readonly string[]): string {
  return words.map((word) => `"${word.replaceAll('"', '""')}"`).join(" ");
}

/**
 * Stores the draft's summary as plain text for the search when it differs from what is stored. Written without
 * touching Story.updatedAt (a raw statement: Prisma's update would set it), since reading a draft changes nothing.
 * @throws what the database throws.
 */
export async function recordSummaryText(db: PrismaClient, storyId: string, text: string): Promise<void> {
  await db.$executeRaw`UPDATE "Story" SET "summaryText" = ${text} WHERE "id" = ${storyId} AND "summaryText" <> ${text}`;
}
