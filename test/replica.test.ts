import pg from 'pg';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/database.js';
import { Store } from '../src/repositories/store.js';
import { ApiKeyService } from '../src/services/api-key-service.js';
import { wireStory } from './helpers/fixtures.js';
import { startReplicatedClusters } from './helpers/pg-replica.js';

/** Index and sequential scans of the article and quote tables that ran on this server. */
async function scansOn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ scans: string }>(
      `SELECT coalesce(sum(coalesce(idx_scan, 0) + coalesce(seq_scan, 0)), 0)::text AS scans
         FROM pg_stat_user_tables WHERE relname IN ('Article', 'Quote', 'Paragraph')`,
    );
    return Number(rows[0]?.scans ?? 0);
  } finally {
    await client.end();
  }
}

t.test('with a read replica: a writer reads its own writes, other reads go to the replica', async (t) => {
  const clusters = await startReplicatedClusters();
  t.teardown(() => clusters.destroy());
  const primaryUrl = await clusters.primary.createDatabase('news');
  const replicaUrl = clusters.replicaUrl('news');

  const database = await openDatabase({ databaseUrl: primaryUrl, replicaUrl });
  await database.migrate();
  const apiKeys = new ApiKeyService(new Store(database.prisma));
  const writer = (await apiKeys.create({ name: 'writer', scopes: ['write'] })).key;
  const reader = (await apiKeys.create({ name: 'reader', scopes: ['read'] })).key;
  const app = await buildApp({ database, readYourWritesMs: 60_000 });
  t.teardown(async () => {
    await app.close();
    await database.close();
  });
  await clusters.caughtUp();

  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const created = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { ...as(writer), 'content-type': 'text/plain' },
    payload: wireStory,
  });
  t.equal(created.statusCode, 201);
  const { id } = created.json<{ id: string }>();

  // Right after its write, the writer reads from the primary: the article is there at once.
  const own = await app.inject({ method: 'GET', url: `/v1/articles/${id}/quotes`, headers: as(writer) });
  t.equal(own.statusCode, 200, 'the writer sees its article at once');
  t.ok(own.json<{ items: unknown[] }>().items.length >= 14);

  await clusters.caughtUp();
  const before = await scansOn(replicaUrl);
  for (let i = 0; i < 20; i++) {
    const res = await app.inject({ method: 'GET', url: `/v1/articles/${id}/quotes`, headers: as(reader) });
    t.equal(res.statusCode, 200);
  }
  const list = await app.inject({ method: 'GET', url: '/v1/articles', headers: as(reader) });
  t.equal(list.json<{ items: { id: string }[] }>().items[0]?.id, id, 'the replica has the article');
  const after = await scansOn(replicaUrl);
  t.ok(after - before >= 20, `the replica's own statistics count the reads (${after - before} scans)`);

  const primaryBefore = await scansOn(primaryUrl);
  for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: `/v1/articles/${id}/quotes`, headers: as(reader) });
  const primaryAfter = await scansOn(primaryUrl);
  t.ok(primaryAfter - primaryBefore < 5, 'the other reader does not read the primary');
});
