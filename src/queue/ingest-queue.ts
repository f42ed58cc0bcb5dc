// The ingest job queue: pg-boss on the service's own Postgres (its tables live in the `pgboss`
// schema, which pg-boss creates and migrates itself; they are not part of the Prisma schema).
// A message names a chunk of an ingest job's items; the items themselves, and what became of
// them, are in the IngestJob and IngestJobItem tables, so the queue only says "work on this".

import PgBoss from 'pg-boss';
import pg from 'pg';

/** The pg-boss queue of ingest chunks. */
export const INGEST_QUEUE = 'ingest-chunk';
/** Where a chunk goes when it failed too often: workers fail its pending items so the job ends. */
export const INGEST_DEAD_QUEUE = 'ingest-chunk-dead';

/** Items [from, to) of ingest job `jobId`. */
export interface ChunkMessage {
  jobId: string;
  from: number;
  to: number;
}

/** Runs SQL for pg-boss on a connection of the caller's choosing (e.g. inside a transaction). */
export type QueueSql = PgBoss.Db;

export interface IngestQueueOptions {
  connectionString: string;
  /** Connections pg-boss keeps open; the API needs few, a worker a few more. */
  poolSize?: number;
  /**
   * A chunk not finished this long after a worker took it is given to another worker: this is how
   * the chunk of a crashed worker is picked up again.
   */
  expireInSeconds?: number;
  /** How often a worker looks for expired chunks (pg-boss maintenance). */
  maintenanceIntervalSeconds?: number;
  /** Whether this process does pg-boss maintenance (workers do; the API does not need to). */
  supervise?: boolean;
  /** How often an idle worker looks for new chunks. */
  pollingIntervalSeconds?: number;
}

// pg-boss marks a finished chunk completed or failed without waiting for it (manager.js): while
// Postgres is down that statement's rejection is unhandled, and Node ends the process. Rejections
// of the queue's own SQL are marked and, when nobody handled them, logged instead: the chunk's
// state is then settled by its expiry (it is retried and skips what was settled). Every other
// unhandled rejection still ends the process, as Node's default does.
const QUEUE_SQL_ERROR = Symbol('queue SQL error');

function markQueueError(error: unknown): never {
  if (typeof error === 'object' && error !== null) (error as Record<symbol, boolean>)[QUEUE_SQL_ERROR] = true;
  throw error;
}

let unhandledQueueErrorsTolerated = false;
function tolerateUnhandledQueueErrors(): void {
  if (unhandledQueueErrorsTolerated) return;
  unhandledQueueErrorsTolerated = true;
  process.on('unhandledRejection', (reason) => {
    if (typeof reason === 'object' && reason !== null && (reason as Record<symbol, boolean>)[QUEUE_SQL_ERROR]) {
      process.emitWarning(`pg-boss could not record a chunk's state (it expires and is retried): ${(reason as Error).message}`);
      return;
    }
    throw reason;
  });
}

/** A chunk is retried this often (a crash, an expiry or a database hiccup each count once). */
const RETRY_LIMIT = 20;

export class IngestQueue {
  private boss: PgBoss | null = null;
  private pool: pg.Pool | null = null;
  private starting: Promise<PgBoss> | null = null;
  private readonly expireInSeconds: number;
  private readonly pollingIntervalSeconds: number;

  constructor(private readonly options: IngestQueueOptions) {
    this.expireInSeconds = options.expireInSeconds ?? 30;
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  }

