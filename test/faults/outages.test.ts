// Findings 15 and 16: Postgres stops under a batch and under a queue worker. The batch answers
// 503 with Retry-After (not 200 with a line of internal-error per article), and a retry after the
// outage stores each article once; the worker process survives the outage (no unhandled
// rejection from pg-boss) and finishes the job once Postgres is back. Runs on a private cluster
// (test/helpers/pg-cluster.ts); a heavy process test that tap runs beside others.
import { spawn } from 'node:child_process';
import t from 'tap';
import { startPgCluster } from '../helpers/pg-cluster.js';
import { smallArticle } from './articles.js';
import { startService } from './service.js';

const batchOf = (from: number, count: number) =>
  Array.from({ length: count }, (_, n) => JSON.stringify({ headline: `Story ${from + n}`, body: smallArticle(from + n), source: 'Wire', externalId: `o-${from + n}` })).join('\n');

t.test('a batch during a database outage is a 503 with Retry-After', async (t) => {
  const cluster = await startPgCluster();
  t.teardown(() => cluster.destroy());
  const url = await cluster.createDatabase('batch');
  const service = await startService({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4' });
  t.teardown(() => service.stop('SIGKILL'));
  const body = batchOf(0, 400);
  const sent = service.api('/v1/articles:batch', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await cluster.stop('fast');
  const res = await sent;
  const answer = (await res.json()) as { type?: string; counts?: unknown };
  t.equal(res.status, 503, `the batch answers 503 (${JSON.stringify(answer).slice(0, 120)})`);
  t.ok(res.headers.get('retry-after'), 'with Retry-After');
  t.equal(answer.type, 'urn:news-annotations:problem:service-unavailable');
  await cluster.start();
  let again: Response | undefined;
  for (let attempt = 0; attempt < 60; attempt++) {
    again = await service.api('/v1/articles:batch', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    if (again.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const result = (await again!.json()) as { counts: { created: number; existing: number; failed: number }; items: { status: string; problem?: unknown }[] };
  t.equal(again!.status, 200, 'the retry after the outage answers 200');
  t.equal(result.counts.failed, 0, 'no line fails', { failed: result.items.filter((item) => item.status === 'failed').slice(0, 3) });
  t.equal(result.counts.created + result.counts.existing, 400, `every line is stored once (${JSON.stringify(result.counts)})`);
});

t.test('the ingest worker survives Postgres stopping and finishes the job afterwards', async (t) => {
  const cluster = await startPgCluster();
  t.teardown(() => cluster.destroy());
  const url = await cluster.createDatabase('worker');
  const service = await startService({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4' });
  t.teardown(() => service.stop('SIGKILL'));
  const output: string[] = [];
  const worker = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'worker', '--concurrency', '1'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  worker.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
  t.teardown(() => {
    if (worker.exitCode === null) worker.kill('SIGKILL');
  });
  for (let attempt = 0; attempt < 600 && !output.join('').includes('worker started'); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.match(output.join(''), /worker started/, 'the worker runs');
  const posted = await service.api('/v1/ingest-jobs', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: batchOf(1000, 200) });
  t.equal(posted.status, 202);
  const { id } = (await posted.json()) as { id: string };
  await new Promise((resolve) => setTimeout(resolve, 4000));
  for (const mode of ['fast', 'immediate'] as const) {
    await cluster.stop(mode);
    await new Promise((resolve) => setTimeout(resolve, 6000));
    t.equal(worker.exitCode, null, `the worker is alive after pg_ctl stop -m ${mode}`, { output: worker.exitCode === null ? undefined : output.join('').slice(-3000) });
    await cluster.start();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  let job: { state: string; counts: { created: number; failed: number; pending: number } } | undefined;
  for (let attempt = 0; attempt < 240; attempt++) {
    const res = await service.api(`/v1/ingest-jobs/${id}`).catch(() => null);
    if (res?.status === 200) job = (await res.json()) as typeof job;
    if (job?.state === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  t.equal(job?.state, 'done', `the job finishes after the outages (${JSON.stringify(job?.counts)})`);
  t.equal(job?.counts.created, 200, 'every line is stored');
  worker.kill('SIGTERM');
  t.equal(await exited, 0, 'the worker still exits 0 on SIGTERM');
  t.notMatch(output.join(''), /Unhandled 'error' event|UnhandledPromiseRejection/i, 'no unhandled rejection or error event was reported');
});
