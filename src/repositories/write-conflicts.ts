// Two transactions that lock the same rows in different orders deadlock, and Postgres aborts one
// of them (40P01); a serializable one can fail to serialize (40001). Neither is a bug nor the
// client's fault: the aborted transaction is run again from the start, a few times, and only if
// it keeps losing does the client get a 409 with Retry-After (never a 500).
import { ApiError } from '../errors.js';

const conflictStates = new Set(['40001', '40P01', 'P2034']);

/** True for a serialization failure or deadlock, as Prisma, the driver adapters or pg report it. */
export function isWriteConflict(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 6) return false;
  const candidate = error as { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } | null };
  if (typeof candidate.code === 'string' && conflictStates.has(candidate.code)) return true;
  if (candidate.kind === 'TransactionWriteConflict') return true;
  const adapterError = typeof candidate.meta === 'object' && candidate.meta !== null ? candidate.meta.driverAdapterError : undefined;
  return isWriteConflict(candidate.cause, depth + 1) || isWriteConflict(adapterError, depth + 1);
}

const ATTEMPTS = 5;

/** Runs `attempt` again when it lost a write conflict; a 409 `conflict` after the last try. */
export async function retryWriteConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
      if (tries >= ATTEMPTS) {
        throw new ApiError('conflict', 'Other changes to the same data kept conflicting with this one; retry it.', {}, { 'retry-after': '1' });
      }
      // A short random pause, so that the transactions that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * tries));
    }
  }
}
