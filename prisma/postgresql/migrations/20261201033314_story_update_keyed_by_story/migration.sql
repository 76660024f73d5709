-- DropIndex
DROP INDEX "StoryUpdate_storyId_idx";

-- AlterTable
ALTER TABLE "StoryUpdate" DROP CONSTRAINT "StoryUpdate_pkey",
ADD CONSTRAINT "StoryUpdate_pkey" PRIMARY KEY ("storyId", "id");

