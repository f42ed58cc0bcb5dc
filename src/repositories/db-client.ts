import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { SqlReader, SqlStatement } from '../db/sql-reader.js';

/** Either the client or a transaction: repositories work on both. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/** True for Prisma's unique-constraint violation (P2002): another writer stored the same key first. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';

/** Page reads through Prisma's raw queries: inside a transaction, or without a driver reader. */
export function prismaReader(db: DbClient): SqlReader {
  return {
    rows<T>(statement: SqlStatement) {
      return db.$queryRawUnsafe<T[]>(statement.text, ...statement.values);
    },
  };
}
