import envSchema from 'env-schema';
import { Type, type Static } from 'typebox';

// Configuration comes from the environment only, validated once at start.
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port to listen on' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Interface to listen on (0.0.0.0 in containers)' }),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'Postgres URL; unset runs embedded Postgres (PGlite)' }),
  ),
  DATABASE_REPLICA_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'A streaming replica for reads (needs DATABASE_URL)' }),
  ),
  READ_YOUR_WRITES_MS: Type.Integer({ minimum: 0, maximum: 3600000, default: 10000 }),
  DATA_DIR: Type.String({ minLength: 1, default: './data', description: 'Data folder of the embedded database' }),
  LOG_LEVEL: Type.Unsafe<LogLevel>({ type: 'string', enum: [...LOG_LEVELS], default: 'info' }),
  BODY_LIMIT: Type.Integer({ minimum: 1024, maximum: 104857600, default: 2097152, description: 'Largest request body, bytes' }),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  DATABASE_PREPARED_STATEMENTS: Type.Boolean({
    default: true,
    description: 'Prepare each statement once per connection; false behind PgBouncer in transaction mode before 1.21',
  }),
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, maximum: 600000, default: 10000 }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 0, maximum: 1000000, default: 600, description: 'Requests per minute per API key; 0 turns it off' }),
  ANNOTATOR_THREADS: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 64, description: 'Worker threads that annotate; default one fewer than the cores, at most 2 (each holds ~30 MB)' }),
  ),
  PUBLIC_BASE_URL: Type.Optional(
    Type.String({ pattern: '^https?://[^/?#\\s]+(/[^?#\\s]*)?$', description: 'Where clients reach the service; the base of ids in exports' }),
  ),
  ADMIN_API_KEY: Type.Optional(
    Type.String({ pattern: '^na_[A-Za-z0-9_-]{32,200}$', description: 'An admin key to register at start' }),
  ),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseReplicaUrl: string | undefined;
  readYourWritesMs: number;
  dataDir: string;
  logLevel: LogLevel;
  bodyLimit: number;
  databasePoolSize: number;
  databasePreparedStatements: boolean;
  shutdownGraceMs: number;
  adminApiKey: string | undefined;
  rateLimitMax: number;
  annotatorThreads: number | undefined;
  /** The base of ids in exports; by default the service's own address. */
  publicBaseUrl: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  let raw: Static<typeof ConfigSchema>;
  try {
    // Empty strings count as unset, as shells and compose files often leave them.
    const data = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
    raw = envSchema<Static<typeof ConfigSchema>>({ schema: ConfigSchema, data, dotenv: false, ajv: undefined });
  } catch (error) {
    const lines = (error as Error).message.split(', ').map((part) => {
      const line = part.replace(/^env\//, '');
      return line.startsWith('LOG_LEVEL') ? `${line}: ${LOG_LEVELS.join(', ')}` : line;
    });
    const message = [...new Set(lines)].map((line) => `  - ${line}`).join('\n');
    throw new ConfigError(`invalid configuration:\n${message}`);
  }
  if (raw.DATABASE_REPLICA_URL && !raw.DATABASE_URL) {
    throw new ConfigError('invalid configuration:\n  - DATABASE_REPLICA_URL needs DATABASE_URL (the primary)');
  }
  return {
    port: raw.PORT,
    host: raw.HOST,
    databaseUrl: raw.DATABASE_URL,
    databaseReplicaUrl: raw.DATABASE_REPLICA_URL,
    readYourWritesMs: raw.READ_YOUR_WRITES_MS,
    dataDir: raw.DATA_DIR,
    logLevel: raw.LOG_LEVEL,
    bodyLimit: raw.BODY_LIMIT,
    databasePoolSize: raw.DATABASE_POOL_SIZE,
    databasePreparedStatements: raw.DATABASE_PREPARED_STATEMENTS,
    shutdownGraceMs: raw.SHUTDOWN_GRACE_MS,
    adminApiKey: raw.ADMIN_API_KEY,
    rateLimitMax: raw.RATE_LIMIT_MAX,
    annotatorThreads: raw.ANNOTATOR_THREADS,
    publicBaseUrl: raw.PUBLIC_BASE_URL ?? `http://${raw.HOST.includes(':') ? `[${raw.HOST}]` : raw.HOST}:${raw.PORT}`,
  };
}
