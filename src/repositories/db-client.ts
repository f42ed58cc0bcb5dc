import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { SqlReader, SqlStatement } from '../db/sql-reader.js';

/** Either the client or a transaction: repositories work on both. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/**
 * True for a unique-constraint violation: another writer stored the same key first. Model queries
 * report it as P2002; raw queries as P2010 with the driver adapter's `UniqueConstraintViolation`;
 * statements on the driver itself (pg, PGlite) as SQLSTATE 23505.
 */
export const isUniqueViolation = (error: unknown): boolean =>
  (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002') || isDriverViolation(error, '23505', 'UniqueConstraintViolation');

/**
 * A constraint violation from a statement on the driver (pg, PGlite: the SQLSTATE) or from Prisma's
 * raw query inside a transaction (P2010 with the adapter's error kind).
 */
export const isDriverViolation = (error: unknown, sqlState: string, adapterKind: string): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return code === sqlState || (code === 'P2010' && meta?.driverAdapterError?.cause?.kind === adapterKind);
};

/** Page reads through Prisma's raw queries: inside a transaction, or without a driver reader. */
export function prismaReader(db: DbClient): SqlReader {
  return {
    rows<T>(statement: SqlStatement) {
      return db.$queryRawUnsafe<T[]>(statement.text, ...statement.values);
    },
  };
}
