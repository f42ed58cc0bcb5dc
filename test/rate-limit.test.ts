import t from 'tap';
import { createTestApp } from './helpers/app.js';

t.test('rate limiting per API key', async (t) => {
  const { api, createKey } = await createTestApp(t, 'postgres', { rateLimitMax: 5 });
  const other = await createKey(['read']);

  const answers = [];
  for (let i = 0; i < 7; i++) answers.push(await api({ method: 'GET', url: '/v1/articles' }));
  t.same(answers.map((res) => res.statusCode), [200, 200, 200, 200, 200, 429, 429], 'the sixth request in a minute is refused');
  const refused = answers[5]!;
  t.match(refused.headers['content-type'], /application\/problem\+json/);
  t.equal(refused.json<{ type: string }>().type, 'urn:news-annotations:problem:too-many-requests');
  t.ok(Number(refused.headers['retry-after']) >= 1, 'Retry-After says when to come back');

  const otherKey = await api({ method: 'GET', url: '/v1/articles', headers: { authorization: `Bearer ${other}` } });
  t.equal(otherKey.statusCode, 200, 'each key has its own allowance');

  const retried = await api({
    method: 'POST',
    url: '/v1/articles',
    payload: { headline: 'Late', body: 'Refused by the limit.' },
    headers: { 'idempotency-key': 'limited-1' },
  });
  t.equal(retried.statusCode, 429);
  const health = await api({ method: 'GET', url: '/healthz' });
  t.equal(health.statusCode, 200, 'health checks are not limited');
});

t.test('RATE_LIMIT_MAX=0 turns limiting off', async (t) => {
  const { api } = await createTestApp(t, 'postgres', { rateLimitMax: 0 });
  const statuses = [];
  for (let i = 0; i < 20; i++) statuses.push((await api({ method: 'GET', url: '/v1/articles' })).statusCode);
  t.ok(statuses.every((status) => status === 200));
});
