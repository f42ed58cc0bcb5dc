// Findings 10-13 (keys and secrets): a revoke holds at once, for the very next request, in this
// process and in every process on the database, whatever lookups were in flight; the last admin
// key cannot be revoked; ADMIN_API_KEY may name an existing key at a restart; idempotency records
// hold no plaintext key and expire; unknown keys cost no round trip when repeated and are limited
// per address; the Bearer scheme is case-insensitive.
import { randomBytes } from 'node:crypto';
import t, { type Test } from 'tap';
import { Store } from '../../src/repositories/store.js';
import { ApiKeyService, UNKNOWN_KEY_LOOKUPS_PER_MINUTE } from '../../src/services/api-key-service.js';
import { createTestApp } from '../helpers/app.js';
import { createEmptyPostgresDatabase, storageKinds } from '../helpers/database.js';
import { adminKey } from '../faults/service.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const randomKey = () => `na_${randomBytes(32).toString('base64url')}`;

for (const kind of storageKinds()) {
  t.test(`keys and secrets (${kind})`, async (t) => {
    const app = await createTestApp(t, kind);
    const { api } = app;
    const as = (key: string, url = '/v1/articles?limit=1') => api({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
    const keyIdOf = async (name: string) =>
      (await api({ method: 'GET', url: '/v1/api-keys?limit=500' })).json<{ items: { id: string; name: string }[] }>().items.find((k) => k.name === name)!.id;

    await t.test('a revoke holds for the very next request, whatever lookups were in flight', async (t) => {
      let servedAfter = 0;
      for (let trial = 0; trial < (kind === 'postgres' ? 25 : 10); trial++) {
        const key = await app.createKey(['write'], `race-${trial}`);
        const id = await keyIdOf(`race-${trial}`);
        t.equal((await as(key)).statusCode, 200);
        let revoked = false;
        // Readers keep lookups in flight while the key is revoked.
        const readers = Array.from({ length: 6 }, async () => {
          for (let n = 0; n < 15; n++) {
            const before = revoked;
            const res = await as(key);
            if (before && res.statusCode === 200) servedAfter++;
          }
        });
        await new Promise((resolve) => setTimeout(resolve, trial % 5));
        const res = await api({ method: 'DELETE', url: `/v1/api-keys/${id}` });
        revoked = true;
        t.equal(res.statusCode, 204);
        t.equal((await as(key)).statusCode, 401, `trial ${trial}: the next request is refused`);
        await Promise.all(readers);
        t.equal((await as(key)).statusCode, 401, `trial ${trial}: and every later one`);
      }
      t.equal(servedAfter, 0, 'no request sent after the 204 was served');
    });

    await t.test('the last admin key cannot be revoked', async (t) => {
      const adminId = await keyIdOf('test-admin');
      const refused = await api({ method: 'DELETE', url: `/v1/api-keys/${adminId}` });
      t.equal(refused.statusCode, 409, 'the only admin key: 409');
      const second = await app.createKey(['admin'], 'second-admin');
      t.equal((await api({ method: 'DELETE', url: `/v1/api-keys/${adminId}` })).statusCode, 204, 'with another admin key it can be revoked');
      const secondId = (await api({ method: 'GET', url: '/v1/api-keys?limit=500', headers: { authorization: `Bearer ${second}` } }))
        .json<{ items: { id: string; name: string }[] }>().items.find((k) => k.name === 'second-admin')!.id;
      const last = await api({ method: 'DELETE', url: `/v1/api-keys/${secondId}`, headers: { authorization: `Bearer ${second}` } });
      t.equal(last.statusCode, 409, 'and then the other is the last one');
      app.adminKey = second;
      Object.assign(app, { api: (request: Parameters<typeof api>[0]) => app.app.inject({ ...request, headers: { authorization: `Bearer ${second}`, ...request.headers } }) });
    });

    await t.test('ADMIN_API_KEY may name an existing key at a restart, even a revoked one', async (t) => {
      const service = new ApiKeyService(new Store(app.db.database));
      const configured = randomKey();
      t.equal(await service.ensureAdminKey(configured), null, 'first start registers it');
      t.equal(await service.ensureAdminKey(configured), null, 'a restart with the same key works');
      const ok = await app.app.inject({ method: 'GET', url: '/v1/api-keys', headers: { authorization: `Bearer ${configured}` } });
      t.equal(ok.statusCode, 200, 'and the key works');
    });

    await t.test('idempotency records hold no plaintext key, and expire', async (t) => {
      const admin = (request: Parameters<typeof api>[0]) => app.app.inject({ ...request, headers: { authorization: `Bearer ${app.adminKey}`, ...request.headers } });
      const post = () => admin({ method: 'POST', url: '/v1/api-keys', headers: { 'idempotency-key': 'make-key-1' }, payload: { name: 'idem', scopes: ['read'] } });
      const first = await post();
      t.equal(first.statusCode, 201);
      const secret = first.json<{ key: string }>().key;
      const rows = await app.db.database.prisma.idempotencyRecord.findMany();
      t.notOk(rows.some((row) => row.body?.includes(secret) || /"na_[A-Za-z0-9_-]{32,}"/.test(row.body ?? '')), 'no stored answer holds a key');
      const replay = await post();
      t.equal(replay.statusCode, 201);
      t.equal(replay.headers['idempotent-replayed'], 'true', 'a retry is a replay');
      t.equal(replay.json<{ id: string }>().id, first.json<{ id: string }>().id, 'of the same key');
      t.not(replay.json<{ key: string }>().key, secret, 'without its secret');
      await app.db.database.prisma.idempotencyRecord.updateMany({ data: { createdAt: new Date(Date.now() - 25 * 3600 * 1000) } });
      const later = await admin({ method: 'POST', url: '/v1/api-keys', headers: { 'idempotency-key': 'make-key-1' }, payload: { name: 'idem-2', scopes: ['read'] } });
      t.equal(later.statusCode, 201, 'after a day the key is forgotten: a new request, not a 422');
      t.notOk(later.headers['idempotent-replayed']);
      t.equal(await app.db.database.prisma.idempotencyRecord.count({ where: { createdAt: { lt: new Date(Date.now() - 24 * 3600 * 1000) } } }), 0, 'expired records are deleted');
    });

    await t.test('unknown keys: repeated ones cost no round trip, and each address gets a limited number', async (t) => {
      const store = new Store(app.db.database);
      const service = new ApiKeyService(store);
      const repository = store.repositories.apiKeys;
      let lookups = 0;
      const lookup = repository.lookupByHash.bind(repository);
      repository.lookupByHash = (hash: string) => {
        lookups++;
        return lookup(hash);
      };
      const unknown = randomKey();
      for (let n = 0; n < 100; n++) t.equal(await service.authenticate(unknown, 'client-a'), null);
      t.equal(lookups, 1, 'the same unknown key 100 times: one database round trip');
      let limited = 0;
      for (let n = 0; n < UNKNOWN_KEY_LOOKUPS_PER_MINUTE + 10; n++) {
        await service.authenticate(randomKey(), 'client-b').catch((error: { status?: number; headers?: Record<string, string> }) => {
          if (error.status === 429 && error.headers?.['retry-after']) limited++;
        });
      }
      t.equal(limited, 10, `past ${UNKNOWN_KEY_LOOKUPS_PER_MINUTE} unknown keys a minute from one address: 429 with Retry-After`);
      t.equal(lookups, 1 + UNKNOWN_KEY_LOOKUPS_PER_MINUTE, 'and no round trip for them');
      const key = await app.createKey(['read'], 'other-client');
      t.ok(await service.authenticate(key, 'client-c'), 'another address is not limited');
      await service.close();
    });

    await t.test('the Bearer scheme is case-insensitive', async (t) => {
      const key = await app.createKey(['read'], 'lower');
      for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
        const res = await app.app.inject({ method: 'GET', url: '/v1/articles?limit=1', headers: { authorization: `${scheme} ${key}` } });
        t.equal(res.statusCode, 200, `${scheme} works`);
      }
    });
  });
}

/** `count` server processes on one new Postgres database, stopped (and resumed first, if stopped) at the end. */
async function serversOnOneDatabase(t: Test, count: number): Promise<ServerProcess[]> {
  const { url, drop } = await createEmptyPostgresDatabase();
  t.teardown(drop);
  const servers: ServerProcess[] = [];
  for (let n = 0; n < count; n++) {
    const server = await startServerProcess({ DATABASE_URL: url, ADMIN_API_KEY: adminKey });
    servers.push(server);
    t.teardown(() => {
      server.child.kill('SIGCONT');
      return server.stop('SIGKILL');
    });
  }
  return servers;
}

/** A request to one server process with a key. */
const call = (server: ServerProcess, path: string, key: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });

