// Hostile input against every operation of the OpenAPI document, on a real Postgres database:
// SQL metacharacters and NUL bytes in every string parameter and body field, huge numbers, deeply
// nested JSON, invalid UTF-8, 10 MB bodies, path traversal in ids, and header floods on a real
// socket. Nothing answers 5xx; everything answers a status the operation declares.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import t from 'tap';
import { createTestApp } from '../helpers/app.js';
import { wireStory } from '../helpers/fixtures.js';
import {
  hostileStrings,
  operationsOf,
  responseProblems,
  SchemaTools,
  type FuzzRequest,
  type JsonSchema,
  type OpenApiDocument,
  type OperationRef,
} from './openapi-fuzz.js';

const document = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;
const tools = new SchemaTools(document);
const operations = operationsOf(document).filter((operation) => operation.method !== 'DELETE');

t.test('hostile input never gets a 5xx or an undeclared answer', async (t) => {
  const { app, api, adminKey } = await createTestApp(t, 'postgres');
  const authorization = `Bearer ${process.env.FUZZ_API_KEY ?? adminKey}`;
  const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
  const articleId = created.json<{ id: string }>().id;
  const pathValue = (name: string) => (name === 'id' ? articleId : '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11');
  const urlOf = (operation: OperationRef, overrides: Record<string, string> = {}) =>
    operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => overrides[name] ?? pathValue(name));

  const failures: string[] = [];
  const send = async (operation: OperationRef, request: FuzzRequest) => {
    const response = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { authorization, ...request.headers },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    const problems = responseProblems(operation, tools, request, response);
    if (problems.length > 0) failures.push(`${request.method} ${request.url.slice(0, 160)} [${request.broken ?? 'valid'}]: ${problems.join('; ')}`);
    return response;
  };

  await t.test('SQL metacharacters, NUL bytes and odd Unicode in every string parameter', async (t) => {
    let sent = 0;
    for (const operation of operations) {
      for (const parameter of operation.operation.parameters ?? []) {
        if (parameter.in === 'cookie') continue;
        for (const value of hostileStrings) {
          const valid = tools.acceptsRequestValue(parameter.schema, value);
          const request: FuzzRequest = { method: operation.method, url: urlOf(operation), headers: {}, valid, broken: valid ? undefined : `${parameter.name}=${JSON.stringify(value)}` };
          if (parameter.in === 'path') request.url = urlOf(operation, { [parameter.name]: encodeURIComponent(value) });
          if (parameter.in === 'query') request.url += `?${new URLSearchParams({ [parameter.name]: value })}`;
          if (parameter.in === 'header') {
            if (/[\u0000-\u001f\u007f-\uffff]/.test(value)) continue; // not sendable as a header value
            request.headers[parameter.name] = value;
          }
          if (operation.operation.requestBody) {
            request.headers['content-type'] = 'application/json';
            request.payload = '{}';
            request.valid = false; // an empty body object is not what these operations take
          }
          await send(operation, request);
          sent++;
        }
      }
    }
    t.ok(sent > 100, `${sent} requests sent`);
  });

  await t.test('hostile strings in every string field of every JSON body', async (t) => {
    let sent = 0;
    for (const operation of operations) {
      const schema = operation.operation.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      const resolved = tools.inline(schema);
      const properties = Object.entries(resolved.properties ?? {});
      // A minimal valid body, then each string field replaced by each hostile string.
      const base: Record<string, unknown> = {};
      for (const key of resolved.required ?? []) base[key] = sample(resolved.properties?.[key] ?? {});
      for (const [key, property] of properties) {
        if (!acceptsString(property)) continue;
        for (const value of hostileStrings) {
          const body = { ...base, [key]: value };
          const valid = tools.acceptsRequestValue(schema, body);
          await send(operation, {
            method: operation.method,
            url: urlOf(operation),
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(body),
            valid,
            ...(valid ? {} : { broken: `${key}=${JSON.stringify(value)}` }),
          });
          sent++;
        }
      }
    }
    t.ok(sent > 0, `${sent} requests sent`);
  });

  await t.test('huge and odd numbers in every integer parameter', async (t) => {
    for (const operation of operations) {
      for (const parameter of operation.operation.parameters ?? []) {
        const type = tools.resolve(parameter.schema).type;
        if (type !== 'integer' && type !== 'number') continue;
        for (const value of ['1e308', '99999999999999999999999999', '-99999999999999999999', '9007199254740993', '0x10', '1_000', 'Infinity', '-0', '1.0000000000000002']) {
          await send(operation, {
            method: operation.method,
            url: `${urlOf(operation)}?${new URLSearchParams({ [parameter.name]: value })}`,
            headers: {},
            valid: tools.acceptsRequestValue(parameter.schema, value),
            broken: `${parameter.name}=${value}`,
          });
        }
      }
    }
    t.pass('sent');
  });

  await t.test('deeply nested JSON, invalid UTF-8, NUL bytes and 10 MB bodies on every body operation', async (t) => {
    const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);
    for (const operation of operations) {
      const content = operation.operation.requestBody?.content ?? {};
      for (const mediaType of Object.keys(content)) {
        const bodies: [string, string | Buffer][] = [
          ['10 MB', mediaType.includes('json') ? JSON.stringify({ body: tenMegabytes }) : tenMegabytes],
          ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])],
        ];
        if (mediaType.includes('json')) {
          bodies.push(['nested objects, depth 100000', nested(100_000)], ['nested arrays, depth 100000', arrays(100_000)]);
          bodies.push(['huge number', '{"headline": 1e999999, "body": -1e999999}']);
        } else {
          bodies.push(['NUL bytes', `Headline\n\nBody with a \u0000 NUL byte.`]);
        }
        for (const [what, payload] of bodies) {
          await send(operation, {
            method: operation.method,
            url: urlOf(operation),
            headers: { 'content-type': mediaType },
            payload,
            // Text bodies (text/*, NDJSON) are whatever text they hold: odd text gets a declared answer
            // (a 413 above the limit, a 422, or per-line errors in a batch's 200). A huge number in
            // JSON is Infinity and is coerced like any number. Those need only a declared, non-5xx
            // answer; malformed JSON must be refused.
            valid: mediaType.startsWith('text/') || mediaType.includes('ndjson') || what === 'huge number',
            broken: what,
          });
        }
      }
    }
    t.pass('sent');
  });

  await t.test('path traversal in ids', async (t) => {
    // (A bare `..` segment, or `%2E%2E`, is resolved as a dot segment by URL parsers: it names another route.)
    const traversals = ['..%2F..%2Fetc%2Fpasswd', '..%2F', '%2e%2e%2f%2e%2e%2f', '..%5C..%5Cwindows', '%00', 'a%00b', '..;', '%252e%252e%252f'];
    for (const operation of operations.filter((operation) => operation.path.includes('{'))) {
      for (const value of traversals) {
        const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
        for (const name of names) {
          await send(operation, {
            method: operation.method,
            url: urlOf(operation, { [name]: value }),
            headers: operation.operation.requestBody ? { 'content-type': 'application/json' } : {},
            ...(operation.operation.requestBody ? { payload: '{}' } : {}),
            valid: false,
            broken: `${name}=${value}`,
          });
        }
      }
    }
    t.pass('sent');
  });

  // One line per kind of failure (ids and values folded), so a long list stays readable.
  const kinds = new Map<string, number>();
  for (const failure of failures) {
    const kind = failure
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')
      .replace(/\?[^ ]*/, '?…')
      .replace(/\[[^\]]*\]/, '[…]')
      .replace(/: \{"type".*$/, '');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  t.same([...kinds].map(([kind, count]) => `${count} × ${kind}`), [], `no 5xx and no undeclared answer (${failures.length} failures)`);
  const stillThere = await api({ method: 'GET', url: `/v1/articles/${articleId}` });
  t.equal(stillThere.statusCode, 200, 'the seed article is still there: nothing was dropped or injected');
});

