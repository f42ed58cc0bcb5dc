-- An ingest job whose body is still being read: its lines are stored as they arrive, and it is
-- queued only once the whole body is in

-- AlterEnum
ALTER TYPE "IngestJobState" ADD VALUE 'receiving';
