-- The log keyed by story first (prisma/schema.prisma, model StoryUpdate). WITHOUT ROWID, which Prisma cannot
-- write: a story's rows then lie together in the key's order, so compaction reads and deletes a few pages.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StoryUpdate" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "update" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("storyId", "id"),
    CONSTRAINT "StoryUpdate_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "new_StoryUpdate" ("createdAt", "id", "storyId", "update") SELECT "createdAt", "id", "storyId", "update" FROM "StoryUpdate";
DROP TABLE "StoryUpdate";
ALTER TABLE "new_StoryUpdate" RENAME TO "StoryUpdate";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

