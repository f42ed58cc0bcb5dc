// The time budget of one annotation counts the time the article runs on its thread, not the wait
// for a free thread: articles queued behind others under load are annotated, one that runs too
// long is refused (422) and its thread replaced.
import t from 'tap';
import { ApiError } from '../src/errors.js';
import { annotate } from '../src/pipeline/annotate.js';
import { annotateOffThread, configureAnnotator } from '../src/services/annotator.js';
import { wireStory } from './helpers/fixtures.js';

// About 175 paragraphs: some 15 ms on a thread (more under load), far below the budget set here.
const longArticle = Array.from({ length: 5 }, () => wireStory).join('\n\n');
const BUDGET_MS = 2_000;

t.test('articles queued behind others for one thread are annotated, however long they wait', async (t) => {
  configureAnnotator({ threads: 1, budgetMs: 60_000 });
  await annotateOffThread(longArticle, { layout: 'auto' }); // the thread starts and loads the pipeline
  const warm = performance.now();
  for (let n = 0; n < 3; n++) await annotateOffThread(longArticle, { layout: 'auto' });
  const oneMs = (performance.now() - warm) / 3;
  // A budget several times what one article takes, and enough articles queued at once that the
  // last ones wait for the thread about three budgets.
  const budgetMs = Math.max(200, Math.round(5 * oneMs));
  const count = Math.ceil((15 * budgetMs) / (5 * oneMs)) + 1;
  configureAnnotator({ budgetMs });
  const started = performance.now();
  const results = await Promise.allSettled(Array.from({ length: count }, () => annotateOffThread(longArticle, { layout: 'auto' })));
  const waitedMs = performance.now() - started;
  configureAnnotator({ budgetMs: BUDGET_MS });
  t.ok(waitedMs > budgetMs, `the queue took longer than the budget (${Math.round(waitedMs)} ms for ${count} articles of ${Math.round(oneMs)} ms, budget ${budgetMs} ms)`);
  const refused = results.filter((r) => r.status === 'rejected');
  t.equal(refused.length, 0, 'no article was refused for waiting');
  const expected = annotate(longArticle, { layout: 'auto' });
  t.same((results[count - 1] as PromiseFulfilledResult<unknown>).value, expected, 'the last one is annotated in full');
});

t.test('an article that runs past the budget is refused with a 422, and the next one is annotated', async (t) => {
  configureAnnotator({ budgetMs: 1 });
  const refused = await annotateOffThread(longArticle, { layout: 'auto' }).then(
    () => null,
    (error: unknown) => error,
  );
  t.ok(refused instanceof ApiError, 'an ApiError');
  t.equal((refused as ApiError).status, 422);
  t.match((refused as ApiError).message, /could not be annotated within/);
  configureAnnotator({ budgetMs: BUDGET_MS });
  const text = 'Budget vote\n\n"We will not move," said Mayor Ana Ruiz of Lisbon on Monday.';
  t.same(await annotateOffThread(text, { layout: 'auto' }), annotate(text, { layout: 'auto' }), 'a fresh thread takes over');
});
