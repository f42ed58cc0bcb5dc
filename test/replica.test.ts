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

/** The scan count once it stops moving (the closed connections' statistics have landed). */
async function settled(url: string): Promise<number> {
  let last = await scansOn(url);
  for (let attempt = 0; attempt < 30; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await scansOn(url);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** Polls until `check` holds: statistics reach the shared view once the backends flush them. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

t.test('with a read replica: a writer reads its own writes, other reads go to the replica', async (t) => {
  const clusters = await startReplicatedClusters();
  t.teardown(() => clusters.destroy());
  const primaryUrl = await clusters.primary.createDatabase('news');
  const replicaUrl = clusters.replicaUrl('news');
  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  // A service process's life: the app on the primary and the replica. Closing it ends its
  // connections, which makes Postgres publish their statistics.
  const runService = async (work: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<void>, migrate = false) => {
    const database = await openDatabase({ databaseUrl: primaryUrl, replicaUrl });
    if (migrate) await database.migrate();
    const app = await buildApp({ database, readYourWritesMs: 60_000 });
    try {
      await work(app);
    } finally {
      await app.close();
      await database.close();
    }
  };

  let writer = '';
  let reader = '';
  let id = '';
  await runService(async (app) => {
    const keysDatabase = await openDatabase({ databaseUrl: primaryUrl });
    const apiKeys = new ApiKeyService(new Store(keysDatabase));
    writer = (await apiKeys.create({ name: 'writer', scopes: ['write'] })).key;
    reader = (await apiKeys.create({ name: 'reader', scopes: ['read'] })).key;
    await keysDatabase.close();
    const created = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { ...as(writer), 'content-type': 'text/plain' },
      payload: wireStory,
    });
    t.equal(created.statusCode, 201);
    id = created.json<{ id: string }>().id;
    // Right after its write, the writer reads from the primary: the article is there at once,
    // whether or not the standby has replayed it yet.
    const own = await app.inject({ method: 'GET', url: `/v1/articles/${id}/quotes`, headers: as(writer) });
    t.equal(own.statusCode, 200, 'the writer sees its article at once');
    t.ok(own.json<{ items: unknown[] }>().items.length >= 14);
  }, true);
  await clusters.caughtUp();
  const replicaBefore = await settled(replicaUrl);
  const primaryBefore = await settled(primaryUrl);

  await runService(async (app) => {
    for (let i = 0; i < 20; i++) {
      const res = await app.inject({ method: 'GET', url: `/v1/articles/${id}/quotes`, headers: as(reader) });
      t.equal(res.statusCode, 200);
    }
    const list = await app.inject({ method: 'GET', url: '/v1/articles', headers: as(reader) });
    t.equal(list.json<{ items: { id: string }[] }>().items[0]?.id, id, 'the replica has the article');
  });

  t.ok(
    await eventually(async () => (await scansOn(replicaUrl)) - replicaBefore >= 21),
    "the replica's own statistics count the other reader's reads",
  );
  const primaryAfter = await settled(primaryUrl);
  t.equal(primaryAfter - primaryBefore, 0, `the primary served none of them (${primaryBefore} -> ${primaryAfter}, replica ${replicaBefore} -> ${await scansOn(replicaUrl)})`);
});