  /** Connects, creates or migrates the pgboss schema and the queue; safe to call often. */
  start(): Promise<PgBoss> {
    this.starting ??= (async () => {
      tolerateUnhandledQueueErrors();
      const supervise = this.options.supervise ?? false;
      // pg-boss runs its SQL on a pool of ours: its connections that die while checked out (Postgres
      // stopping) must fail their query, not end the process with an unhandled 'error' event.
      const pool = new pg.Pool({
        connectionString: this.options.connectionString,
        max: this.options.poolSize ?? 2,
        application_name: 'news-annotations-queue',
        connectionTimeoutMillis: 15_000,
      });
      pool.on('error', () => {});
      pool.on('connect', (client) => client.on('error', () => {}));
      this.pool = pool;
      const boss = new PgBoss({
        connectionString: this.options.connectionString,
        db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values).catch(markQueueError) },
        application_name: 'news-annotations-queue',
        supervise,
        schedule: false,
        migrate: true,
        ...(supervise ? { maintenanceIntervalSeconds: this.options.maintenanceIntervalSeconds ?? 10 } : {}),
      });
      boss.on('error', (error: unknown) => {
        // Connection losses are retried by pg-boss itself; keep them visible without crashing.
        process.emitWarning(`pg-boss: ${(error as Error).message ?? String(error)}`);
      });
      await boss.start();
      await boss.createQueue(INGEST_DEAD_QUEUE, {
        name: INGEST_DEAD_QUEUE,
        retryLimit: RETRY_LIMIT,
        retryDelay: 5,
        expireInSeconds: this.expireInSeconds,
      });
      await boss.createQueue(INGEST_QUEUE, {
        name: INGEST_QUEUE,
        retryLimit: RETRY_LIMIT,
        retryDelay: 1,
        retryBackoff: false,
        expireInSeconds: this.expireInSeconds,
        deadLetter: INGEST_DEAD_QUEUE,
      });
      this.boss = boss;
      return boss;
    })();
    this.starting.catch(() => {
      this.starting = null;
      void this.pool?.end().catch(() => {});
      this.pool = null;
    });
    return this.starting;
  }

  /**
   * Queues chunk messages. With `sql` they are written through that connection, e.g. inside the
   * transaction that stores the job, so the job and its messages exist together or not at all.
   */
  async enqueue(messages: ChunkMessage[], sql?: QueueSql): Promise<void> {
    if (messages.length === 0) return;
    const boss = await this.start();
    const jobs: PgBoss.JobInsert<ChunkMessage>[] = messages.map((data) => ({
      name: INGEST_QUEUE,
      data,
      retryLimit: RETRY_LIMIT,
      retryDelay: 1,
      expireInSeconds: this.expireInSeconds,
      deadLetter: INGEST_DEAD_QUEUE,
    }));
    await boss.insert(jobs, sql ? { db: sql } : {});
  }

  /**
   * Runs `handler` for each chunk taken from the queue, one at a time per call (call it again for
   * more concurrency). A handler that throws has its chunk retried, by any worker.
   */
  async work(handler: (message: ChunkMessage) => Promise<void>): Promise<string> {
    const boss = await this.start();
    return boss.work<ChunkMessage>(
      INGEST_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: this.pollingIntervalSeconds },
      async (jobs) => {
        for (const job of jobs) await handler(job.data);
      },
    );
  }

  /** Runs `handler` for chunks that failed more than the retry limit allows. */
  async workDead(handler: (message: ChunkMessage) => Promise<void>): Promise<string> {
    const boss = await this.start();
    return boss.work<ChunkMessage>(
      INGEST_DEAD_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: Math.max(this.pollingIntervalSeconds, 5) },
      async (jobs) => {
        for (const job of jobs) await handler(job.data);
      },
    );
  }

  /** Stops taking chunks; chunks in hand run to their end. */
  async stopWorking(): Promise<void> {
    await this.boss?.offWork(INGEST_QUEUE);
    await this.boss?.offWork(INGEST_DEAD_QUEUE);
  }

  /** Stops taking chunks, waits for those in hand (up to `timeoutMs`) and closes the connections. */
  async stop(timeoutMs = 30_000): Promise<void> {
    const starting = this.starting;
    this.starting = null;
    if (!starting) return;
    const boss = await starting.catch(() => null);
    this.boss = null;
    if (!boss) return;
    // wait: resolves once the chunks in hand are finished (or failed back to the queue at timeout).
    await boss.stop({ graceful: true, wait: true, timeout: timeoutMs }).catch(() => {});
    await this.pool?.end().catch(() => {});
    this.pool = null;
  }
}
