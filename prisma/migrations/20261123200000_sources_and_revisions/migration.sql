-- CreateTable
CREATE TABLE "SourceRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SourceRevision_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SourceRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

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
    CONSTRAINT "Story_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Story" ("createdAt", "createdById", "id", "slug", "status", "title", "updatedAt") SELECT "createdAt", "createdById", "id", "slug", "status", "title", "updatedAt" FROM "Story";
DROP TABLE "Story";
ALTER TABLE "new_Story" RENAME TO "Story";
CREATE UNIQUE INDEX "Story_slug_key" ON "Story"("slug");
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'article',
    "outlet" TEXT,
    "url" TEXT,
    "headline" TEXT,
    "author" TEXT,
    "publishedAt" DATETIME,
    "statedAge" TEXT,
    "reliabilityLabel" TEXT,
    "reliabilityNote" TEXT,
    "biasLabel" TEXT NOT NULL DEFAULT 'unknown',
    "biasNote" TEXT,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Source_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("author", "biasLabel", "biasNote", "contentHash", "createdAt", "headline", "id", "kind", "outlet", "position", "publishedAt", "reliabilityLabel", "reliabilityNote", "statedAge", "storyId", "text", "url") SELECT "author", "biasLabel", "biasNote", "contentHash", "createdAt", "headline", "id", "kind", "outlet", "position", "publishedAt", "reliabilityLabel", "reliabilityNote", "statedAge", "storyId", "text", "url" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_storyId_position_idx" ON "Source"("storyId", "position");
CREATE UNIQUE INDEX "Source_storyId_contentHash_key" ON "Source"("storyId", "contentHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SourceRevision_sourceId_number_key" ON "SourceRevision"("sourceId", "number");


-- Every existing source's text becomes its first revision.
INSERT INTO "SourceRevision" ("id", "sourceId", "number", "text", "contentHash", "note", "createdAt")
SELECT 'rev1-' || "id", "id", 1, "text", "contentHash", '', "createdAt" FROM "Source";
