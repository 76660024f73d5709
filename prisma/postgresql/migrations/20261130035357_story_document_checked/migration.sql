-- AlterTable
ALTER TABLE "StoryDocument" ADD COLUMN     "checkedBy" INTEGER NOT NULL DEFAULT 0;

