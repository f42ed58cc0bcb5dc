-- CreateEnum
CREATE TYPE "Origin" AS ENUM ('machine', 'editor');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('unreviewed', 'confirmed', 'rejected', 'orphaned');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('PERSON', 'ORG', 'LOC');

-- CreateEnum
CREATE TYPE "MentionKind" AS ENUM ('name', 'nominal', 'pronoun');

-- CreateEnum
CREATE TYPE "QuoteKind" AS ENUM ('direct', 'partial');

-- CreateEnum
CREATE TYPE "ArticleFormat" AS ENUM ('wire', 'plain');

-- CreateEnum
CREATE TYPE "ParagraphRole" AS ENUM ('standfirst', 'body');

-- CreateTable
CREATE TABLE "Article" (
    "id" UUID NOT NULL,
    "contentHash" CHAR(64) NOT NULL,
    "source" VARCHAR(200),
    "externalId" VARCHAR(500),
    "url" VARCHAR(2000),
    "publishedAt" TIMESTAMPTZ(3),
    "language" VARCHAR(35),
    "format" "ArticleFormat" NOT NULL,
    "headline" TEXT,
    "sourceLine" TEXT,
    "standfirst" TEXT,
    "datelineText" TEXT,
    "datelinePlace" TEXT,
    "datelineAgency" TEXT,
    "byline" TEXT,
    "text" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "pipelineVersion" VARCHAR(50) NOT NULL,
    "paragraphCount" INTEGER NOT NULL,
    "quoteCount" INTEGER NOT NULL,
    "entityCount" INTEGER NOT NULL,
    "mentionCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "role" "ParagraphRole" NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Entity" (
    "id" UUID NOT NULL,
    "type" "EntityType" NOT NULL,
    "canonicalName" VARCHAR(300) NOT NULL,
    "normalizedName" VARCHAR(300) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntityAlias" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "alias" VARCHAR(300) NOT NULL,
    "normalized" VARCHAR(300) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntityAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "MentionKind" NOT NULL,
    "origin" "Origin" NOT NULL DEFAULT 'machine',
    "pipelineVersion" VARCHAR(50),
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'unreviewed',
    "updatedBy" VARCHAR(200),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "paragraphIndex" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "QuoteKind" NOT NULL,
    "speakerEntityId" UUID,
    "speakerMentionId" UUID,
    "viaEntityId" UUID,
    "cueStart" INTEGER,
    "cueEnd" INTEGER,
    "cueText" TEXT,
    "rule" VARCHAR(100) NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "origin" "Origin" NOT NULL DEFAULT 'machine',
    "pipelineVersion" VARCHAR(50),
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'unreviewed',
    "updatedBy" VARCHAR(200),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Article_source_id_idx" ON "Article"("source", "id");

-- CreateIndex
CREATE INDEX "Article_createdAt_idx" ON "Article"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "Article_source_externalId_key" ON "Article"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_articleId_index_key" ON "Paragraph"("articleId", "index");

-- CreateIndex
CREATE INDEX "Entity_normalizedName_idx" ON "Entity"("normalizedName");

-- CreateIndex
CREATE UNIQUE INDEX "Entity_type_normalizedName_key" ON "Entity"("type", "normalizedName");

-- CreateIndex
CREATE INDEX "EntityAlias_normalized_idx" ON "EntityAlias"("normalized");

-- CreateIndex
CREATE UNIQUE INDEX "EntityAlias_entityId_normalized_key" ON "EntityAlias"("entityId", "normalized");

-- CreateIndex
CREATE INDEX "Mention_articleId_start_idx" ON "Mention"("articleId", "start");

-- CreateIndex
CREATE INDEX "Mention_entityId_articleId_idx" ON "Mention"("entityId", "articleId");

-- CreateIndex
CREATE INDEX "Quote_articleId_start_idx" ON "Quote"("articleId", "start");

-- CreateIndex
CREATE INDEX "Quote_speakerEntityId_createdAt_id_idx" ON "Quote"("speakerEntityId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Quote_viaEntityId_idx" ON "Quote"("viaEntityId");

-- CreateIndex
CREATE INDEX "Quote_speakerMentionId_idx" ON "Quote"("speakerMentionId");

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityAlias" ADD CONSTRAINT "EntityAlias_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerEntityId_fkey" FOREIGN KEY ("speakerEntityId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerMentionId_fkey" FOREIGN KEY ("speakerMentionId") REFERENCES "Mention"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_viaEntityId_fkey" FOREIGN KEY ("viaEntityId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;
