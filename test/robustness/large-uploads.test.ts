// Finding 2's last case, against the built service on real Postgres: two concurrent ingest jobs of
// ~58 MB had crashed the process, each body read whole and split into lines. Now an NDJSON job is
// read line by line into a job that clients and workers cannot see until its body is in; the JSON
// form (parsed whole) is bounded and admitted a few at a time. Also: a body cut off mid-way leaves
// nothing behind, one bad line fails alone, and an Idempotency-Key still replays a streamed job.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import pg from 'pg';
import t from 'tap';
import { createEmptyPostgresDatabase } from '../helpers/database.js';
import { wireStory } from '../helpers/fixtures.js';
import { authorization } from '../faults/service.js';
import { buildService, rssMb, startBuiltService, watch } from './built-service.js';

t.before(buildService);

const MAX_LINES = 10_000;

/** An NDJSON job of `lines` articles of about `bytesPerLine` bytes each, numbered from `from`. */
function ndjsonJob(lines: number, bytesPerLine: number, from = 0): string {
  const story = wireStory.replace(/\s+/g, ' ');
  const out: string[] = [];
  for (let n = from; n < from + lines; n++) {
    const head = `Upload ${n}: `;
    const body = (head + story.repeat(Math.ceil(bytesPerLine / story.length))).slice(0, bytesPerLine - 80);
    out.push(JSON.stringify({ headline: `Article ${n}`, body }));
  }
  return `${out.join('\n')}\n`;
}

