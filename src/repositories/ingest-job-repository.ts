import { Prisma, type IngestJobItemStatus } from '../generated/prisma/client.js';
import { jsonRecordset } from './json-rows.js';
import type { SqlReader } from '../db/sql-reader.js';
import type { QueueSql } from '../queue/ingest-queue.js';
import { prismaReader, type DbClient } from './db-client.js';

export type IngestJobRow = Prisma.IngestJobGetPayload<object>;
export type IngestJobItemRow = Prisma.IngestJobItemGetPayload<object>;
/** An item as the API lists it. */
export type IngestJobItemListed = Pick<IngestJobItemRow, 'index' | 'line' | 'status' | 'articleId' | 'problem'>;

export interface IngestJobCounts {
  pending: number;
  created: number;
  existing: number;
  failed: number;
}

export interface NewIngestJobItem {
  index: number;
  line: number;
  payload: string;
  /** A line that failed on arrival is stored settled, with its problem (and no payload). */
  problem?: Prisma.InputJsonValue;
}

const jobColumns = Prisma.raw(Object.values(Prisma.IngestJobScalarFieldEnum).map((column) => `"${column}"`).join(', '));

/**
 * Ingest jobs and their items. Every status change is conditional, so retries never count twice.
 * What the API reads (a job, its counts, a page of items) is one statement each on the page reader.
 */
export class IngestJobRepository {
  constructor(
    private readonly db: DbClient,
    private readonly reader: SqlReader = prismaReader(db),
  ) {}

  /** A job whose body is being read: no worker sees it and findById does not find it. */
  async createReceiving(job: { id: string; createdBy: string }): Promise<void> {
    await this.db.ingestJob.create({ data: { ...job, total: 0, state: 'receiving' } });
  }

