import t from 'tap';
import { ConfigError, loadConfig } from '../src/config.js';
import { annotate } from '../src/pipeline/annotate.js';
import { threadExecArgv } from '../src/lib/threads.js';
import { annotateOffThread } from '../src/services/annotator.js';
import { wireStory } from './helpers/fixtures.js';

t.test('annotating on a worker thread gives exactly what the pipeline gives in-process', async (t) => {
  for (const [text, layout] of [
    [wireStory, 'auto'],
    ['Budget vote\n\n"We will not move," said Mayor Ana Ruiz of Lisbon on Monday.', 'headline-body'],
    ['', 'auto'],
  ] as const) {
    t.same(await annotateOffThread(text, { layout }), annotate(text, { layout }), `${layout}: ${text.slice(0, 30)}`);
  }
});

t.test('concurrent annotations each get their own article back', async (t) => {
  const texts = Array.from({ length: 12 }, (_, n) => `Story ${n}\n\n"Number ${n} holds," said Chief Inspector Ben Okafor ${n} times.`);
  const results = await Promise.all(texts.map((text) => annotateOffThread(text, { layout: 'auto' })));
  results.forEach((result, n) => t.same(result, annotate(texts[n]!, { layout: 'auto' }), `story ${n}`));
});

t.test('ANNOTATOR_THREADS is validated with the rest of the configuration', async (t) => {
  t.equal(loadConfig({ ANNOTATOR_THREADS: '3' }).annotatorThreads, 3);
  t.equal(loadConfig({}).annotatorThreads, undefined, 'unset: one fewer than the cores');
  t.throws(() => loadConfig({ ANNOTATOR_THREADS: '0' }), ConfigError);
  t.throws(() => loadConfig({ ANNOTATOR_THREADS: 'many' }), ConfigError);
});

t.test('threads get the module loaders but not V8 options or an inline script, which they refuse', async (t) => {
  t.same(threadExecArgv(['--import', 'tsx', '--input-type=module', '-e', 'code()']), ['--import', 'tsx']);
  t.same(
    threadExecArgv(['--max-old-space-size=256', '--max-semi-space-size=8', '--import=tsx', '--enable-source-maps', '-r', 'x']),
    ['--import=tsx', '--enable-source-maps', '-r', 'x'],
  );
});