t.test('large ingest jobs, cut-off bodies and retries against the built service', async (t) => {
  const { url, drop } = await createEmptyPostgresDatabase();
  t.teardown(drop);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  t.teardown(() => db.end());
  const service = await startBuiltService({ DATABASE_URL: url, SHUTDOWN_GRACE_MS: '20000' });
  t.teardown(() => service.stop('SIGKILL'));
  t.equal(await service.ingest(wireStory), 201, 'the service ingests before the uploads');
  const jobRows = async () => (await db.query<{ state: string; n: number }>('SELECT "state"::text AS state, count(*)::int AS n FROM "IngestJob" GROUP BY 1 ORDER BY 1')).rows;
  const itemCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "IngestJobItem"')).rows[0]!.n;
  const postJob = (body: string, headers: Record<string, string> = {}) =>
    service.api('/v1/ingest-jobs', { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...headers }, body });

  await t.test('two concurrent uploads of ~58 MB are both stored, line by line, with bounded memory', async (t) => {
    const bodies = [ndjsonJob(MAX_LINES, 5_800, 0), ndjsonJob(MAX_LINES, 5_800, MAX_LINES)];
    t.ok(bodies.every((body) => body.length > 55_000_000 && body.length < 64 * 1024 * 1024), `each body is ${Math.round(bodies[0]!.length / 1e6)} MB, inside the 64 MiB limit`);
    // Sent by two curl processes, so that this process, which measures /healthz, has nothing else to do.
    const folder = t.testdir();
    const files = bodies.map((body, n) => {
      const file = path.join(folder, `job-${n}.ndjson`);
      writeFileSync(file, body);
      return file;
    });
    const upload = (file: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        execFile('curl', ['-s', '-w', '\n%{http_code}', '-H', `authorization: ${authorization}`, '-H', 'content-type: application/x-ndjson', '--data-binary', `@${file}`, `${service.baseUrl}/v1/ingest-jobs`],
          { maxBuffer: 1 << 20 }, (error, stdout) => {
            if (error) return reject(error);
            const cut = stdout.lastIndexOf('\n');
            resolve({ status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) });
          });
      });
    const baselineMb = rssMb(service.child.pid!);
    const watcher = watch(service);
    const started = performance.now();
    const answers = await Promise.all(files.map(upload));
    const seconds = (performance.now() - started) / 1000;
    const worst = await watcher.end();
    const jobs = answers.map((answer) => JSON.parse(answer.body) as unknown) as { id: string; counts: { total: number } }[];
    t.same(answers.map((answer) => answer.status), [202, 202], `both are accepted (${answers.map((answer) => answer.body.slice(0, 300)).join(' | ')})`);
    t.same(jobs.map((job) => job.counts.total), [MAX_LINES, MAX_LINES], 'each job holds every line');
    t.equal(await itemCount(), 2 * MAX_LINES, 'every line is stored as an item');
    t.comment(`two uploads in ${seconds.toFixed(1)} s; RSS ${Math.round(baselineMb)} MB before, peak ${Math.round(worst.rssMb)} MB; worst /healthz ${Math.round(worst.healthMs)} ms over ${worst.probes} probes`);
    // Bodies held whole (2 x 58 MB of bytes, their strings and their lines) had exhausted the 256 MB
    // heap; streamed, what remains is garbage of the lines in flight and the young generation.
    t.ok(worst.rssMb - baselineMb <= 96, `the uploads added at most 96 MB of RSS (${Math.round(worst.rssMb - baselineMb)} MB)`);
    t.ok(worst.healthMs < 500, `/healthz answered within 500 ms throughout (worst ${Math.round(worst.healthMs)} ms)`);
    t.equal(service.child.exitCode, null, 'the process is alive');
  });

  await t.test('a body over the limit is a 413 whether or not it declares its length, and leaves no job', async (t) => {
    const before = await itemCount();
    const declared = await postJob(ndjsonJob(11_000, 6_200));
    t.equal(declared.status, 413, 'a declared length over 64 MiB: 413');
    t.equal(((await declared.json()) as { type: string }).type, 'urn:news-annotations:problem:payload-too-large');
    // Chunked, so the length is found out only while it is read.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${service.baseUrl}/v1/ingest-jobs`, { method: 'POST', headers: { authorization, 'content-type': 'application/x-ndjson' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const line = `${JSON.stringify({ headline: 'Padding', body: 'x'.repeat(1_000_000) })}\n`;
      let sent = 0;
      const write = () => {
        while (sent < 70 && !req.destroyed) {
          sent++;
          if (!req.write(line)) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    }).catch(() => 413); // the service may close the socket after its answer
    t.equal(chunked, 413, 'a chunked body that grows over 64 MiB: 413');
    await new Promise((resolve) => setTimeout(resolve, 300));
    t.equal(await itemCount(), before, 'no item of either is kept');
    t.notOk((await jobRows()).some((row) => row.state === 'receiving'), 'no job is left receiving');
  });

  await t.test('a body cut off mid-way leaves no job, and no client sees one', async (t) => {
    const before = await itemCount();
    const body = ndjsonJob(2_000, 5_000);
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${service.baseUrl}/v1/ingest-jobs`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-ndjson', 'content-length': String(Buffer.byteLength(body)) },
      });
      req.on('error', () => resolve());
      req.write(body.slice(0, Math.floor(body.length * 0.6)), () => setTimeout(() => {
        req.destroy();
        resolve();
      }, 300));
    });
    // The service notices the closed socket and drops what it stored.
    let rows = await jobRows();
    for (let tries = 0; tries < 50 && rows.some((row) => row.state === 'receiving'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      rows = await jobRows();
    }
    t.notOk(rows.some((row) => row.state === 'receiving'), 'the half-read job is gone');
    t.equal(await itemCount(), before, 'none of its lines stay');
    const list = await service.api('/healthz');
    t.equal(list.status, 200, 'the service is healthy');
  });

  await t.test('one bad line fails alone; the others are queued', async (t) => {
    const lines = ndjsonJob(3, 2_000).trimEnd().split('\n');
    lines.splice(1, 0, '{"headline": "Broken", "source": "A NUL \u0000 byte", "body": "Text."}', 'not json', `{"headline":"Long","body":"${'y'.repeat(1_100_000)}"}`);
    const res = await postJob(`${lines.join('\n')}\n`);
    t.equal(res.status, 202, 'the job is accepted');
    const job = (await res.json()) as { counts: { total: number; failed: number }; errors: { line: number; problem: { type: string } }[] };
    t.equal(job.counts.total, 6, 'every line is counted');
    const failedAtOnce = job.errors.map((error) => error.line).sort();
    t.ok(failedAtOnce.includes(2), 'the line with a NUL failed on arrival');
    t.ok(failedAtOnce.includes(4), 'the line longer than 1 MiB failed on arrival');
    t.equal(job.errors.find((error) => error.line === 4)?.problem.type, 'urn:news-annotations:problem:payload-too-large');
  });

  await t.test('an Idempotency-Key replays a streamed job and refuses another body under it', async (t) => {
    const body = ndjsonJob(5, 1_500, 50_000);
    const key = 'upload-retry-1';
    const first = await postJob(body, { 'idempotency-key': key });
    const firstJob = (await first.json()) as { id: string };
    t.equal(first.status, 202);
    const retry = await postJob(body, { 'idempotency-key': key });
    t.equal(retry.status, 202, 'the retry is answered as the first was');
    t.equal(retry.headers.get('idempotent-replayed'), 'true', 'and says it is a replay');
    t.equal(((await retry.json()) as { id: string }).id, firstJob.id, 'with the same job');
    const other = await postJob(ndjsonJob(5, 1_500, 60_000), { 'idempotency-key': key });
    t.equal(other.status, 422, 'another body under the same key: 422');
    t.equal(((await other.json()) as { type: string }).type, 'urn:news-annotations:problem:idempotency-key-reused');
    const jobs = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "IngestJob" WHERE "total" = 5');
    t.equal(jobs.rows[0]!.n, 1, 'one job was made');
  });

  await t.test('the JSON form is bounded: a body over 16 MiB is refused before it is parsed', async (t) => {
    const articles = Array.from({ length: 3_000 }, (_, n) => ({ headline: `Big ${n}`, body: 'z'.repeat(6_000) }));
    const res = await service.api('/v1/ingest-jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ articles }) });
    t.equal(res.status, 413, 'a JSON job of 18 MB: 413');
    t.match(((await res.json()) as { detail: string }).detail, /ndjson/i, 'the problem points to the NDJSON form');
  });
});
