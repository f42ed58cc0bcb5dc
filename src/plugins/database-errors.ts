// Errors that mean "the database is down or unreachable", which clients should retry (503),
// as opposed to bugs (500). Driver adapters wrap the driver's error, so the chain is walked.

const unavailableCodes = new Set([
  'P1001', // can't reach database server
  'P1002', // server timed out
  'P1017', // server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
]);

const unavailableMessage =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|terminating connection|database system is (shutting down|starting up)|Can't reach database|Client has encountered a connection error|timeout exceeded when trying to connect|DatabaseNotReachable|the database system is in recovery/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const candidate = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
  if (typeof candidate.code === 'string' && unavailableCodes.has(candidate.code)) return true;
  if (candidate.kind === 'DatabaseNotReachable' || candidate.kind === 'ConnectionClosed') return true;
  if (typeof candidate.message === 'string' && unavailableMessage.test(candidate.message)) return true;
  return isDatabaseUnavailable(candidate.cause, depth + 1);
}
