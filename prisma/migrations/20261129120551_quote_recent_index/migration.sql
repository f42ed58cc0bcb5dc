-- CreateIndex
CREATE INDEX "Quote_createdAt_id_idx" ON "Quote"("createdAt" DESC, "id" DESC);
