-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StoryDocument" (
    "storyId" TEXT NOT NULL PRIMARY KEY,
    "state" BLOB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "checkedBy" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StoryDocument_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StoryDocument" ("state", "storyId", "updatedAt", "version") SELECT "state", "storyId", "updatedAt", "version" FROM "StoryDocument";
DROP TABLE "StoryDocument";
ALTER TABLE "new_StoryDocument" RENAME TO "StoryDocument";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

