// export → ingest round-trips: the lines `export` writes are read back by `ingest`, into the same
// database (everything is already there) or a new one (the same articles, text and metadata), and
// both commands work against a running server (`--server`, the key from the environment).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { runExport } from '../src/commands/export.js';
import { runIngest, type ExportedArticle } from '../src/commands/ingest.js';
import { createTestApp } from './helpers/app.js';
import { databaseEnv, runCommand } from './helpers/cli.js';
import { storageKinds } from './helpers/database.js';
import { wireStory, wireStoryAsJson } from './helpers/fixtures.js';

const SUMMARY = /ingested (\d+) of (\d+) articles? into .+ in [\d.]+s: (\d+) created, (\d+) existing \(already stored\), (\d+) failed/;

interface Exported extends ExportedArticle {
  id: string;
  counts: { paragraphs: number; quotes: number; mentions: number };
  quotes: unknown[];
}

async function folder(t: Test): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'na-cli-export-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Three articles: wire text, a JSON article with every metadata field, a bare JSON article. */
async function articles(dir: string): Promise<string> {
  const input = path.join(dir, 'input');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(input);
  await writeFile(path.join(input, 'wire.txt'), wireStory);
  await writeFile(
    path.join(input, 'story.json'),
    JSON.stringify({
      ...wireStoryAsJson(),
      externalId: 'dunya-2019-04-26',
      url: 'https://news.example.org/2019/04/26/summit',
      publishedAt: '2019-04-26T06:30:00.000Z',
      language: 'en',
    }),
  );
  await writeFile(
    path.join(input, 'bare.json'),
    JSON.stringify({ headline: 'Harbour reopens', body: '"We are relieved," said the harbour master, Anna Berg.' }),
  );
  return input;
}

const readExport = async (file: string): Promise<Exported[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Exported);

/** What must survive the round trip, by content hash. */
const essence = (lines: Exported[]) =>
  Object.fromEntries(
    lines.map((line) => [
      line.contentHash,
      {
        text: line.text,
        headline: line.headline,
        source: line.source,
        externalId: line.externalId,
        url: line.url,
        publishedAt: line.publishedAt,
        language: line.language,
        quotes: line.counts.quotes,
        paragraphs: line.counts.paragraphs,
      },
    ]),
  );

for (const kind of storageKinds()) {
  t.test(`export, then ingest the export again (${kind})`, async (t) => {
    const dir = await folder(t);
    const input = await articles(dir);
    const first = await databaseEnv(t, kind);
    t.equal((await runCommand(runIngest, [input], first)).code, 0, 'the articles are ingested');
    const exported = path.join(dir, 'first.jsonl');
    t.equal((await runCommand(runExport, ['--out', exported], first)).code, 0, 'and exported');
    const lines = await readExport(exported);
    t.equal(lines.length, 3);
    t.ok(lines.every((line) => line.quotes.length === line.counts.quotes), 'each line holds its quotes');

    const again = await runCommand(runIngest, [exported], first);
    t.equal(again.code, 0, `the export ingests into the same database: ${again.stderr}`);
    t.same(SUMMARY.exec(again.stdout)?.slice(1), ['3', '3', '0', '3', '0'], 'where every article is already stored');

    const second = await databaseEnv(t, kind);
    const restored = await runCommand(runIngest, [exported], second);
    t.equal(restored.code, 0, `and into a new database: ${restored.stderr}`);
    t.same(SUMMARY.exec(restored.stdout)?.slice(1), ['3', '3', '3', '0', '0'], 'where every article is created');
    const reexported = path.join(dir, 'second.jsonl');
    t.equal((await runCommand(runExport, ['--out', reexported], second)).code, 0);
    t.same(essence(await readExport(reexported)), essence(lines), 'with the same text, metadata and annotation counts');
  });
}

t.test('export and ingest against running servers, the key from the environment', async (t) => {
  const dir = await folder(t);
  const input = await articles(dir);
  const source = await createTestApp(t, storageKinds()[0]!);
  const sourceUrl = await source.app.listen({ host: '127.0.0.1', port: 0 });
  const env = { NEWS_ANNOTATIONS_API_KEY: source.adminKey };
  t.equal((await runCommand(runIngest, ['--server', sourceUrl, input], env)).code, 0, 'ingested through the API');

  const exported = path.join(dir, 'server.jsonl');
  const result = await runCommand(runExport, ['--server', sourceUrl, '--out', exported], env);
  t.equal(result.code, 0, result.stderr);
  t.match(result.stderr, /exported 3 articles to /);
  const lines = await readExport(exported);

  const target = await createTestApp(t, storageKinds()[0]!);
  const targetUrl = await target.app.listen({ host: '127.0.0.1', port: 0 });
  const targetEnv = { NEWS_ANNOTATIONS_API_KEY: target.adminKey };
  const restored = await runCommand(runIngest, ['--server', targetUrl, exported], targetEnv);
  t.equal(restored.code, 0, restored.stderr);
  t.same(SUMMARY.exec(restored.stdout)?.slice(1), ['3', '3', '3', '0', '0'], 'the export is ingested by another server');
  const copied = path.join(dir, 'copied.jsonl');
  t.equal((await runCommand(runExport, ['--server', targetUrl, '--out', copied], targetEnv)).code, 0);
  t.same(essence(await readExport(copied)), essence(lines), 'with the same text, metadata and annotation counts');

  const noKey = await runCommand(runExport, ['--server', sourceUrl], {});
  t.equal(noKey.code, 2, 'export --server without a key is a usage error');
  t.match(noKey.stderr, /NEWS_ANNOTATIONS_API_KEY/);
  const wrongKey = runCommand(runExport, ['--server', sourceUrl], { NEWS_ANNOTATIONS_API_KEY: 'na_wrong' });
  await t.rejects(wrongKey, /401 unauthorized/, 'a wrong key stops the export with the problem');
});
