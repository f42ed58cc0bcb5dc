-- Reported speech: a quote is any attribution (direct, mixed or indirect), and a source that is no
-- entity keeps its words and span. Entities gain OntoNotes-style name types and, for people, a
-- gender estimate that an editor may override.

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('female', 'male', 'nonbinary', 'unknown');

-- CreateEnum
CREATE TYPE "GenderSource" AS ENUM ('estimated', 'editor');

-- AlterEnum
ALTER TYPE "EntityType" ADD VALUE 'NORP';
ALTER TYPE "EntityType" ADD VALUE 'FAC';
ALTER TYPE "EntityType" ADD VALUE 'PRODUCT';
ALTER TYPE "EntityType" ADD VALUE 'EVENT';
ALTER TYPE "EntityType" ADD VALUE 'WORK_OF_ART';
ALTER TYPE "EntityType" ADD VALUE 'LAW';

-- AlterEnum: a quote partly inside quotation marks was "partial", it is "mixed" now: rows keep
-- their meaning, so the value is renamed rather than the type rebuilt
ALTER TYPE "QuoteKind" RENAME VALUE 'partial' TO 'mixed';
ALTER TYPE "QuoteKind" ADD VALUE 'indirect';

-- AlterTable
ALTER TABLE "Entity" ADD COLUMN     "gender" "Gender",
ADD COLUMN     "genderSource" "GenderSource";

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "sourceEnd" INTEGER,
ADD COLUMN     "sourceStart" INTEGER,
ADD COLUMN     "sourceText" VARCHAR(500);