t.test('a revoked key is refused by the very next request in every server process', { skip: !storageKinds().includes('postgres') && 'postgres only' }, async (t) => {
  const servers = await serversOnOneDatabase(t, 3);
  let late = 0;
  for (let trial = 0; trial < 10; trial++) {
    const created = await call(servers[0]!, '/v1/api-keys', adminKey, { method: 'POST', body: JSON.stringify({ name: `multi-${trial}`, scopes: ['read'] }) });
    const { id, key } = (await created.json()) as { id: string; key: string };
    // Every process has the key in its cache, and keeps looking it up under load.
    for (const server of servers) t.equal((await call(server, '/v1/articles?limit=1', key)).status, 200);
    let stop = false;
    const load = servers.map(async (server) => {
      while (!stop) await (await call(server, '/v1/articles?limit=1', key)).arrayBuffer();
    });
    const revoker = servers[trial % 3]!;
    const res = await call(revoker, `/v1/api-keys/${id}`, adminKey, { method: 'DELETE' });
    t.equal(res.status, 204);
    const next = await Promise.all(servers.map((server) => call(server, '/v1/articles?limit=1', key).then((r) => r.status)));
    late += next.filter((status) => status !== 401).length;
    t.same(next, [401, 401, 401], `trial ${trial}: the very next request is refused by all three processes`);
    stop = true;
    await Promise.all(load);
  }
  t.equal(late, 0, 'no process served a revoked key after the 204');
});

