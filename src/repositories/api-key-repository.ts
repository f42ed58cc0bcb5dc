import { Prisma, type ApiKeyScope } from '../generated/prisma/client.js';
import type { SqlReader } from '../db/sql-reader.js';
import { prismaReader, type DbClient } from './db-client.js';

export type ApiKeyRow = Prisma.ApiKeyGetPayload<object>;

export class ApiKeyRepository {
  constructor(
    private readonly db: DbClient,
    private readonly reader: SqlReader = prismaReader(db),
  ) {}

  create(row: { id: string; name: string; prefix: string; hash: string; scopes: ApiKeyScope[] }): Promise<ApiKeyRow> {
    return this.db.apiKey.create({ data: row });
  }

  findActiveByHash(hash: string): Promise<Pick<ApiKeyRow, 'id' | 'name' | 'scopes'> | null> {
    return this.db.apiKey.findFirst({
      where: { hash, revokedAt: null },
      select: { id: true, name: true, scopes: true },
    });
  }

  findById(id: string): Promise<ApiKeyRow | null> {
    return this.db.apiKey.findUnique({ where: { id } });
  }

  countActive(): Promise<number> {
    return this.db.apiKey.count({ where: { revokedAt: null } });
  }

  /** Active keys, newest first, ids below `beforeId`; one statement on the page reader. */
  list(limit: number, beforeId?: string): Promise<ApiKeyRow[]> {
    return this.reader.rows(Prisma.sql`
      SELECT "id", "name", "prefix", "hash", "scopes"::text[] AS "scopes", "createdAt", "revokedAt" FROM "ApiKey"
       WHERE "revokedAt" IS NULL ${beforeId ? Prisma.sql`AND "id" < ${beforeId}::uuid` : Prisma.empty}
       ORDER BY "id" DESC LIMIT ${limit}`);
  }

  /** What authentication needs of the key with this hash, active or revoked (null: no such key). */
  lookupByHash(hash: string): Promise<Pick<ApiKeyRow, 'id' | 'name' | 'scopes' | 'revokedAt'> | null> {
    return this.db.apiKey.findUnique({ where: { hash }, select: { id: true, name: true, scopes: true, revokedAt: true } });
  }

  /** The key with this hash, active or revoked. */
  findByHash(hash: string): Promise<Pick<ApiKeyRow, 'id' | 'revokedAt'> | null> {
    return this.db.apiKey.findUnique({ where: { hash }, select: { id: true, revokedAt: true } });
  }

  /** The active admin keys' ids, locked until the transaction ends (so two revokes cannot both pass the last-admin check). */
  async lockActiveAdmins(): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "ApiKey" WHERE "revokedAt" IS NULL AND 'admin' = ANY("scopes") ORDER BY "id" FOR UPDATE`;
    return rows.map((row) => row.id);
  }

  /** Tells every process on this database (LISTEN api_key_changes) once the transaction commits. */
  async notifyChange(payload: string): Promise<void> {
    await this.db.$executeRaw`SELECT pg_notify('api_key_changes', ${payload})`;
  }

  /** Revokes an active key; false when there was none with that id. */
  async revoke(id: string): Promise<boolean> {
    const { count } = await this.db.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return count > 0;
  }
}
