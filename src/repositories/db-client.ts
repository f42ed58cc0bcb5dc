import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

/** Either the client or a transaction: repositories work on both. */
export type DbClient = PrismaClient | Prisma.TransactionClient;
