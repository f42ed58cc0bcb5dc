// Fuzzing from the spec: for every operation of the committed OpenAPI document, valid and invalid
// requests generated from its schemas go to the app on a real Postgres database. No answer is a
// 5xx, every status is one the operation declares, and every body has the declared content type
// and matches the declared schema; invalid input gets 400/413/415/422 problem+json.
// Seeded (FUZZ_SEED) and bounded (FUZZ_RUNS per operation and kind; more on demand).
import { readFileSync } from 'node:fs';
import t from 'tap';
import { createTestApp } from '../helpers/app.js';
import { wireStory } from '../helpers/fixtures.js';
import {
  fuzzOperation,
  fuzzSettings,
  operationsOf,
  SchemaTools,
  type OpenApiDocument,
  type OperationRef,
} from './openapi-fuzz.js';

const document = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;
const settings = fuzzSettings(15);

// Operations that destroy what the others use go last, articles last of all.
const destructiveRank = (operation: OperationRef): number =>
  operation.method === 'DELETE' ? (operation.path === '/v1/articles/{id}' ? 3 : 2) : /merge|revert/.test(operation.path) ? 1 : 0;

t.test('every operation of the OpenAPI document answers generated requests as declared', async (t) => {
  const { app, api, adminKey, createKey } = await createTestApp(t, 'postgres');
  const tools = new SchemaTools(document);

  // Seed: the wire story, so that ids in paths often name things that exist.
  const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
  t.equal(created.statusCode, 201, 'the wire story is stored as seed data');
  const articleId = created.json<{ id: string }>().id;
  const quotes = (await api({ method: 'GET', url: `/v1/articles/${articleId}/quotes?limit=500` })).json<{
    items: { id: string; speaker: { id: string; mention: { id: string } | null } | null }[];
  }>().items;
  const entities = (await api({ method: 'GET', url: `/v1/articles/${articleId}/entities?limit=500` })).json<{
    items: { id: string; mentions: { id: string }[] }[];
  }>().items;
  const quoteIds = quotes.map((quote) => quote.id);
  const entityIds = entities.map((entity) => entity.id);
  const mentionIds = entities.flatMap((entity) => entity.mentions.map((mention) => mention.id));
  t.ok(quoteIds.length > 0 && entityIds.length > 0 && mentionIds.length > 0, 'the seed has quotes, entities and mentions');

  // A key the fuzzer may delete (never the admin key it authenticates with).
  await createKey(['read'], 'fuzz-throwaway');
  const keys = (await api({ method: 'GET', url: '/v1/api-keys?limit=100' })).json<{ items: { id: string; name: string }[] }>();
  const throwawayKeyIds = (keys.items ?? []).filter((key) => key.name === 'fuzz-throwaway').map((key) => key.id);

  const pathValues = (operation: OperationRef, name: string): string[] => {
    if (name === 'quoteId') return quoteIds;
    if (name === 'mentionId') return mentionIds;
    if (operation.path.startsWith('/v1/api-keys/')) return throwawayKeyIds;
    if (operation.path.startsWith('/v1/entities/')) return entityIds;
    if (operation.path.startsWith('/v1/articles/')) return [articleId];
    return [];
  };
  const authorization = `Bearer ${process.env.FUZZ_API_KEY ?? adminKey}`;
  const context = { tools, authorization, pathValues };

  const operations = operationsOf(document).sort((a, b) => destructiveRank(a) - destructiveRank(b));
  t.ok(operations.length > 0, `the document has ${operations.length} operations`);
  const statuses = new Map<string, Set<number>>();

  for (const operation of operations) {
    for (const kind of ['valid', 'invalid'] as const) {
      const details = await fuzzOperation(app, operation, context, kind, {
        ...settings,
        onExchange: (_request, response) => {
          const seen = statuses.get(operation.id) ?? new Set<number>();
          seen.add(response.statusCode);
          statuses.set(operation.id, seen);
        },
      });
      if (!details) {
        t.pass(`${operation.id} takes no input that could be invalid`);
        continue;
      }
      t.notOk(details.failed, `${operation.id} (${operation.method} ${operation.path}): ${kind} requests answered as declared`, {
        seed: details.seed,
        path: details.counterexamplePath,
        error: details.failed ? String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance) : undefined,
      });
    }
  }
  // Statistics for the reader of the test log.
  t.comment(
    [...statuses].map(([id, seen]) => `${id}: ${[...seen].sort().join(' ')}`).join('\n'),
  );
  const seenAll = new Set([...statuses.values()].flatMap((seen) => [...seen]));
  t.ok(seenAll.has(200) || seenAll.has(201), 'some generated requests succeeded (the generator is not only making noise)');
});
