import { readFileSync } from 'node:fs';
import type { InjectOptions } from 'fastify';
import t from 'tap';
import { createTestApp } from './helpers/app.js';

const document = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};
const someId = '0193c0de-0000-7000-8000-000000000000';
const v1Operations = Object.entries(document.paths)
  .filter(([path]) => path.startsWith('/v1/'))
  .flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({
      method: method.toUpperCase() as InjectOptions['method'],
      url: path.replace(/\{[^}]+\}/g, someId),
    })),
  );

t.test('API keys guard every /v1 route', async (t) => {
  const { app, api, createKey } = await createTestApp(t, 'postgres');

  t.test('without a key every /v1 operation answers 401 problem+json with WWW-Authenticate', async (t) => {
    t.ok(v1Operations.length >= 10);
    for (const operation of v1Operations) {
      const res = await app.inject({ ...operation, payload: operation.method === 'GET' ? undefined : {} });
      t.equal(res.statusCode, 401, `${operation.method} ${operation.url}`);
      t.match(res.headers['content-type'], /application\/problem\+json/);
      t.match(res.headers['www-authenticate'], /^Bearer/);
    }
  });

  t.test('an unknown key is a 401 too', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/v1/articles', headers: { authorization: 'Bearer na_not-a-real-key' } });
    t.equal(res.statusCode, 401);
  });

  t.test('a read key reads but cannot change anything (403)', async (t) => {
    const readKey = await createKey(['read']);
    const headers = { authorization: `Bearer ${readKey}` };
    t.equal((await api({ method: 'GET', url: '/v1/articles', headers })).statusCode, 200);
    const changes = v1Operations.filter((operation) => operation.method !== 'GET');
    t.ok(changes.length > 0);
    for (const operation of changes) {
      const res = await api({ ...operation, headers, payload: {} });
      t.equal(res.statusCode, 403, `${operation.method} ${operation.url}`);
      t.match(res.headers['content-type'], /application\/problem\+json/);
    }
    t.equal((await api({ method: 'GET', url: '/v1/api-keys', headers })).statusCode, 403, 'reading keys needs admin');
  });

  t.test('a write key ingests but cannot manage keys', async (t) => {
    const writeKey = await createKey(['write']);
    const headers = { authorization: `Bearer ${writeKey}` };
    const created = await api({ method: 'POST', url: '/v1/articles', headers, payload: { headline: 'H', body: 'Body text.' } });
    t.equal(created.statusCode, 201);
    const keys = await api({ method: 'POST', url: '/v1/api-keys', headers, payload: { name: 'x', scopes: ['read'] } });
    t.equal(keys.statusCode, 403);
  });

  t.test('an admin creates, lists and deletes keys; a deleted key is refused at once', async (t) => {
    const created = await api({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk tool', scopes: ['read'] } });
    t.equal(created.statusCode, 201);
    const key = created.json<{ id: string; key: string; prefix: string; name: string }>();
    t.match(key.key, /^na_/);
    t.equal(key.key.slice(0, 10), key.prefix);
    const headers = { authorization: `Bearer ${key.key}` };
    t.equal((await api({ method: 'GET', url: '/v1/articles', headers })).statusCode, 200);

    const listed = await api({ method: 'GET', url: '/v1/api-keys' });
    const items = listed.json<{ items: { id: string; name: string; key?: string }[] }>().items;
    t.ok(items.some((item) => item.id === key.id && item.name === 'desk tool'));
    t.ok(items.every((item) => item.key === undefined), 'lists never show secrets');

    const duplicate = await api({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk tool', scopes: ['read'] } });
    t.equal(duplicate.statusCode, 409, 'names are unique');

    t.equal((await api({ method: 'DELETE', url: `/v1/api-keys/${key.id}` })).statusCode, 204);
    t.equal((await api({ method: 'GET', url: '/v1/articles', headers })).statusCode, 401, 'refused right after deletion');
    t.equal((await api({ method: 'DELETE', url: `/v1/api-keys/${key.id}` })).statusCode, 404);
  });

  t.test('health, readiness, docs and the OpenAPI document need no key', async (t) => {
    for (const url of ['/healthz', '/readyz', '/docs/', '/openapi.json']) {
      t.equal((await app.inject({ method: 'GET', url })).statusCode, 200, url);
    }
  });
});
