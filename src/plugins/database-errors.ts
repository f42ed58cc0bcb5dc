// Errors that mean "the database is down or unreachable", which clients should retry (503),
// as opposed to bugs (500).
//
// What Prisma 7 with @prisma/adapter-pg actually throws while Postgres is down or restarting
// (checked against a real server by test/faults/database-down.test.ts):
// - model queries and `$transaction` when no connection can be opened: PrismaClientKnownRequestError
//   `P1001` with `meta.driverAdapterError.cause.kind === 'DatabaseNotReachable'` (ECONNREFUSED);
// - raw queries (`$queryRaw`, the readiness ping): `P2010` whose driver adapter cause is
//   `DatabaseNotReachable`, or `{ kind: 'postgres', code: '57P01' }` when the server shuts down
//   (`pg_ctl stop -m fast`) under a running query;
// - a connection that dies without a goodbye (`-m immediate`, a crash, a network cut): the `pg`
//   driver's plain `Error('Connection terminated unexpectedly')`, passed through unwrapped;
// - the pool's connect timeout: plain `Error('timeout exceeded when trying to connect')`;
// - every pooled connection busy for longer than `$transaction`'s maxWait: P2028 "Unable to start a
//   transaction in the given time" (overload, so a 503 with Retry-After; other P2028s are bugs).
// So the walk follows `cause` and Prisma's `meta.driverAdapterError`, and looks at error codes, the
// adapter's error kinds, Postgres SQLSTATEs (class 08 and 57P0x) and, last, the driver's messages.

const unavailableCodes = new Set([
  'P1001', // can't reach database server
  'P1002', // server timed out
  'P1008', // operation timed out
  'P1017', // server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/** Driver adapter error kinds (@prisma/driver-adapter-utils) that mean the server is not there. */
const unavailableKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

const unavailableMessage =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|terminating connection|database system is (shutting down|starting up|in recovery mode)|Can't reach database|Client has encountered a connection error|timeout exceeded when trying to connect|DatabaseNotReachable|the database system is in recovery|Server has closed the connection|Unable to start a transaction in the given time/i;

// SQLSTATE class 08: connection exception (08000, 08001, 08003, 08004, 08006, 08P01 ...).
const connectionExceptionState = /^08[0-9A-Z]{3}$/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 6) return false;
  const candidate = error as {
    code?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    kind?: unknown;
    meta?: { driverAdapterError?: unknown } | null;
  };
  for (const code of [candidate.code, candidate.originalCode]) {
    if (typeof code !== 'string') continue;
    if (unavailableCodes.has(code) || connectionExceptionState.test(code)) return true;
  }
  if (typeof candidate.kind === 'string' && unavailableKinds.has(candidate.kind)) return true;
  if (typeof candidate.message === 'string' && unavailableMessage.test(candidate.message)) return true;
  const adapterError = typeof candidate.meta === 'object' && candidate.meta !== null ? candidate.meta.driverAdapterError : undefined;
  return isDatabaseUnavailable(candidate.cause, depth + 1) || isDatabaseUnavailable(adapterError, depth + 1);
}