t.test('a revoke answers only once every server process has dropped the key, and cuts off one that never answers', { skip: !storageKinds().includes('postgres') && 'postgres only' }, async (t) => {
  const servers = await serversOnOneDatabase(t, 2);
  const [revoker, stalled] = servers as [ServerProcess, ServerProcess];
  const newKey = async (name: string) => {
    const created = await call(revoker, '/v1/api-keys', adminKey, { method: 'POST', body: JSON.stringify({ name, scopes: ['read'] }) });
    const { id, key } = (await created.json()) as { id: string; key: string };
    for (const server of servers) t.equal((await call(server, '/v1/articles?limit=1', key)).status, 200, 'cached in both processes');
    return { id, key };
  };

  // A process whose event loop is held up for a moment (here: stopped for 600 ms) has not dropped
  // the key yet, so the revoke must not answer before it has.
  const briefly = await newKey('stalled-briefly');
  stalled.child.kill('SIGSTOP');
  let answeredAt = 0;
  const startedAt = Date.now();
  const revoking = call(revoker, `/v1/api-keys/${briefly.id}`, adminKey, { method: 'DELETE' }).then((res) => {
    answeredAt = Date.now();
    return res.status;
  });
  await new Promise((resolve) => setTimeout(resolve, 600));
  t.equal(answeredAt, 0, 'no 204 while one process has not heard of the revoke');
  stalled.child.kill('SIGCONT');
  t.equal(await revoking, 204);
  t.ok(answeredAt - startedAt >= 600, 'the 204 came after the stalled process resumed');
  t.equal((await call(stalled, '/v1/articles?limit=1', briefly.key)).status, 401, 'the stalled process refuses the key at once');

  // A process that stays stopped past the wait loses its listening connection, so once it runs
  // again it does not trust its cache: the revoke answers after about 2 s, and the key is refused.
  const forLong = await newKey('stalled-long');
  stalled.child.kill('SIGSTOP');
  const longStart = Date.now();
  t.equal((await call(revoker, `/v1/api-keys/${forLong.id}`, adminKey, { method: 'DELETE' })).status, 204);
  const waited = Date.now() - longStart;
  t.ok(waited >= 1_900 && waited < 10_000, `the revoke waited for the stopped process, then gave up (${waited} ms)`);
  stalled.child.kill('SIGCONT');
  let refused = false;
  for (let attempt = 0; attempt < 50 && !refused; attempt++) {
    refused = (await call(stalled, '/v1/articles?limit=1', forLong.key)).status === 401;
    if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.ok(refused, 'the process that missed the revoke refuses the key moments after it runs again');
  t.equal((await call(revoker, '/v1/articles?limit=1', forLong.key)).status, 401);
});