t.test('header floods on a real socket are refused and the server keeps serving', async (t) => {
  const { app } = await createTestApp(t, 'postgres');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as net.AddressInfo;
  const raw = (request: string) =>
    new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('error', () => resolve(answer || 'connection reset'));
      socket.on('close', () => resolve(answer));
      socket.setTimeout(10_000, () => socket.destroy());
      socket.end(request);
    });
  const manyHeaders = Array.from({ length: 5000 }, (_, n) => `x-flood-${n}: ${'v'.repeat(20)}`).join('\r\n');
  const flood = await raw(`GET /healthz HTTP/1.1\r\nhost: x\r\n${manyHeaders}\r\n\r\n`);
  t.match(flood.split('\r\n')[0] ?? '', /^HTTP\/1\.1 431|connection reset|^$/, '5000 headers are refused (431) or the connection is closed');
  const huge = await raw(`GET /healthz HTTP/1.1\r\nhost: x\r\nx-huge: ${'h'.repeat(200_000)}\r\n\r\n`);
  t.match(huge.split('\r\n')[0] ?? '', /^HTTP\/1\.1 431|connection reset|^$/, 'a 200 KB header is refused (431) or the connection is closed');
  const ok = await raw('GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
  t.match(ok.split('\r\n')[0] ?? '', /^HTTP\/1\.1 200/, 'the server still answers afterwards');
});

function acceptsString(schema: JsonSchema): boolean {
  const resolved = tools.resolve(schema);
  if (resolved.type === 'string' && !resolved.enum && !resolved.format) return true;
  return (resolved.anyOf ?? []).some((variant) => acceptsString(variant));
}

function sample(schema: JsonSchema): unknown {
  const resolved = tools.resolve(schema);
  if (resolved.enum) return resolved.enum[0];
  if (resolved.anyOf) return sample(resolved.anyOf[0]!);
  switch (resolved.type) {
    case 'integer':
    case 'number':
      return resolved.minimum ?? 0;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return resolved.format === 'uuid' ? '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11' : 'x'.repeat(Math.max(resolved.minLength ?? 1, 1));
  }
}
