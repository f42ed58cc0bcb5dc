import { PassThrough } from 'node:stream';
import t from 'tap';
import { runAnnotate } from '../../src/commands/annotate.js';
import { annotate, PIPELINE_VERSION } from '../../src/pipeline/annotate.js';

async function run(input: string): Promise<unknown[]> {
  const inp = new PassThrough();
  const out = new PassThrough();
  let data = '';
  out.on('data', (c: Buffer) => (data += c.toString('utf8')));
  const done = runAnnotate(inp, out);
  inp.end(input);
  await done;
  return data
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l) as unknown);
}

t.test('the command writes one line per document with paragraphs, entities and quotes in code points', async (t) => {
  const doc = { id: 'a1', text: 'Harbour reopens 🎉\n\n"We are open again," said Nora Blake, the harbour master.' };
  const [line] = (await run(JSON.stringify(doc) + '\n')) as {
    id: string;
    paragraphs: { start: number; end: number }[];
    entities: { start: number; end: number; type: string; kind: string; text: string; entity: string }[];
    quotes: { start: number; end: number; text: string; speaker: { start: number; end: number; text: string; name: string } | null; via: string | null }[];
  }[];
  t.equal(line!.id, 'a1');
  t.equal(line!.paragraphs.length, 1);
  const cps = [...doc.text];
  const q = line!.quotes[0]!;
  t.equal(cps.slice(q.start, q.end).join(''), 'We are open again,');
  t.equal(q.speaker?.name, 'Nora Blake');
  t.equal(cps.slice(q.speaker!.start, q.speaker!.end).join(''), 'Nora Blake');
  t.equal(q.via, null);
  const e = line!.entities.find((m) => m.text === 'Nora Blake');
  t.same({ type: e?.type, kind: e?.kind, entity: e?.entity }, { type: 'PERSON', kind: 'name', entity: 'Nora Blake' });
});

t.test('blank lines are skipped, a bad line gets an error line, documents keep their order', async (t) => {
  const lines = await run('{"id":1,"text":"One."}\n\nnot json\n{"id":2,"text":""}\n');
  t.equal(lines.length, 3);
  t.same((lines[0] as { id: number }).id, 1);
  t.ok((lines[1] as { error?: string }).error);
  t.same((lines[2] as { id: number }).id, 2);
});

t.test('the output is deterministic and records the pipeline version', async (t) => {
  const text = 'Mayor Ana Ruiz said "the bridge is safe".\n\nShe spoke in Quito.';
  t.same(annotate(text), annotate(text));
  t.match(PIPELINE_VERSION, /^\d+\.\d+\.\d+$/);
  t.equal(annotate(text).pipelineVersion, PIPELINE_VERSION);
});
