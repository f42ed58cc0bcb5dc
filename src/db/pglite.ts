import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

// The extensions the migrations create; embedded Postgres must load them up front.
const extensions = { pg_trgm };

/** An embedded Postgres in `dataDir` (in memory when omitted) with the extensions the schema needs. */
export function createPGlite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir ?? 'memory://', { extensions });
}

/**
 * The Prisma driver adapter factory for a PGlite database. Its shadow database (used to replay
 * migrations when diffing) loads the same extensions, which the stock factory's does not.
 */
export class PGliteAdapterFactory extends PrismaPGlite implements SqlMigrationAwareDriverAdapterFactory {
  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new PrismaPGlite(await createPGlite()).connect();
  }
}
