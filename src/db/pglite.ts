import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

// The extensions the migrations create; embedded Postgres must load them up front.
const extensions = { pg_trgm };

/** An embedded Postgres in `dataDir` (in memory when omitted) with the extensions the schema needs. */
export function createPGlite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir ?? 'memory://', { extensions });
}

/**
 * The Prisma driver adapter factory for a PGlite database. Its shadow database (used to replay
 * migrations when diffing) loads the same extensions, which the stock factory's does not.
 */
export class PGliteAdapterFactory extends PrismaPGlite implements SqlMigrationAwareDriverAdapterFactory {
  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new PrismaPGlite(await createPGlite()).connect();
  }
}

/** Another process has the embedded database's data folder open. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

const LOCK_FILE = 'news-annotations.pid';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the data folder for this process, as Postgres's postmaster.pid does: two processes on one
 * embedded database would each see only their own writes and lose them at the next start. A lock
 * left by a process that died is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const mine = `${process.pid}\n${os.hostname()}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      const release = () => {
        try {
          if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [pidLine = '', host = ''] = readFileSync(file, 'utf8').split('\n');
    const pid = Number(pidLine);
    if (Number.isInteger(pid) && pid > 0 && (host !== os.hostname() || isAlive(pid))) {
      throw new DataDirInUseError(
        `The embedded database in ${dataDir} is in use by another process (pid ${pid}${host === os.hostname() ? '' : ` on ${host}`}). ` +
          'Two processes must never open one data folder: stop that process, or send the articles through the running server ' +
          '(`npm run cli -- ingest --server http://HOST:PORT --key KEY ...`), or use Postgres (DATABASE_URL) to run several processes. ' +
          `If no such process runs, delete ${file}.`,
      );
    }
    // Left by a process that died: moved aside (only one taker succeeds), then taken.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
      unlinkSync(aside);
    } catch {
      // another process took it over first; the next attempt sees its lock
    }
  }
  throw new DataDirInUseError(`The embedded database in ${dataDir} is being opened by another process; try again.`);
}
