import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/** One SQL statement with `$1`-style placeholders, as `Prisma.sql` builds it (`.text`, `.values`). */
export interface SqlStatement {
  readonly text: string;
  readonly values: unknown[];
}

/**
 * Runs a read statement straight on the driver, past Prisma's query engine. The hottest pages of
 * the API (article lists, an article's quotes) read through it: Prisma's per-row mapping cost them
 * more CPU than the query itself (docs/benchmarks.md). Both drivers return timestamps as Date,
 * integers and float8 as number, enums and uuids as string, as Prisma's raw queries do.
 */
export interface SqlReader {
  rows<T>(statement: SqlStatement): Promise<T[]>;
}

/** Reads on a pg pool (the one the Prisma adapter also uses). */
export function poolReader(pool: pg.Pool, statementName: (text: string) => string | undefined = () => undefined): SqlReader {
  return {
    async rows<T>(statement: SqlStatement) {
      const { text, values } = statement;
      return (await pool.query({ name: statementName(text), text, values })).rows as T[];
    },
  };
}

/** Reads on the embedded database. */
export function pgliteReader(pglite: PGlite): SqlReader {
  return {
    async rows<T>(statement: SqlStatement) {
      return (await pglite.query<T>(statement.text, statement.values)).rows;
    },
  };
}
