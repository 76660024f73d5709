-- The revision each source's quotes were last re-anchored to; sources corrected so far were re-anchored.
ALTER TABLE "Source" ADD COLUMN "anchoredRevision" INTEGER NOT NULL DEFAULT 1;
UPDATE "Source" SET "anchoredRevision" = "revision";
