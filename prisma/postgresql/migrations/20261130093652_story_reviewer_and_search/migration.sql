-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "reviewerId" TEXT,
ADD COLUMN     "summaryText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Story_reviewerId_idx" ON "Story"("reviewerId");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The story search (server/stories/story-search.ts) on PostgreSQL's full-text search: GIN indexes on the
-- expressions the search matches with websearch_to_tsquery (the 'simple' configuration, no stemming, as
-- SQLite's FTS5 unicode61 tokenizer). Prisma knows nothing of them.
CREATE INDEX "Story_search_idx" ON "Story" USING GIN (to_tsvector('simple', "title" || ' ' || "summaryText"));
CREATE INDEX "Source_search_idx" ON "Source" USING GIN (to_tsvector('simple', coalesce("headline", '') || ' ' || "text"));
