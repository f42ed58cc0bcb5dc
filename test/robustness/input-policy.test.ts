// Finding 9: one text policy wherever client text enters, and one bad line never fails its
// neighbours. NUL and unpaired surrogates in any field are a 400 naming the field (not a 500 from
// Postgres); bodies that are not UTF-8, or declare another charset, are refused instead of being
// stored with U+FFFD; a batch or ingest job line that breaks the policy fails alone, at once.
import t from 'tap';
import { runWorker } from '../../src/commands/worker.js';
import { createTestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';
import { smallArticle } from '../faults/articles.js';

interface Problem { type: string; status: number; detail?: string }

const article = (n: number, extra: Record<string, unknown> = {}) => ({ headline: `Headline ${n}`, body: smallArticle(n), source: 'Wire', externalId: `w-${n}`, ...extra });

for (const kind of storageKinds()) {
  t.test(`the input text policy (${kind})`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const json = (url: string, payload: unknown, method: 'POST' | 'PATCH' = 'POST', headers: Record<string, string> = {}) =>
      api({ method, url, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(payload) });
    const expect400 = (res: { statusCode: number; json<T>(): T }, where: RegExp, what: string) => {
      t.equal(res.statusCode, 400, `${what}: 400`);
      t.match(res.json<Problem>().detail, where, `${what}: says where`);
    };

    expect400(await json('/v1/articles', article(1, { source: 'Wi\u0000re' })), /\/source: contains a NUL/, 'NUL in source');
    expect400(await json('/v1/articles', article(2, { externalId: 'w-\ud800' })), /\/externalId: contains an unpaired UTF-16 surrogate/, 'lone surrogate in externalId');
    expect400(await json('/v1/articles', article(3, { headline: 'A\udfff' })), /\/headline/, 'lone surrogate in headline');
    expect400(
      await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: `Headline\n\nA body with a \u0000 NUL.` }),
      /NUL character \(U\+0000\) at character 24/,
      'NUL in a text body',
    );
    const invalid = Buffer.concat([Buffer.from('Headline\n\nA caf'), Buffer.from([0xe9]), Buffer.from(' body.')]);
    const latin1 = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: invalid });
    t.equal(latin1.statusCode, 400, 'invalid UTF-8 in a text body: 400');
    t.match(latin1.json<Problem>(), { type: 'urn:news-annotations:problem:malformed-body', detail: /not valid UTF-8 \(at byte 15\)/ });
    const invalidJson = Buffer.concat([Buffer.from('{"headline":"H\xff'.slice(0, 14)), Buffer.from([0xc3, 0x28]), Buffer.from('","body":"b"}')]);
    t.equal((await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'application/json' }, payload: invalidJson })).statusCode, 400, 'invalid UTF-8 in JSON: 400');
    const charset = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain; charset=iso-8859-1' }, payload: Buffer.from('Headline\n\nA caf\xe9 body.', 'latin1') });
    t.equal(charset.statusCode, 415, 'charset=iso-8859-1: 415');
    t.match(charset.json<Problem>().detail, /charset=iso-8859-1/);
    t.equal((await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain; charset=UTF-8' }, payload: 'Headline\n\nA caf\u00e9 body, said Ana.' })).statusCode, 201, 'charset=UTF-8 is fine');

    const created = await json('/v1/articles', article(4));
    t.equal(created.statusCode, 201);
    const id = created.json<{ id: string }>().id;
    const entity = (await api({ method: 'GET', url: `/v1/articles/${id}/entities?limit=1` })).json<{ items: { id: string }[] }>().items[0]!;
    const etag = (await api({ method: 'GET', url: `/v1/entities/${entity.id}` })).headers.etag as string;
    expect400(await json(`/v1/entities/${entity.id}`, { canonicalName: 'Ma\u0000ria' }, 'PATCH', { 'if-match': etag }), /canonicalName/, 'NUL in an entity rename');
    expect400(await json(`/v1/articles/${id}/mentions`, { start: 0, end: 4, entity: { type: 'PERSON', name: 'X\ud800' } }), /\/entity\/name/, 'lone surrogate in a mention entity name');
    expect400(await api({ method: 'GET', url: '/v1/articles?q=%00' }), /querystring \/q/, 'NUL in a query string');

    const lines = [article(10), article(11, { source: 'Wi\u0000re' }), article(12, { externalId: '\udc00x' }), article(13)].map((line) => JSON.stringify(line)).join('\n');
    const batch = await api({ method: 'POST', url: '/v1/articles:batch', headers: { 'content-type': 'application/x-ndjson' }, payload: lines });
    t.equal(batch.statusCode, 200, 'a batch with bad lines answers 200');
    const items = batch.json<{ items: { status: string; problem?: Problem }[] }>().items;
    t.same(items.map((item) => item.status), ['created', 'failed', 'failed', 'created'], 'only the bad lines fail');
    t.match(items[1]!.problem, { status: 400, detail: /\/source: contains a NUL/ });
    t.match(items[2]!.problem, { status: 400, detail: /\/externalId: contains an unpaired/ });
  });
}

t.test('an ingest job line with NUL fails alone and at once (postgres, a real worker)', { skip: !storageKinds().includes('postgres') && 'TEST_STORAGE excludes postgres' }, async (t) => {
  const { api, db } = await createTestApp(t, 'postgres');
  const lines = Array.from({ length: 45 }, (_, n) => JSON.stringify(article(100 + n, n === 20 ? { source: 'Wi\u0000re' } : {}))).join('\n');
  const posted = await api({ method: 'POST', url: '/v1/ingest-jobs', headers: { 'content-type': 'application/x-ndjson' }, payload: lines });
  t.equal(posted.statusCode, 202);
  const jobId = posted.json<{ id: string }>().id;
  let stop!: (signal: string) => void;
  const stopSignal = new Promise<string>((resolve) => (stop = resolve));
  const exited = runWorker(['--concurrency', '1'], { stderr: process.stderr, env: { DATABASE_URL: db.url!, LOG_LEVEL: 'silent' }, stopSignal });
  const started = Date.now();
  let job: { state: string; counts: { created: number; failed: number }; errors: { line: number; problem: Problem }[] } | undefined;
  for (let attempt = 0; attempt < 600; attempt++) {
    job = (await api({ method: 'GET', url: `/v1/ingest-jobs/${jobId}` })).json();
    if (job?.state === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop('SIGTERM');
  t.equal(await exited, 0);
  t.equal(job?.state, 'done', `the job is done (${Date.now() - started} ms)`);
  t.equal(job?.counts.created, 44, 'the 44 good lines are stored');
  t.equal(job?.counts.failed, 1, 'one line failed');
  t.match(job?.errors[0], { line: 21, problem: { status: 400, detail: /\/source: contains a NUL/ } }, 'with the policy problem, not after 20 retries');
});
