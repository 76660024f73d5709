-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

