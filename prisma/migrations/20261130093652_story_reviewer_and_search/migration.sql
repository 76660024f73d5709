-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Story" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "perspectives" TEXT NOT NULL DEFAULT '[]',
    "reviewerId" TEXT,
    "summaryText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Story_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Story_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Story" ("createdAt", "createdById", "id", "perspectives", "slug", "status", "title", "updatedAt") SELECT "createdAt", "createdById", "id", "perspectives", "slug", "status", "title", "updatedAt" FROM "Story";
DROP TABLE "Story";
ALTER TABLE "new_Story" RENAME TO "Story";
CREATE UNIQUE INDEX "Story_slug_key" ON "Story"("slug");
CREATE INDEX "Story_reviewerId_idx" ON "Story"("reviewerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- The story search (server/stories/story-search.ts) on SQLite's own full-text engine: one FTS5 row per story
-- (its title and its draft's summary as the server last read it) and one per source (its headline and text),
-- kept up to date by the triggers below. Prisma knows nothing of these: a later migration that rebuilds "Story"
-- or "Source" (RedefineTables) drops their triggers and must create them again.
CREATE VIRTUAL TABLE "StorySearch" USING fts5("storyId" UNINDEXED, "title", "summary", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE "SourceSearch" USING fts5("sourceId" UNINDEXED, "storyId" UNINDEXED, "headline", "text", tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO "StorySearch" ("storyId", "title", "summary") SELECT "id", "title", "summaryText" FROM "Story";
INSERT INTO "SourceSearch" ("sourceId", "storyId", "headline", "text") SELECT "id", "storyId", coalesce("headline", ''), "text" FROM "Source";

CREATE TRIGGER "Story_search_insert" AFTER INSERT ON "Story" BEGIN
  INSERT INTO "StorySearch" ("storyId", "title", "summary") VALUES (NEW."id", NEW."title", NEW."summaryText");
END;
CREATE TRIGGER "Story_search_update" AFTER UPDATE OF "title", "summaryText" ON "Story" BEGIN
  DELETE FROM "StorySearch" WHERE "storyId" = OLD."id";
  INSERT INTO "StorySearch" ("storyId", "title", "summary") VALUES (NEW."id", NEW."title", NEW."summaryText");
END;
CREATE TRIGGER "Story_search_delete" AFTER DELETE ON "Story" BEGIN
  DELETE FROM "StorySearch" WHERE "storyId" = OLD."id";
END;

CREATE TRIGGER "Source_search_insert" AFTER INSERT ON "Source" BEGIN
  INSERT INTO "SourceSearch" ("sourceId", "storyId", "headline", "text")
  VALUES (NEW."id", NEW."storyId", coalesce(NEW."headline", ''), NEW."text");
END;
CREATE TRIGGER "Source_search_update" AFTER UPDATE OF "headline", "text" ON "Source" BEGIN
  DELETE FROM "SourceSearch" WHERE "sourceId" = OLD."id";
  INSERT INTO "SourceSearch" ("sourceId", "storyId", "headline", "text")
  VALUES (NEW."id", NEW."storyId", coalesce(NEW."headline", ''), NEW."text");
END;
CREATE TRIGGER "Source_search_delete" AFTER DELETE ON "Source" BEGIN
  DELETE FROM "SourceSearch" WHERE "sourceId" = OLD."id";
END;
