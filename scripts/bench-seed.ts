// The store `npm run bench` reads from, made over HTTP as clients make it: the fixture, 150
// fixture-sized variants and 150 short stories; the fixture revised once and one of its quotes and
// mentions edited (revisions and history to read); 20 more API keys; an ingest job of 100 articles,
// finished by a queue worker (`news-annotations worker`, as production runs it).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fixtureVariant, smallArticle } from '../test/faults/articles.js';
import { wireStory } from '../test/helpers/fixtures.js';
import type { BenchContext } from './bench-operations.js';

const JOB_ARTICLES = 100;
const JOB_TIMEOUT_MS = 180_000;

interface Seeder {
  base: string;
  headers: Record<string, string>;
  /** The repository root, where dist/cli.js is. */
  projectRoot: string;
  /** The service's database, for the worker. */
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
}

async function call(seeder: Seeder, method: string, target: string, body?: unknown, headers: Record<string, string> = {}) {
  const json = body !== undefined && typeof body !== 'string';
  const res = await fetch(`${seeder.base}${target}`, {
    method,
    headers: { ...seeder.headers, ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body === undefined ? {} : { body: json ? JSON.stringify(body) : (body as string) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${target} answered ${res.status}: ${text.slice(0, 500)}`);
  return { body: text ? (JSON.parse(text) as any) : null, etag: res.headers.get('etag') ?? '' };
}

/** Seeds the store and answers what the reads need. */
export async function seed(seeder: Seeder, log: (line: string) => void): Promise<BenchContext> {
  const post = async (text: string) =>
    (await call(seeder, 'POST', '/v1/articles', text, { 'content-type': 'text/plain' })).body.id as string;
  const started = performance.now();
  const articleId = await post(wireStory);
  const texts = [...Array.from({ length: 150 }, (_, n) => fixtureVariant(1_000_000 + n)), ...Array.from({ length: 150 }, (_, n) => smallArticle(n))];
  for (let i = 0; i < texts.length; i += 8) await Promise.all(texts.slice(i, i + 8).map(post));
  log(`seeded ${texts.length + 1} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // A revision: the wire's lost apostrophes (U+00A0 s) restored, or a line added when there are none.
  const article = await call(seeder, 'GET', `/v1/articles/${articleId}`);
  const restored = wireStory.replace(/\u00a0s\b/gu, "'s");
  const revised = restored !== wireStory ? restored : `${wireStory}\n\nThis story was corrected.\n`;
  await call(seeder, 'PUT', `/v1/articles/${articleId}`, revised, { 'content-type': 'text/plain', 'if-match': article.etag });

  // Editors confirm and reopen a quote and a mention, three times each: six events apiece.
  const quotes = (await call(seeder, 'GET', `/v1/articles/${articleId}/quotes?limit=100`)).body.items as { id: string; speaker: unknown }[];
  const quoteId = (quotes.find((quote) => quote.speaker) ?? quotes[0])?.id;
  const entities = (await call(seeder, 'GET', `/v1/articles/${articleId}/entities?limit=10`)).body.items as { mentions: { id: string }[] }[];
  const mentionId = entities[0]?.mentions[0]?.id;
  if (!quoteId || !mentionId) throw new Error('the fixture has no quote or no mention to edit');
  for (const target of [`/v1/articles/${articleId}/quotes/${quoteId}`, `/v1/articles/${articleId}/mentions/${mentionId}`]) {
    for (let i = 0; i < 6; i++) {
      const { etag } = await call(seeder, 'GET', target);
      await call(seeder, 'PATCH', target, { reviewStatus: i % 2 === 0 ? 'confirmed' : 'unreviewed' }, { 'if-match': etag });
    }
  }

  for (let n = 0; n < 20; n++) await call(seeder, 'POST', '/v1/api-keys', { name: `bench-reader-${n}`, scopes: ['read'] });

  const jobId = await runIngestJob(seeder, log);

  // The most quoted speaker, a word of its name, and a word its quotes use.
  const speakers = (await call(seeder, 'GET', '/v1/voices/speakers?limit=1')).body.items as {
    entity: { id: string; type: string; canonicalName: string };
  }[];
  const speaker = speakers[0]?.entity;
  if (!speaker) throw new Error('no speaker was quoted in the seeded articles');
  const entityQuery = speaker.canonicalName.split(/\s+/).at(-1)!.toLowerCase();
  const fixtureQuotes = (await call(seeder, 'GET', `/v1/articles/${articleId}/quotes?limit=100`)).body.items as { text: string }[];
  const searchWord = fixtureQuotes.flatMap((quote) => quote.text.match(/\p{L}{7,}/gu) ?? [])[0]?.toLowerCase();
  if (!searchWord) throw new Error('the fixture quotes have no word to search for');
  return { articleId, quoteId, mentionId, entityId: speaker.id, entityType: speaker.type, entityQuery, searchWord, jobId };
}

/** Queues a job of short stories and runs a worker until the job is done. */
async function runIngestJob(seeder: Seeder, log: (line: string) => void): Promise<string> {
  const started = performance.now();
  const lines = Array.from({ length: JOB_ARTICLES }, (_, n) => {
    const [headline, , , , ...body] = smallArticle(10_000 + n).split('\n');
    return JSON.stringify({ headline, body: body.join('\n'), source: 'Bench Jobs', externalId: `bench-job-${n}` });
  });
  const job = await call(seeder, 'POST', '/v1/ingest-jobs', lines.join('\n'), { 'content-type': 'application/x-ndjson' });
  const jobId = job.body.id as string;
  const worker = spawn(process.execPath, [path.join(seeder.projectRoot, 'dist/cli.js'), 'worker'], {
    cwd: seeder.projectRoot,
    env: { ...seeder.env, DATABASE_URL: seeder.databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  worker.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  try {
    const deadline = Date.now() + JOB_TIMEOUT_MS;
    for (;;) {
      const { body } = await call(seeder, 'GET', `/v1/ingest-jobs/${jobId}`);
      if (body.state === 'done') {
        if (body.counts.created !== JOB_ARTICLES) throw new Error(`the ingest job created ${body.counts.created} of ${JOB_ARTICLES} articles`);
        break;
      }
      if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`the ingest job was not done after ${JOB_TIMEOUT_MS / 1000} s: ${JSON.stringify(body.counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    if (worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (worker.exitCode === null) worker.kill('SIGKILL');
    }
  }
  log(`ingest job of ${JOB_ARTICLES} articles done by a worker in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return jobId;
}
