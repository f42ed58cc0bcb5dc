// The fuzzer itself: bugs planted on purpose in throwaway routes, described by a tiny OpenAPI
// fragment, are caught; the same routes without the bugs pass.
import t from 'tap';
import { createTestApp } from '../helpers/app.js';
import { fuzzOperation, fuzzSettings, operationsOf, SchemaTools, type OpenApiDocument } from './openapi-fuzz.js';

const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } };
const echoBody = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 500 }, count: { type: 'integer', minimum: 0, maximum: 100 } },
  additionalProperties: false,
};
const fragment: OpenApiDocument = {
  openapi: '3.1.0',
  components: {
    schemas: {
      ProblemDetails: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' } },
      },
    },
  },
  paths: Object.fromEntries(
    ['throws-on-long-name', 'wrong-response-shape', 'correct'].map((name) => [
      `/fuzz-target/${name}`,
      {
        post: {
          operationId: name,
          requestBody: { required: true, content: { 'application/json': { schema: echoBody } } },
          responses: {
            200: {
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['name', 'length'], properties: { name: { type: 'string' }, length: { type: 'integer' } }, additionalProperties: false },
                },
              },
            },
            400: problem,
            413: problem,
            415: problem,
            500: problem,
          },
        },
      },
    ]),
  ),
};

t.test('the fuzzer catches bugs planted in throwaway routes, and passes the same route without them', async (t) => {
  const { app } = await createTestApp(t, 'postgres');
  const schema = { body: echoBody };
  // Bug 1: a handler that throws on a long string (a 500 the client did nothing wrong to get).
  app.post('/fuzz-target/throws-on-long-name', { schema }, async (request) => {
    const { name } = request.body as { name: string };
    if (name.length > 40) throw new Error('name buffer overflow');
    return { name, length: name.length };
  });
  // Bug 2: a response that does not match the declared schema for some inputs.
  app.post('/fuzz-target/wrong-response-shape', { schema }, async (request) => {
    const { name, count } = request.body as { name: string; count?: number };
    return count !== undefined && count > 50 ? { name, length: String(name.length) } : { name, length: name.length };
  });
  app.post('/fuzz-target/correct', { schema }, async (request) => {
    const { name } = request.body as { name: string };
    return { name, length: name.length };
  });

  const tools = new SchemaTools(fragment);
  const operations = Object.fromEntries(operationsOf(fragment).map((operation) => [operation.id, operation]));
  const { seed } = fuzzSettings();
  const run = (id: string, kind: 'valid' | 'invalid') => fuzzOperation(app, operations[id]!, { tools }, kind, { numRuns: 100, seed });

  const throws = await run('throws-on-long-name', 'valid');
  t.ok(throws?.failed, 'a handler that throws on a long string is caught');
  t.match(String((throws?.errorInstance as Error | undefined)?.message), /server error 500/, 'as a 500');

  const shape = await run('wrong-response-shape', 'valid');
  t.ok(shape?.failed, 'a response that breaks the declared schema is caught');
  t.match(String((shape?.errorInstance as Error | undefined)?.message), /does not match the 200 schema/);

  const correct = await run('correct', 'valid');
  t.notOk(correct?.failed, 'the correct route passes the same valid requests', { error: String(correct?.errorInstance ?? '') });
  const invalid = await run('correct', 'invalid');
  t.notOk(invalid?.failed, 'and the invalid ones are answered 400/415 problem+json', { error: String(invalid?.errorInstance ?? '') });
});
