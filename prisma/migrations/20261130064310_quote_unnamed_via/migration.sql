-- A relaying source that is no entity ("..., state media said") keeps its words and span, as an
-- unnamed source does

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "viaEnd" INTEGER,
ADD COLUMN     "viaStart" INTEGER,
ADD COLUMN     "viaText" VARCHAR(500);
