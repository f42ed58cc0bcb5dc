-- CreateEnum
CREATE TYPE "IngestJobState" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "IngestJobItemStatus" AS ENUM ('pending', 'created', 'existing', 'failed');

-- CreateTable
CREATE TABLE "IngestJob" (
    "id" UUID NOT NULL,
    "state" "IngestJobState" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "existing" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "createdBy" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IngestJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestJobItem" (
    "jobId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "status" "IngestJobItemStatus" NOT NULL DEFAULT 'pending',
    "articleId" UUID,
    "problem" JSONB,
    "updatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IngestJobItem_pkey" PRIMARY KEY ("jobId","index")
);

-- CreateIndex
CREATE INDEX "IngestJob_state_createdAt_idx" ON "IngestJob"("state", "createdAt");

-- CreateIndex
CREATE INDEX "IngestJobItem_jobId_status_index_idx" ON "IngestJobItem"("jobId", "status", "index");

-- CreateIndex
CREATE INDEX "IngestJobItem_status_idx" ON "IngestJobItem"("status");

-- AddForeignKey
ALTER TABLE "IngestJobItem" ADD CONSTRAINT "IngestJobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "IngestJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
