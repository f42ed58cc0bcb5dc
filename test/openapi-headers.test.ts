// The headers the docs promise are in the spec, for every operation, and the conditional reads
// behave as RFC 9110 says (a 304 has no body, no Content-Type and no Content-Length).
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { openApiPath } from '../src/commands/openapi.js';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';
import { wireStory } from './helpers/fixtures.js';

interface Response {
  headers?: Record<string, { $ref?: string; required?: boolean }>;
  content?: Record<string, unknown>;
}
interface Operation {
  operationId: string;
  parameters?: Array<{ in: string; name: string }>;
  responses: Record<string, Response>;
}
const document = JSON.parse(await readFile(openApiPath, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { headers: Record<string, { required?: boolean }> };
};
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);
const headerParameter = (operation: Operation, name: string) =>
  operation.parameters?.some((parameter) => parameter.in === 'header' && parameter.name === name);

t.test('every operation of the spec declares the headers it sends and reads', async (t) => {
  t.ok(operations.length >= 39, 'all operations are checked');
  for (const { path, method, operation } of operations) {
    const name = operation.operationId;
    const isList = operation.parameters?.some((parameter) => parameter.in === 'query' && parameter.name === 'cursor');
    for (const [status, response] of Object.entries(operation.responses)) {
      const headers = response.headers ?? {};
      const code = Number(status);
      t.ok(headers['X-Request-Id'], `${name} ${status} declares X-Request-Id`);
      if (code >= 200 && code < 300 && response.content) t.ok(headers.ETag, `${name} ${status} declares ETag`);
      if (code === 201 || code === 202) t.ok(headers.Location, `${name} ${status} declares Location`);
      if (isList && code === 200) t.ok(headers.Link, `${name} ${status} declares Link`);
      if (method === 'post' && code < 500) t.ok(headers['Idempotent-Replayed'], `${name} ${status} declares Idempotent-Replayed`);
      if (code === 429 || code === 503) t.ok(headers['Retry-After'], `${name} ${status} declares Retry-After`);
      if (method === 'post' && code === 409) t.ok(headers['Retry-After'], `${name} 409 declares Retry-After (key in use)`);
    }
    if (method === 'get') {
      t.ok(headerParameter(operation, 'if-none-match'), `${name} takes If-None-Match`);
      t.ok(operation.responses['304']?.headers?.ETag, `${name} documents its 304 with the ETag`);
      t.notOk(operation.responses['304']?.content, `${name}'s 304 has no body`);
    }
    if (method === 'post' && path.startsWith('/v1/')) t.ok(headerParameter(operation, 'idempotency-key'), `${name} takes Idempotency-Key`);
    if (operation.responses['428']) t.ok(headerParameter(operation, 'if-match'), `${name} answers 428 only because it takes If-Match`);
    if (headerParameter(operation, 'if-match')) {
      t.ok(operation.responses['412'] && operation.responses['428'], `${name} takes If-Match and documents 412 and 428`);
    }
    if (path.startsWith('/v1/')) t.ok(operation.responses['503'], `${name} documents 503 (database unreachable)`);
  }
  for (const required of ['X-Request-Id', 'ETag', 'Location', 'Retry-After']) {
    t.equal(document.components.headers[required]?.required, true, `${required} is required where it is declared`);
  }
});

for (const kind of storageKinds()) {
  t.test(`conditional reads and the headers sent (${kind})`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const created = await api({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain', 'idempotency-key': 'headers-test' },
      payload: wireStory,
    });
    t.equal(created.statusCode, 201);
    const article = created.json<{ id: string; version: number }>();
    t.equal(created.headers.location, `/v1/articles/${article.id}`, '201 names the article');
    t.equal(created.headers.etag, `"${article.version}"`, 'a write answers with the new ETag');
    t.ok(created.headers['x-request-id'], 'every answer has a request id');

    const replayed = await api({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain', 'idempotency-key': 'headers-test' },
      payload: wireStory,
    });
    t.equal(replayed.headers['idempotent-replayed'], 'true', 'a retry with the same key is marked as replayed');

    const read = await api({ method: 'GET', url: `/v1/articles/${article.id}` });
    const etag = read.headers.etag as string;
    t.equal(etag, `"${article.version}"`);

    const notModified = await api({ method: 'GET', url: `/v1/articles/${article.id}`, headers: { 'if-none-match': etag } });
    t.equal(notModified.statusCode, 304, 'a current ETag in If-None-Match is a 304');
    t.equal(notModified.body, '', 'with no body');
    t.notOk(notModified.headers['content-type'], 'and no Content-Type');
    t.notOk(notModified.headers['content-length'], 'and no Content-Length');
    t.equal(notModified.headers.etag, etag, 'and the ETag');
    t.ok(notModified.headers['x-request-id'], 'and the request id');

    for (const header of [`"0", ${etag}`, `W/${etag}`, '*']) {
      const conditional = await api({ method: 'GET', url: `/v1/articles/${article.id}`, headers: { 'if-none-match': header } });
      t.equal(conditional.statusCode, 304, `If-None-Match: ${header} matches (lists, weak comparison, *)`);
    }
    const stale = await api({ method: 'GET', url: `/v1/articles/${article.id}`, headers: { 'if-none-match': '"0"' } });
    t.equal(stale.statusCode, 200, 'an old ETag gets the whole answer');

    const list = await api({ method: 'GET', url: '/v1/articles' });
    const listed = await api({ method: 'GET', url: '/v1/articles', headers: { 'if-none-match': list.headers.etag as string } });
    t.equal(listed.statusCode, 304, 'a list has an ETag too (a hash of the page)');

    const missing = await api({
      method: 'GET',
      url: '/v1/articles/01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11',
      headers: { 'if-none-match': '*' },
    });
    t.equal(missing.statusCode, 404, 'an error is never a 304');
    t.notOk(missing.headers.etag, 'and carries no ETag');

    const again = await api({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain', 'if-none-match': etag },
      payload: wireStory,
    });
    t.equal(again.statusCode, 200, 'a POST is never answered 304');
  });
}
