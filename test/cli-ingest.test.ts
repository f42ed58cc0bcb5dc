import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { runExport } from '../src/commands/export.js';
import { runIngest } from '../src/commands/ingest.js';
import { openDatabase } from '../src/db/database.js';
import { createTestApp } from './helpers/app.js';
import { databaseEnv, runCommand } from './helpers/cli.js';
import { storageKinds } from './helpers/database.js';

const people: [string, string][] = [
  ['Anna Berg', 'harbour master'],
  ['Tomas Lind', 'mayor'],
  ['Maria Okafor', 'finance minister'],
  ['Kenji Sato', 'union leader'],
  ['Lucia Ferreira', 'hospital director'],
  ['Omar Haddad', 'police chief'],
];
const places = ['Bergen', 'Lagos', 'Osaka', 'Porto', 'Tunis', 'Leeds', 'Quito', 'Perth'];
const topics = ['the harbour', 'the new budget', 'the rail strike', 'flood defences', 'the hospital wing', 'school meals'];

/** The n-th generated article: varied people, places and layouts, each text unique. */
function generated(n: number): { name: string; content: string } {
  const [person, role] = people[n % people.length]!;
  const surname = person.split(' ')[1]!;
  const place = places[n % places.length]!;
  const topic = topics[n % topics.length]!;
  const headline = `${place} debates ${topic} (item ${n})`;
  const paragraphs = [
    `${place.toUpperCase()} (Example Wire) - Officials in ${place} met on Monday to discuss ${topic}, the ${n}th meeting this year.`,
    `"We will not give up on ${topic}," said ${person}, the ${role}.`,
    `${surname} added that a decision was expected within ${2 + (n % 9)} weeks.`,
  ];
  switch (n % 10) {
    case 7: // a JSON article
      return { name: `json/article-${n}.json`, content: JSON.stringify({ headline, body: paragraphs.join('\n\n'), source: 'Example Wire', externalId: `ew-${n}` }) };
    case 8: // an IPTC ninjs item
      return {
        name: `ninjs/item-${n}.json`,
        content: JSON.stringify({ uri: `urn:example:${n}`, type: 'text', headlines: [{ role: 'main', value: headline }], bodies: [{ contentType: 'text/plain', value: paragraphs.join('\n\n') }] }),
      };
    case 9: // a news page
      return {
        name: `pages/story-${n}.html`,
        content: `<!doctype html><html lang="en"><head><title>${headline}</title><script>track(${n})</script></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`).join('')}</article><footer>Example Wire</footer></body></html>`,
      };
    default: // wire text
      return { name: `wire/${String(Math.floor(n / 100))}/story-${n}.txt`, content: `${headline}\n\nExample Wire\n\n${paragraphs.join('\n\n')}\n` };
  }
}

async function articleFolder(t: Test, count: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'na-cli-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  for (let n = 0; n < count; n++) {
    const { name, content } = generated(n);
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  await writeFile(path.join(dir, 'README.md'), 'not an article');
  return dir;
}

const run = runCommand;

async function storedArticles(env: NodeJS.ProcessEnv): Promise<number> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? '' });
  try {
    return await database.prisma.article.count();
  } finally {
    await database.close();
  }
}

const SUMMARY = /ingested (\d+) of (\d+) articles into (.+) in [\d.]+s: (\d+) created, (\d+) existing \(already stored\), (\d+) failed/;

for (const kind of storageKinds()) {
  t.test(`on ${kind} storage`, async (t) => {
    const folder = await articleFolder(t, 1000);
    const env = await databaseEnv(t, kind);

    t.test('a folder of 1,000 articles is ingested with progress lines and a summary', async (t) => {
      const first = await run(runIngest, ['--concurrency', '8', folder], env);
      t.equal(first.code, 0, 'exit code 0');
      const progressLines = first.stdout.split('\n').filter((line) => line.startsWith('ingest '));
      t.equal(progressLines.length, 20, 'a plain line every 5% when stdout is no terminal');
      t.match(progressLines[0], /^ingest 50\/1000 5% \| [\d.]+\/s \| ETA \d+s \| created \d+ existing \d+ failed 0$/);
      t.match(progressLines.at(-1), /^ingest 1000\/1000 100% /);
      t.same(SUMMARY.exec(first.stdout)?.slice(1), ['1000', '1000', 'the database', '1000', '0', '0']);
      t.match(first.stderr, /skipping 1 file of other types/, 'README.md is not an article');
      t.equal(await storedArticles(env), 1000);
    });

    t.test('running it again stores nothing new: every article is already there', async (t) => {
      const second = await run(runIngest, [folder], env);
      t.equal(second.code, 0, 'exit code 0');
      t.same(SUMMARY.exec(second.stdout)?.slice(1), ['1000', '1000', 'the database', '0', '1000', '0']);
      t.equal(await storedArticles(env), 1000);
    });

    t.test('a JSON-lines file with bad lines names each failure and exits 1', async (t) => {
      const file = path.join(folder, '..', `${path.basename(folder)}-batch.jsonl`);
      t.teardown(() => rm(file, { force: true }));
      await writeFile(
        file,
        [
          JSON.stringify({ headline: 'Lines one', body: '"It works," said Anna Berg.' }),
          '{"headline": broken',
          '',
          JSON.stringify({ headline: 'No body here' }),
          JSON.stringify({ headline: 'Lines two', body: 'Second article from a lines file.' }),
        ].join('\n'),
      );
      const result = await run(runIngest, [file], env);
      t.equal(result.code, 1);
      t.same(SUMMARY.exec(result.stdout)?.slice(1), ['4', '4', 'the database', '2', '0', '2']);
      t.match(result.stderr, new RegExp(`failed .*-batch\\.jsonl:2: malformed-body: not JSON`));
      t.match(result.stderr, new RegExp(`failed .*-batch\\.jsonl:4: validation-failed: .*/body: is required`));
    });

    t.test('export writes every article with paragraphs, quotes and entities as JSON lines', async (t) => {
      const out = path.join(folder, '..', `${path.basename(folder)}-export.jsonl`);
      t.teardown(() => rm(out, { force: true }));
      const result = await run(runExport, ['--out', out], env);
      t.equal(result.code, 0, 'exit code 0');
      t.match(result.stderr, /exported 1002 articles to /);
      const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
      t.equal(lines.length, 1002);
      const articles = lines.map(
        (line) =>
          JSON.parse(line) as {
            id: string;
            headline: string;
            text: string;
            counts: { paragraphs: number; quotes: number; entities: number };
            paragraphs: { text: string }[];
            quotes: { text: string; speaker: { canonicalName: string } | null }[];
            entities: { canonicalName: string; mentions: unknown[] }[];
          },
      );
      t.equal(new Set(articles.map((article) => article.id)).size, 1002, 'each article once');
      const sample = articles.find((article) => article.headline === 'Lagos debates the new budget (item 1)');
      t.ok(sample, 'a generated article is there');
      t.equal(sample?.paragraphs.length, sample?.counts.paragraphs);
      t.equal(sample?.quotes.length, sample?.counts.quotes);
      t.equal(sample?.entities.length, sample?.counts.entities);
      t.ok(sample?.quotes.some((quote) => quote.speaker?.canonicalName === 'Tomas Lind'), 'the quote keeps its speaker');
      t.ok(articles.every((article) => article.paragraphs.length === article.counts.paragraphs));
    });
  });
}

t.test('against a running server: created, then existing, with the API key', async (t) => {
  const { app, adminKey } = await createTestApp(t, storageKinds()[0]!);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'na-cli-remote-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  for (let n = 0; n < 20; n++) {
    const { content } = generated(n * 10); // wire text
    await writeFile(path.join(dir, `story-${n}.txt`), content);
  }
  await writeFile(path.join(dir, 'blank.txt'), '   \n');

  const first = await run(runIngest, ['--server', base, dir], { NEWS_ANNOTATIONS_API_KEY: adminKey });
  t.equal(first.code, 1, 'one file failed');
  t.same(SUMMARY.exec(first.stdout)?.slice(1), ['21', '21', base, '20', '0', '1']);
  t.match(first.stderr, /failed .*blank\.txt: 422 unprocessable-content: The article text is blank\./);

  const again = await run(runIngest, ['--server', base, dir], { NEWS_ANNOTATIONS_API_KEY: adminKey });
  t.same(SUMMARY.exec(again.stdout)?.slice(1), ['21', '21', base, '0', '20', '1'], 'a second run finds every article stored');

  const onCommandLine = await run(runIngest, ['--server', base, '--key', adminKey, dir], {});
  t.equal(onCommandLine.code, 2, 'a key on the command line is refused');
  t.match(onCommandLine.stderr, /--key is not taken.*NEWS_ANNOTATIONS_API_KEY/);
  t.notMatch(onCommandLine.stderr + onCommandLine.stdout, adminKey, 'and never printed');

  const badKey = await run(runIngest, ['--server', base, path.join(dir, 'story-0.txt')], { NEWS_ANNOTATIONS_API_KEY: 'na_wrong' });
  t.equal(badKey.code, 1);
  t.match(badKey.stderr, /401 unauthorized/);
});

t.test('a bad command line is exit code 2 with the usage', async (t) => {
  const none = await run(runIngest, [], {});
  t.equal(none.code, 2);
  t.match(none.stderr, /name at least one file or folder\n\nusage: news-annotations ingest/);
  t.equal((await run(runIngest, ['--concurrency', '0', '.'], {})).code, 2);
  t.match((await run(runIngest, ['--server', 'http://127.0.0.1:1', '.'], {})).stderr, /--server needs the API key in NEWS_ANNOTATIONS_API_KEY/);
  t.match((await run(runIngest, ['/no/such/folder'], {})).stderr, /no such file or folder/);
  t.match((await run(runIngest, ['package.json.bak'], {})).stderr, /no such file or folder/);
  t.match((await run(runIngest, ['tsconfig.build.json', 'README.md'], {})).stderr, /README\.md: unknown file type/);
});
