-- The ?kind= filter of quote search and of an entity's quotes walks newest first within one kind
-- (named after the lead's reported-speech migration so that it sorts after it)

-- CreateIndex
CREATE INDEX "Quote_kind_createdAt_id_idx" ON "Quote"("kind", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Quote_speakerEntityId_kind_createdAt_id_idx" ON "Quote"("speakerEntityId", "kind", "createdAt" DESC, "id" DESC);
