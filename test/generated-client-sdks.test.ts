// Two more SDK generators than openapi-fetch: @hey-api/openapi-ts and orval each generate a
// client from the committed openapi/openapi.json into a temp folder (offline, from node_modules),
// and the generated functions, called as their users would call them, ingest the example story as
// text and as a JSON article and read its quotes from a server listening on a real port on
// Postgres. The stored text must be the story itself: a client that sent the text with the wrong
// encoding or media type would store something else, or nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import t, { type Test } from 'tap';
import { createTestApp } from './helpers/app.js';
import { sliceCodePoints, wireStory, wireStoryAsJson } from './helpers/fixtures.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const spec = path.join(root, 'openapi/openapi.json');
const run = promisify(execFile);

interface Article {
  id: string;
  text?: string;
  headline: string | null;
  counts: { quotes: number };
}
interface QuotePage {
  items: Array<{ start: number; end: number; text: string }>;
  nextCursor: string | null;
}
/** What a flow needs from a generated client, whichever generator made it. */
interface Sdk {
  createArticle(body: unknown): Promise<{ status: number; data: Article }>;
  getArticle(id: string): Promise<{ status: number; data: Article }>;
  listArticleQuotes(id: string): Promise<{ status: number; data: QuotePage }>;
  batchCreateArticles(body: unknown): Promise<{ status: number; data: BatchResult }>;
  createIngestJob(body: unknown): Promise<{ status: number; data: { id: string; counts: { total: number } } }>;
}
interface BatchResult {
  counts: { created: number; existing: number; failed: number };
  items: Array<{ status: string }>;
}

async function tempDir(t: Test, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  // The generated sources are ES modules, loaded here through tsx like the tests.
  await writeFile(path.join(dir, 'package.json'), '{"type":"module"}\n');
  return dir;
}

async function startServer(t: Test): Promise<{ baseUrl: string; key: string }> {
  const { app, adminKey } = await createTestApp(t, 'postgres');
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, key: adminKey };
}

/** The flow every generated client must get right. */
async function ingestAndReadQuotes(t: Test, sdk: Sdk): Promise<void> {
  const asText = await sdk.createArticle({ text: wireStory });
  t.equal(asText.status, 201, 'the story as text is stored');
  const stored = await sdk.getArticle(asText.data.id);
  t.equal(stored.data.text, wireStory.replace(/\r\n?/g, '\n'), 'the stored text is the story as it was sent');
  t.match(stored.data.headline, /Kim to Putin/, 'its headline is read from the wire header');

  const json = wireStoryAsJson();
  const asJson = await sdk.createArticle(json);
  t.equal(asJson.status, 201, 'the story as a JSON article is stored');
  t.equal(asJson.data.headline, json.headline, 'with the headline it was given');

  for (const [what, article] of [['text', asText.data], ['JSON', asJson.data]] as const) {
    const quotes = await sdk.listArticleQuotes(article.id);
    t.equal(quotes.status, 200);
    t.ok(article.counts.quotes >= 10, `the quotes of the ${what} article are found`);
    t.equal(quotes.data.items.length, article.counts.quotes, `and read back through the client (${what})`);
    const text = (await sdk.getArticle(article.id)).data.text ?? '';
    for (const quote of quotes.data.items) {
      if (sliceCodePoints(text, quote.start, quote.end) !== quote.text) t.fail(`a ${what} quote's offsets miss its text`);
    }
  }

  // The imports in their JSON form (NDJSON is what a generated client cannot send right).
  const batch = await sdk.batchCreateArticles({
    articles: [json, { headline: 'Harbour reopens', body: '"We are relieved," said the harbour master.' }],
  });
  t.equal(batch.status, 200, 'a batch is ingested');
  t.same(batch.data.counts, { created: 1, existing: 1, failed: 0 }, 'line by line: the JSON article again, and a new one');
  const job = await sdk.createIngestJob({
    articles: [{ headline: 'Port strike ends', body: 'Dock workers returned on Monday, the union said.' }],
  });
  t.equal(job.status, 202, 'an ingest job is queued');
  t.equal(job.data.counts.total, 1, 'with its one line');
}

t.test('@hey-api/openapi-ts: the generated SDK ingests the story as text and as JSON and reads its quotes', async (t) => {
  const dir = await tempDir(t, 'na-hey-api-');
  await run(
    path.join(root, 'node_modules/.bin/openapi-ts'),
    ['--input', spec, '--output', path.join(dir, 'client'), '--client', '@hey-api/client-fetch', '--plugins', '@hey-api/typescript', '@hey-api/sdk', '--no-log-file', '--silent'],
    { cwd: dir },
  );
  const { client } = (await import(pathToFileURL(path.join(dir, 'client/client.gen.ts')).href)) as {
    client: { setConfig(config: { baseUrl: string; headers: Record<string, string> }): void };
  };
  type Call = (options: object) => Promise<{ data: unknown; response: Response }>;
  const generated = (await import(pathToFileURL(path.join(dir, 'client/sdk.gen.ts')).href)) as Record<string, Call>;
  const { baseUrl, key } = await startServer(t);
  client.setConfig({ baseUrl, headers: { Authorization: `Bearer ${key}` } });
  const answer = async <T>(call: Promise<{ data: unknown; response: Response }>) => {
    const { data, response } = await call;
    return { status: response.status, data: data as T };
  };
  await ingestAndReadQuotes(t, {
    createArticle: (body) => answer<Article>(generated.createArticle!({ body })),
    getArticle: (id) => answer<Article>(generated.getArticle!({ path: { id } })),
    listArticleQuotes: (id) => answer<QuotePage>(generated.listArticleQuotes!({ path: { id }, query: { limit: 500 } })),
    batchCreateArticles: (body) => answer<BatchResult>(generated.batchCreateArticles!({ body })),
    createIngestJob: (body) => answer(generated.createIngestJob!({ body })),
  });
});

t.test('orval (fetch client): the generated client ingests the story as text and as JSON and reads its quotes', async (t) => {
  const dir = await tempDir(t, 'na-orval-');
  const { baseUrl, key } = await startServer(t);
  const config = path.join(dir, 'orval.config.cjs');
  await writeFile(
    config,
    `module.exports = ${JSON.stringify({
      newsAnnotations: {
        input: { target: spec },
        output: { target: path.join(dir, 'client.ts'), client: 'fetch', mode: 'single', baseUrl, prettier: false },
      },
    })};\n`,
  );
  await run(path.join(root, 'node_modules/.bin/orval'), ['--config', config], { cwd: dir });
  type Call = (...args: unknown[]) => Promise<{ status: number; data: unknown }>;
  const generated = (await import(pathToFileURL(path.join(dir, 'client.ts')).href)) as Record<string, Call>;
  const auth: RequestInit = { headers: { Authorization: `Bearer ${key}` } };
  const answer = async <T>(call: Promise<{ status: number; data: unknown }>) => {
    const { status, data } = await call;
    return { status, data: data as T };
  };
  await ingestAndReadQuotes(t, {
    createArticle: (body) => answer<Article>(generated.createArticle!(body, auth)),
    getArticle: (id) => answer<Article>(generated.getArticle!(id, auth)),
    listArticleQuotes: (id) => answer<QuotePage>(generated.listArticleQuotes!(id, { limit: 500 }, auth)),
    batchCreateArticles: (body) => answer<BatchResult>(generated.batchCreateArticles!(body, auth)),
    createIngestJob: (body) => answer(generated.createIngestJob!(body, auth)),
  });
});
