// A client that sends its whole body before it reads the answer (many HTTP clients and scripts do)
// gets the service's early answer, a 413 for a declared length over the limit or a 401 before the
// body is read, instead of a reset connection; and a client that never stops sending is cut off.
import net from 'node:net';
import t from 'tap';
import { LINGER_MS } from '../../src/plugins/lingering-close.js';
import { INGEST_JOB_BODY_LIMIT } from '../../src/services/ingest-job-service.js';
import { createTestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';

interface RawAnswer { statusLine: string; body: string; error?: string }

/** Writes the request and its whole body, and only then reads what came back. */
function sendAllThenRead(port: number, head: string, body: Buffer): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    let error: string | undefined;
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code));
    socket.on('close', () => {
      const cut = data.indexOf('\r\n\r\n');
      resolve({ statusLine: data.split('\r\n')[0] ?? '', body: cut >= 0 ? data.slice(cut + 4) : '', error });
    });
    socket.pause();
    socket.write(head);
    socket.write(body, () => {
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.resume();
      socket.end();
    });
  });
}

t.test('answers given before the body is read reach clients that read last', async (t) => {
  const { app, adminKey } = await createTestApp(t, storageKinds()[0]!, { bodyLimit: 100_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as net.AddressInfo;

  const article = Buffer.alloc(8_000_000, 'a');
  for (let round = 1; round <= 3; round++) {
    const answer = await sendAllThenRead(
      port,
      `POST /v1/articles HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${adminKey}\r\ncontent-type: text/plain\r\ncontent-length: ${article.length}\r\n\r\n`,
      article,
    );
    t.match(answer.statusLine, /^HTTP\/1\.1 413/, `round ${round}: an 8 MB article over a 100 kB limit is a 413 (${answer.statusLine || answer.error})`);
    t.match(answer.body, /payload-too-large/, `round ${round}: with its problem+json`);
  }

  const job = Buffer.alloc(INGEST_JOB_BODY_LIMIT + 4_000_000, 'b');
  const jobAnswer = await sendAllThenRead(
    port,
    `POST /v1/ingest-jobs HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${adminKey}\r\ncontent-type: application/x-ndjson\r\ncontent-length: ${job.length}\r\n\r\n`,
    job,
  );
  t.match(jobAnswer.statusLine, /^HTTP\/1\.1 413/, `a job declared over 64 MiB is a 413 (${jobAnswer.statusLine || jobAnswer.error})`);

  const anonymous = await sendAllThenRead(
    port,
    `POST /v1/articles HTTP/1.1\r\nhost: x\r\ncontent-type: text/plain\r\ncontent-length: ${article.length}\r\n\r\n`,
    article,
  );
  t.match(anonymous.statusLine, /^HTTP\/1\.1 401/, `a body without a key is a 401 (${anonymous.statusLine || anonymous.error})`);
});

t.test('a client that goes on sending after an early answer is cut off soon after', async (t) => {
  const { app, adminKey } = await createTestApp(t, storageKinds()[0]!, { bodyLimit: 100_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as net.AddressInfo;
  const started = performance.now();
  let sent = 0;
  const closedAfterMs = await new Promise<number>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(performance.now() - started));
    socket.write(`POST /v1/articles HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${adminKey}\r\ncontent-type: text/plain\r\ncontent-length: 10000000000\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 'c');
    // Bounded: 10 s of sending at most, well past the linger time.
    const timer = setInterval(() => {
      if (socket.destroyed || performance.now() - started > 10_000) {
        clearInterval(timer);
        socket.destroy();
        return;
      }
      socket.write(chunk);
      sent += chunk.length;
    }, 5);
  });
  t.ok(closedAfterMs < LINGER_MS + 3_000, `the service closed the connection after ${Math.round(closedAfterMs)} ms (linger ${LINGER_MS} ms), having dropped ${Math.round(sent / 1e6)} MB`);
});
