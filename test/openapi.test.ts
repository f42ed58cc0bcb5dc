import { readFile } from 'node:fs/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import t from 'tap';
import { generateOpenApiDocument, openApiPath } from '../src/commands/openapi.js';

const generated = await generateOpenApiDocument();
const committed = await readFile(openApiPath, 'utf8');
const document = JSON.parse(committed) as {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string; tags?: string[]; summary?: string; responses: Record<string, unknown> }>>;
};

t.test('the committed openapi/openapi.json equals what the routes generate', async (t) => {
  t.ok(committed === generated, 'run `npm run openapi` and commit openapi/openapi.json');
});

t.test('the document is valid OpenAPI 3.1', async (t) => {
  t.equal(document.openapi, '3.1.0');
  const result = await new Validator().validate(document);
  t.ok(result.valid, JSON.stringify(result.errors, null, 2));
});

t.test('every operation has an operationId, tags, a summary and documented errors', async (t) => {
  const ids = new Set<string>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const name = `${method.toUpperCase()} ${path}`;
      t.ok(operation.operationId, `${name} has an operationId`);
      t.notOk(ids.has(operation.operationId!), `${name} has a unique operationId`);
      ids.add(operation.operationId!);
      t.ok(operation.tags?.length, `${name} has tags`);
      t.ok(operation.summary, `${name} has a summary`);
      t.ok(operation.responses['500'], `${name} documents 500`);
      if (path.startsWith('/v1/')) {
        t.ok(operation.responses['400'], `${name} documents 400`);
      }
      if (path.includes('{id}')) t.ok(operation.responses['404'], `${name} documents 404`);
    }
  }
  t.ok(ids.size >= 9, 'all operations were seen');
});
