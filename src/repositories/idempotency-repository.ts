import type { Prisma } from '../generated/prisma/client.js';
import type { DbClient } from './db-client.js';

export type IdempotencyRow = Prisma.IdempotencyRecordGetPayload<object>;

export class IdempotencyRepository {
  constructor(private readonly db: DbClient) {}

  /** Inserts the record unless this key already has one; true when this call inserted it. */
  async claim(row: { id: string; apiKeyId: string; key: string; method: string; path: string; requestHash: string }): Promise<boolean> {
    const { count } = await this.db.idempotencyRecord.createMany({ data: [row], skipDuplicates: true });
    return count === 1;
  }

  find(apiKeyId: string, key: string): Promise<IdempotencyRow | null> {
    return this.db.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
  }

  /** Takes over a record whose first request never finished (its process died). */
  async reclaim(id: string, staleBefore: Date, newId: string): Promise<boolean> {
    const { count } = await this.db.idempotencyRecord.updateMany({
      where: { id, status: null, createdAt: { lt: staleBefore } },
      data: { id: newId, createdAt: new Date() },
    });
    return count === 1;
  }

  /** Stores the answer; `requestHash` replaces a stand-in when the request's body was streamed. */
  async complete(id: string, status: number, headers: Record<string, string>, body: string | null, requestHash?: string): Promise<void> {
    await this.db.idempotencyRecord.updateMany({ where: { id }, data: { status, headers, body, ...(requestHash ? { requestHash } : {}) } });
  }

  /** Forgets a claim whose request failed on our side, so a retry runs again. */
  async release(id: string): Promise<void> {
    await this.db.idempotencyRecord.deleteMany({ where: { id, status: null } });
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const { count } = await this.db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: cutoff } } });
    return count;
  }
}
