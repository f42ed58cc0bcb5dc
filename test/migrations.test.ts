import pg from 'pg';
import t from 'tap';
import { openDatabase } from '../src/db/database.js';
import { diffMigrationsToSchema, readMigrations } from '../src/db/migrations.js';
import { createPGlite, PGliteAdapterFactory } from '../src/db/pglite.js';
import { createEmptyPostgresDatabase } from './helpers/database.js';

t.test('the migrations produce exactly schema.prisma (no drift)', async (t) => {
  const pglite = await createPGlite();
  t.teardown(() => pglite.close());
  const drift = await diffMigrationsToSchema(new PGliteAdapterFactory(pglite));
  t.equal(drift, null, drift ? `missing from prisma/migrations:\n${drift}` : 'no drift');
});

t.test('migrations create every table on an empty Postgres database and record themselves', async (t) => {
  const { url, drop } = await createEmptyPostgresDatabase();
  t.teardown(drop);
  const database = await openDatabase({ databaseUrl: url });
  const names = (await readMigrations()).migrationDirectories.map((dir) => dir.path);
  t.same(await database.migrate(), names, 'every migration is applied the first time');
  t.same(await database.migrate(), [], 'nothing is applied the second time');
  await database.close();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  t.teardown(() => client.end());
  const tables = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  t.same(
    tables.rows.map((row) => row.table_name),
    [
      'AnnotationEvent',
      'ApiKey',
      'Article',
      'ArticleRevision',
      'DailyQuoteCount',
      'Entity',
      'EntityAlias',
      'IdempotencyRecord',
      'IngestJob',
      'IngestJobItem',
      'Mention',
      'Paragraph',
      'Quote',
      '_prisma_migrations',
    ],
  );
  const recorded = await client.query<{ migration_name: string; finished_at: Date | null }>(
    'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
  );
  t.same(recorded.rows.map((row) => row.migration_name), names);
  t.ok(recorded.rows.every((row) => row.finished_at !== null), 'each is recorded as finished');
});

t.test('two processes migrating the same database at once both succeed', async (t) => {
  const { url, drop } = await createEmptyPostgresDatabase();
  t.teardown(drop);
  const [a, b] = await Promise.all([openDatabase({ databaseUrl: url }), openDatabase({ databaseUrl: url })]);
  const applied = await Promise.all([a!.migrate(), b!.migrate()]);
  t.equal(applied.flat().length, (await readMigrations()).migrationDirectories.length, 'each migration ran once');
  await Promise.all([a!.close(), b!.close()]);
});
