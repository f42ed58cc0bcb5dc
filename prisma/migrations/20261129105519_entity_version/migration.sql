-- AlterTable
ALTER TABLE "Entity" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
