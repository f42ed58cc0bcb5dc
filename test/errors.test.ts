import t from 'tap';
import type { InjectOptions } from 'fastify';
import type { Test } from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  requestId: string;
  errors?: { location: string; pointer: string; message: string }[];
}

for (const kind of storageKinds()) {
  t.test(`on ${kind} storage`, async (t) => {
    const { api, logs } = await createTestApp(t, kind, { bodyLimit: 64 * 1024 });

    const expectProblem = async (
      t: Test,
      request: InjectOptions,
      status: number,
      type: string,
    ): Promise<Problem> => {
      const res = await api(request);
      t.equal(res.statusCode, status, 'status');
      t.match(res.headers['content-type'], /^application\/problem\+json/, 'problem+json');
      const body = res.json<Problem>();
      t.equal(body.type, `urn:news-annotations:problem:${type}`, 'stable problem type');
      t.equal(body.status, status, 'the body repeats the status');
      t.equal(body.requestId, res.headers['x-request-id'], 'the request id is in the body and the header');
      return body;
    };

    t.test('malformed JSON is a 400 malformed-body', async (t) => {
      await expectProblem(
        t,
        { method: 'POST', url: '/v1/articles', headers: { 'content-type': 'application/json' }, payload: '{"headline": ' },
        400,
        'malformed-body',
      );
    });

    t.test('an unknown property is a 400 that names the field', async (t) => {
      const problem = await expectProblem(
        t,
        { method: 'POST', url: '/v1/articles', payload: { headline: 'H', body: 'B', colour: 'red' } },
        400,
        'validation-failed',
      );
      t.same(problem.errors, [{ location: 'body', pointer: '/colour', message: "unknown property 'colour'" }]);
    });

    t.test('a missing required field is a 400 that names it', async (t) => {
      const problem = await expectProblem(t, { method: 'POST', url: '/v1/articles', payload: { headline: 'H' } }, 400, 'validation-failed');
      t.equal(problem.errors?.[0]?.pointer, '/body');
    });

    t.test('an empty body is a 400', async (t) => {
      await expectProblem(
        t,
        { method: 'POST', url: '/v1/articles', headers: { 'content-type': 'application/json' }, payload: '' },
        400,
        'empty-body',
      );
      await expectProblem(
        t,
        { method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: '' },
        400,
        'validation-failed',
      );
    });

    t.test('a blank text is a 422, one with NUL characters a 400 (the input text policy)', async (t) => {
      await expectProblem(
        t,
        { method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: ' \n\n  ' },
        422,
        'unprocessable-content',
      );
      await expectProblem(
        t,
        { method: 'POST', url: '/v1/articles', payload: { headline: 'H', body: 'a\u0000b' } },
        400,
        'validation-failed',
      );
    });

    t.test('a body over the limit is a 413', async (t) => {
      await expectProblem(
        t,
        { method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: 'x'.repeat(65 * 1024) },
        413,
        'payload-too-large',
      );
    });

    t.test('a content type the route does not take is a 415', async (t) => {
      await expectProblem(
        t,
        { method: 'POST', url: '/v1/articles', headers: { 'content-type': 'application/xml' }, payload: '<a/>' },
        415,
        'unsupported-media-type',
      );
    });

    t.test('a non-UUID id is a 400 and an unknown id a 404', async (t) => {
      const problem = await expectProblem(t, { method: 'GET', url: '/v1/articles/not-a-uuid' }, 400, 'validation-failed');
      t.equal(problem.errors?.[0]?.location, 'params');
      await expectProblem(t, { method: 'GET', url: '/v1/articles/0193c0de-0000-7000-8000-000000000000' }, 404, 'not-found');
      await expectProblem(t, { method: 'GET', url: '/v1/articles/0193c0de-0000-7000-8000-000000000000/quotes' }, 404, 'not-found');
    });

    t.test('an unknown path is a 404 and a wrong method a 405 with Allow', async (t) => {
      await expectProblem(t, { method: 'GET', url: '/v1/nothing-here' }, 404, 'not-found');
      const res = await api({ method: 'PATCH', url: '/v1/articles' });
      t.equal(res.statusCode, 405);
      t.match(res.headers.allow, /GET/);
      t.match(res.headers.allow, /POST/);
    });

    t.test('a bad query parameter or cursor is a 400', async (t) => {
      await expectProblem(t, { method: 'GET', url: '/v1/articles?limit=0' }, 400, 'validation-failed');
      await expectProblem(t, { method: 'GET', url: '/v1/articles?colour=red' }, 400, 'validation-failed');
      await expectProblem(t, { method: 'GET', url: '/v1/articles?cursor=bm9wZQ' }, 400, 'invalid-cursor');
      await expectProblem(t, { method: 'GET', url: '/v1/articles?since=yesterday' }, 400, 'validation-failed');
    });

    t.test('a client request id is echoed; without one the service makes one', async (t) => {
      const given = await api({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'desk-42.abc' } });
      t.equal(given.headers['x-request-id'], 'desk-42.abc');
      const made = await api({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
      t.match(made.headers['x-request-id'], /^[0-9a-f-]{36}$/);
    });

    t.test('none of these client errors logged an unhandled error', async (t) => {
      t.same(logs.filter((line) => line.level >= 50), []);
    });
  });
}
