// `worker` command: takes chunks of queued ingest jobs (POST /v1/ingest-jobs) from the pg-boss
// queue and ingests their articles. Run any number of workers, on any machine that reaches the
// database. SIGTERM or SIGINT: the worker stops taking chunks, finishes the article in hand,
// hands the rest of its chunk back to the queue and exits 0. A worker that dies without that
// (SIGKILL, a lost machine) has its chunk given to another worker once the chunk expires.

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { configureAnnotator } from '../services/annotator.js';
import { openDatabase } from '../db/database.js';
import { IngestQueue } from '../queue/ingest-queue.js';
import { Store } from '../repositories/store.js';
import { IngestJobService } from '../services/ingest-job-service.js';
import { IngestService } from '../services/ingest-service.js';

export const workerUsage = `usage: news-annotations worker [--concurrency N] [--expire-seconds S] [--heartbeat FILE]

  Ingests queued ingest jobs (POST /v1/ingest-jobs); needs DATABASE_URL (Postgres).
  --concurrency N     chunks this process works on at once (default 2)
  --expire-seconds S  how long a crashed worker's chunk waits before another worker takes it
                      over (default 30); applies to the chunks this worker re-queues
  --heartbeat FILE    write the time to FILE every 10 s while the worker runs (for health checks)
`;

const HEARTBEAT_MS = 10_000;

export interface WorkerIo {
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Resolves when the worker should stop (default: the first SIGTERM or SIGINT). */
  stopSignal?: Promise<string>;
}

const signalled = (): Promise<string> =>
  new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });

/** Runs until a stop signal, then finishes the article in hand and resolves with the exit code. */
export async function runWorker(args: string[], io: WorkerIo = { stderr: process.stderr, env: process.env }): Promise<number> {
  let concurrency: number;
  let expireInSeconds: number;
  let heartbeatFile: string | undefined;
  try {
    const { values } = parseArgs({
      args,
      options: {
        concurrency: { type: 'string', default: '2' },
        'expire-seconds': { type: 'string', default: '30' },
        heartbeat: { type: 'string' },
      },
      allowPositionals: false,
    });
    concurrency = Number(values.concurrency);
    expireInSeconds = Number(values['expire-seconds']);
    heartbeatFile = values.heartbeat;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error('--concurrency must be 1 to 64');
    if (!Number.isInteger(expireInSeconds) || expireInSeconds < 5) throw new Error('--expire-seconds must be 5 or more');
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${workerUsage}`);
    return 2;
  }
  const stopSignal = io.stopSignal ?? signalled();

  const config = loadConfig(io.env);
  configureAnnotator({ threads: config.annotatorThreads });
  if (!config.databaseUrl) {
    io.stderr.write('the worker needs DATABASE_URL: the ingest queue lives in Postgres (on the embedded database the server ingests jobs itself)\n');
    return 2;
  }
  const log = pino({ level: config.logLevel, base: { role: 'worker', pid: process.pid } });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    preparedStatements: config.databasePreparedStatements,
  });
  const queue = new IngestQueue({
    connectionString: config.databaseUrl,
    poolSize: 2,
    supervise: true,
    expireInSeconds,
  });
  let stopping = false;
  const inHand = new Set<Promise<unknown>>();
  let heartbeat: NodeJS.Timeout | undefined;
  try {
    await database.migrate();
    const store = new Store(database);
    const jobs = new IngestJobService(store, new IngestService(store), queue);
    await queue.start();
    for (let i = 0; i < concurrency; i++) {
      await queue.work(async (message) => {
        log.info({ ...message }, 'chunk started');
        const work = jobs.processChunk(message, { shouldStop: () => stopping, log });
        inHand.add(work);
        try {
          const { settled, handedBack } = await work;
          log.info({ ...message, settled, handedBack }, 'chunk processed');
        } finally {
          inHand.delete(work);
        }
      });
    }
    await queue.workDead(async (message) => {
      log.error({ ...message }, 'chunk failed too often: its pending items are marked failed');
      await jobs.abandonChunk(message);
    });
    if (heartbeatFile) {
      const file = heartbeatFile;
      const beat = () => writeFile(file, `${new Date().toISOString()}\n`).catch((error: unknown) => log.warn({ err: error }, 'heartbeat not written'));
      await beat();
      heartbeat = setInterval(() => void beat(), HEARTBEAT_MS);
    }
    log.info({ concurrency, expireInSeconds }, 'worker started');

    const signal = await stopSignal;
    stopping = true;
    log.info({ signal }, 'stopping: finishing the article in hand');
    await queue.stopWorking();
    await Promise.allSettled([...inHand]);
    return 0;
  } finally {
    stopping = true;
    clearInterval(heartbeat);
    await queue.stop(5_000);
    await database.close();
    log.info('worker stopped');
  }
}
