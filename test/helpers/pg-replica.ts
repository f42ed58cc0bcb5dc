// A streaming replica of a private test cluster (test/helpers/pg-cluster.ts): pg_basebackup -R
// copies the primary and configures it as a standby, started on its own loopback port.
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, postgresBinDir, startPgCluster, type PgCluster } from './pg-cluster.js';

const run = promisify(execFile);

async function asPostgres(binary: string, args: string[]): Promise<void> {
  const full = path.join(postgresBinDir(), binary);
  const root = process.getuid?.() === 0;
  await run(root ? 'runuser' : full, root ? ['-u', 'postgres', '--', full, ...args] : args, { timeout: 120_000, cwd: os.tmpdir() });
}

export interface ReplicatedClusters {
  primary: PgCluster;
  /** URL of `database` on the standby. */
  replicaUrl(database: string): string;
  /** Resolves once the standby has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startReplicatedClusters(): Promise<ReplicatedClusters> {
  const primary = await startPgCluster(['wal_level = replica', 'max_wal_senders = 5', 'hot_standby = on']);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'na-replica-'));
  if (process.getuid?.() === 0) {
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(uid), Number(gid));
  }
  const dataDir = path.join(folder, 'data');
  const port = await freePort();
  await asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream']);
  const confPath = path.join(dataDir, 'postgresql.conf');
  await writeFile(confPath, `${await readFile(confPath, 'utf8')}\nport = ${port}\nunix_socket_directories = '${folder}'\n`);
  await asPostgres('pg_ctl', ['-D', dataDir, '-l', path.join(folder, 'server.log'), '-w', '-t', '60', 'start']);

  const replicaUrl = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    primary,
    replicaUrl,
    async caughtUp() {
      const client = new pg.Client({ connectionString: primary.url() });
      await client.connect();
      try {
        const { rows } = await client.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
        for (let attempt = 0; attempt < 200; attempt++) {
          const standby = new pg.Client({ connectionString: replicaUrl('postgres') });
          await standby.connect();
          const { rows: replayed } = await standby.query<{ caught: boolean }>(
            'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught',
            [rows[0]!.lsn],
          );
          await standby.end();
          if (replayed[0]?.caught) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('the standby did not catch up');
      } finally {
        await client.end();
      }
    },
    async destroy() {
      await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(folder, { recursive: true, force: true });
      await primary.destroy();
    },
  };
}
