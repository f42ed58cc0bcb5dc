// A private Postgres cluster for tests that stop, crash or restart the database server: the shared
// cluster on 5432 serves other tests at the same time and is never touched. The cluster lives in a
// temporary folder owned by the `postgres` OS user (initdb refuses to run as root) on a free
// loopback port, with trust authentication, and is removed by destroy().
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The directory holding initdb and pg_ctl: PG_BIN, or the newest Debian install, or PATH. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  return '';
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface PgCluster {
  port: number;
  dataDir: string;
  /** URL of a database on this cluster (user postgres, trust auth). */
  url(database?: string): string;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  start(): Promise<void>;
  /** Stops the server: `fast` disconnects clients and shuts down cleanly, `immediate` is a crash. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** True when the server accepts connections. */
  isRunning(): Promise<boolean>;
  /** Stops the server if needed and removes the data folder. */
  destroy(): Promise<void>;
  /** The server log so far (for failure messages). */
  log(): Promise<string>;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a Postgres binary as the postgres OS user when we are root. */
async function pgCommand(binary: string, args: string[]): Promise<string> {
  const full = postgresBinDir() ? path.join(postgresBinDir(), binary) : binary;
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
  try {
    const { stdout } = await run(command, commandArgs, { timeout: 120_000, cwd: os.tmpdir() });
    return stdout;
  } catch (error) {
    const failure = error as Error & { stderr?: string; stdout?: string };
    throw new Error(`${binary} ${args.join(' ')} failed: ${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`);
  }
}

async function pgUserIds(): Promise<{ uid: number; gid: number } | null> {
  if (!asRoot) return null;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * initdb + pg_ctl start of a new cluster. `settings` are extra postgresql.conf lines
 * (e.g. `wal_level = replica`).
 */
export async function startPgCluster(settings: string[] = []): Promise<PgCluster> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'na-pg-'));
  const ids = await pgUserIds();
  if (ids) await chown(folder, ids.uid, ids.gid);
  const dataDir = path.join(folder, 'data');
  const logFile = path.join(folder, 'server.log');
  const port = await freePort();

  await pgCommand('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const conf = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${folder}'`,
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'max_connections = 100',
    'shared_buffers = 32MB',
    ...settings,
  ];
  const confPath = path.join(dataDir, 'postgresql.conf');
  await writeFile(confPath, `${await readFile(confPath, 'utf8')}\n# tests\n${conf.join('\n')}\n`);

  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const isRunning = async () => {
    const client = new pg.Client({ connectionString: url(), connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  };
  const cluster: PgCluster = {
    port,
    dataDir,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async start() {
      await pgCommand('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start']);
    },
    async stop(mode = 'fast') {
      await pgCommand('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    },
    isRunning,
    async destroy() {
      if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
        await pgCommand('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      }
      await rm(folder, { recursive: true, force: true });
    },
    log: () => readFile(logFile, 'utf8').catch(() => ''),
  };
  await cluster.start();
  return cluster;
}
