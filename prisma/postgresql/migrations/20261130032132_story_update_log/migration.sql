-- AlterTable
ALTER TABLE "StoryDocument" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "StoryUpdate" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoryUpdate_storyId_idx" ON "StoryUpdate"("storyId");

-- AddForeignKey
ALTER TABLE "StoryUpdate" ADD CONSTRAINT "StoryUpdate_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

