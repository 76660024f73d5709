-- AlterTable
ALTER TABLE "Source" ADD COLUMN "hiddenAt" DATETIME;

