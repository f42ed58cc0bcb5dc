// The streamed NDJSON reader against the whole-body splitter it replaced: the same lines, wherever
// the network happens to cut the bytes, and a line too long fails alone without being kept.
import fc from 'fast-check';
import t from 'tap';
import { ndjsonLines } from '../src/services/ndjson-lines.js';
import { readNdjsonLines, type IncomingLine } from '../src/services/ndjson-stream.js';

async function* chunksOf(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

async function collect(lines: AsyncIterable<IncomingLine>): Promise<IncomingLine[]> {
  const out: IncomingLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

t.test('any cutting of a body into chunks gives the lines the whole body gives', async (t) => {
  const line = fc.oneof(
    fc.constant(''),
    fc.constant('   '),
    fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\n/g, ' ')),
    fc.json({ maxDepth: 2 }).map((s) => s.replace(/\n/g, ' ')),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), async (lines, crlf, finalNewline, cuts) => {
      const body = lines.join(crlf ? '\r\n' : '\n') + (finalNewline ? '\n' : '');
      const streamed = await collect(readNdjsonLines(chunksOf(Buffer.from(body, 'utf8'), cuts), 1 << 20));
      t.same(streamed, ndjsonLines(body));
    }),
    { numRuns: 300 },
  );
});

t.test('a line over the limit fails alone, its neighbours are read, and it is not kept', async (t) => {
  const long = 'x'.repeat(5_000);
  const body = Buffer.from(`{"a":1}\n${long}\n\n{"b":2}`, 'utf8');
  const cuts = Array.from({ length: 60 }, (_, n) => n * 97);
  const lines = await collect(readNdjsonLines(chunksOf(body, cuts), 1_000));
  t.same(lines.map((l) => l.line), [1, 2, 4], 'line numbers count blank lines, as the body has them');
  t.same(lines[0], { line: 1, text: '{"a":1}' });
  t.equal((lines[1] as { problem: { type: string } }).problem.type, 'urn:news-annotations:problem:payload-too-large', 'the long line is a payload-too-large problem');
  t.notOk('text' in lines[1]!, 'and carries none of its text');
  t.same(lines[2], { line: 4, text: '{"b":2}' });
});

t.test('a multi-byte character cut between two chunks is read whole', async (t) => {
  const body = Buffer.from('{"headline":"Zürich – 東京"}\n', 'utf8');
  for (let cut = 1; cut < body.length; cut++) {
    const lines = await collect(readNdjsonLines(chunksOf(body, [cut]), 1_000));
    t.same(lines, [{ line: 1, text: '{"headline":"Zürich – 東京"}' }], `cut at byte ${cut}`);
  }
});