  /**
   * Stores a batch of a receiving job's lines: one statement whose rows are one JSON parameter, so
   * a batch of megabytes is copied once on its way, not once per layer of Prisma's query path.
   */
  async addItems(jobId: string, items: NewIngestJobItem[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map(({ problem, ...item }) => (problem === undefined ? item : { ...item, problem, status: 'failed' }));
    await this.db.$executeRaw(Prisma.sql`
      INSERT INTO "IngestJobItem" ("jobId", "index", "line", "payload", "status", "problem", "updatedAt")
      SELECT ${jobId}::uuid, i."index", i."line", i."payload", COALESCE(i."status", 'pending')::"IngestJobItemStatus", i."problem",
             CASE WHEN i."status" IS NULL THEN NULL ELSE now() END
        FROM ${jsonRecordset(rows, 'i', { index: 'int', line: 'int', payload: 'text', status: 'text', problem: 'jsonb' })}`);
  }

  /** The whole body is in: the job gets its total and is queued. False when it was not receiving. */
  async finishReceiving(jobId: string, total: number): Promise<boolean> {
    const { count } = await this.db.ingestJob.updateMany({ where: { id: jobId, state: 'receiving' }, data: { state: 'queued', total } });
    return count === 1;
  }

  /** Drops a job and its items (a body that was refused or cut off while it was being read). */
  async deleteReceiving(jobId: string): Promise<void> {
    await this.db.ingestJob.deleteMany({ where: { id: jobId, state: 'receiving' } });
  }

  /** Receiving jobs begun before `before`: their process died while it read them. */
  async deleteAbandonedUploads(before: Date): Promise<number> {
    const { count } = await this.db.ingestJob.deleteMany({ where: { state: 'receiving', createdAt: { lt: before } } });
    return count;
  }

  /** A job that clients may see: one whose body has been read in full. */
  async findById(id: string): Promise<IngestJobRow | null> {
    const rows = await this.reader.rows<IngestJobRow>(
      Prisma.sql`SELECT ${jobColumns} FROM "IngestJob" WHERE "id" = ${id}::uuid AND "state" <> 'receiving'`,
    );
    return rows[0] ?? null;
  }

  /** Items of a job by status, counted. */
  async counts(jobId: string): Promise<IngestJobCounts> {
    const groups = await this.reader.rows<{ status: IngestJobItemStatus; count: number }>(Prisma.sql`
      SELECT "status", count(*)::int AS "count" FROM "IngestJobItem" WHERE "jobId" = ${jobId}::uuid GROUP BY "status"`);
    const counts: IngestJobCounts = { pending: 0, created: 0, existing: 0, failed: 0 };
    for (const group of groups) counts[group.status] = group.count;
    return counts;
  }

  /** Failed items in index order, from `afterIndex` on (exclusive). */
  failedItems(jobId: string, limit: number, afterIndex = -1): Promise<Pick<IngestJobItemRow, 'index' | 'line' | 'problem'>[]> {
    return this.reader.rows(Prisma.sql`
      SELECT "index", "line", "problem" FROM "IngestJobItem"
       WHERE "jobId" = ${jobId}::uuid AND "status" = 'failed' AND "index" > ${afterIndex}
       ORDER BY "index" LIMIT ${limit}`);
  }

  /**
   * A page of a visible job's items in index order, optionally of one status, from `afterIndex` on
   * (exclusive), or null when there is no such job; in one statement (the job joined to its
   * items), since a list of items is read as often as the job is polled. Only the columns the API
   * shows: not the payload (the article line), nor the time stamps, whose parsing had been a sixth
   * of the route's CPU.
   */
  async items(jobId: string, limit: number, afterIndex = -1, status?: IngestJobItemStatus): Promise<IngestJobItemListed[] | null> {
    const rows = await this.reader.rows<Omit<IngestJobItemListed, 'index'> & { jobId: string; index: number | null }>(Prisma.sql`
      SELECT j."id" AS "jobId", i."index", i."line", i."status", i."articleId", i."problem"
        FROM "IngestJob" j
        LEFT JOIN LATERAL (
          SELECT "index", "line", "status", "articleId", "problem" FROM "IngestJobItem"
           WHERE "jobId" = j."id" AND "index" > ${afterIndex}
             ${status ? Prisma.sql`AND "status" = ${status}::"IngestJobItemStatus"` : Prisma.empty}
           ORDER BY "index" LIMIT ${limit}) i ON true
       WHERE j."id" = ${jobId}::uuid AND j."state" <> 'receiving'
       ORDER BY i."index"`);
    if (rows.length === 0) return null;
    return rows.filter((row): row is typeof row & { index: number } => row.index !== null);
  }

  /** The still pending items of a job whose index lies in [from, to). */
  pendingItems(jobId: string, from: number, to: number): Promise<Pick<IngestJobItemRow, 'index' | 'line' | 'payload'>[]> {
    return this.db.ingestJobItem.findMany({
      where: { jobId, status: 'pending', index: { gte: from, lt: to } },
      orderBy: { index: 'asc' },
      select: { index: true, line: true, payload: true },
    });
  }

  /**
   * Settles a pending item: true when this call did it, false when it was no longer pending
   * (another worker settled it first).
   */
  async settle(
    jobId: string,
    index: number,
    outcome:
      | { status: 'created' | 'existing'; articleId: string }
      | { status: 'failed'; problem: Prisma.InputJsonValue },
  ): Promise<boolean> {
    const { count } = await this.db.ingestJobItem.updateMany({
      where: { jobId, index, status: 'pending' },
      data: {
        status: outcome.status,
        articleId: outcome.status === 'failed' ? null : outcome.articleId,
        ...(outcome.status === 'failed' ? { problem: outcome.problem } : {}),
        updatedAt: new Date(),
      },
    });
    return count === 1;
  }

  /** Marks a queued job running (once). */
  async markRunning(jobId: string): Promise<void> {
    await this.db.ingestJob.updateMany({
      where: { id: jobId, state: 'queued' },
      data: { state: 'running', startedAt: new Date() },
    });
  }

  /**
   * Marks the job done with its final counts when none of its items is pending any more; one
   * statement, so of several workers finishing at once exactly one does it. True when this call did.
   */
  async finishIfComplete(jobId: string): Promise<boolean> {
    const updated = await this.db.$executeRaw`
      UPDATE "IngestJob" AS j SET
        "state" = 'done',
        "startedAt" = COALESCE(j."startedAt", now()),
        "finishedAt" = now(),
        "created" = c.created,
        "existing" = c.existing,
        "failed" = c.failed
      FROM (
        SELECT
          count(*) FILTER (WHERE "status" = 'created')::int AS created,
          count(*) FILTER (WHERE "status" = 'existing')::int AS existing,
          count(*) FILTER (WHERE "status" = 'failed')::int AS failed
        FROM "IngestJobItem" WHERE "jobId" = ${jobId}::uuid
      ) AS c
      WHERE j."id" = ${jobId}::uuid
        AND j."state" IN ('queued', 'running')
        AND NOT EXISTS (
          SELECT 1 FROM "IngestJobItem" WHERE "jobId" = ${jobId}::uuid AND "status" = 'pending'
        )`;
    return updated === 1;
  }

  /** Runs the queue's SQL on this repository's connection (inside its transaction, if any). */
  queueSql(): QueueSql {
    return {
      executeSql: async (text: string, values: unknown[]) => ({
        rows: await this.db.$queryRawUnsafe<unknown[]>(text, ...values),
      }),
    };
  }

  /** Items waiting to be ingested, over all jobs. */
  countPendingItems(): Promise<number> {
    return this.db.ingestJobItem.count({ where: { status: 'pending', job: { state: { not: 'receiving' } } } });
  }

  /** Jobs not done yet with items still pending, oldest first (for re-enqueueing). */
  unfinishedJobs(limit: number): Promise<Pick<IngestJobRow, 'id' | 'total'>[]> {
    return this.db.ingestJob.findMany({
      where: { state: { in: ['queued', 'running'] } },
      orderBy: { createdAt: 'asc' },
      take: limit,
      select: { id: true, total: true },
    });
  }
}
