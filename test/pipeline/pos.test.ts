// The tagger's lexicon: wink adds each word it did not know to it. Past MAX_ADDED_WORDS the tagger
// starts again from the model as shipped, so a long-running service does not grow without end;
// the tags must not depend on what the tagger read before.
import { createRequire } from 'node:module';
import t from 'tap';
import { MAX_ADDED_WORDS, POS, tagTokens, taggerAddedWords } from '../../src/pipeline/pos.js';
import { tokenize, type Token } from '../../src/pipeline/tokens.js';

function tags(text: string): number[] {
  const tokens: Token[] = [];
  tokenize(text, 0, text.length, 0, tokens);
  return [...tagTokens(text, tokens).tag];
}

/** n made-up lower-case words the model cannot know ("qzab", "qzac", ...), all different. */
function madeUpWords(from: number, n: number): string[] {
  const words: string[] = [];
  for (let i = from; i < from + n; i++) {
    let w = '';
    for (let x = i; w.length < 4 || x > 0; x = Math.floor(x / 26)) w += String.fromCharCode(97 + (x % 26));
    words.push(`qz${w}`);
  }
  return words;
}

const sample =
  'The minister told reporters on Friday that the Zorvath plan would fail. "We will not sign it," Ms. Quillon said, ' +
  'adding that the agency had warned of delays. According to the report, prices rose 4.5% in March.';

t.test('the same text gets the same tags before and after the tagger read many unknown words', async (t) => {
  const before = tags(sample);
  t.ok(before.includes(POS.VERB), 'the sample has verbs');
  let text = '';
  for (let k = 0; k < 5; k++) text += `They said ${madeUpWords(k * 1000, 1000).join(' and ')} were seen. `;
  tags(text);
  t.ok(taggerAddedWords() >= 5000, 'the unknown words were added to the lexicon');
  t.same(tags(sample), before);
});

t.test('past its limit of added words the tagger starts again, and tags as before', async (t) => {
  const before = tags(sample);
  // texts of made-up words, together past the limit
  const perText = 10_000;
  for (let from = 100_000; taggerAddedWords() <= MAX_ADDED_WORDS; from += perText) {
    tags(`Reports named ${madeUpWords(from, perText).join(' ')} today.`);
  }
  // the next text is tagged by a tagger started again
  const after = tags(sample);
  t.ok(taggerAddedWords() < 1000, `the lexicon was started again (${taggerAddedWords()} added words now)`);
  t.same(after, before);
});

// wink reading the text itself, its tokens aligned to ours by character offset: what the tagger
// did before it read the pipeline's tokens, and what it must still agree with
function winkOwnTags(text: string): number[] {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => { readDoc(text: string): WinkDoc; its: Record<string, unknown> };
  const nlp = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(nlp.its.precedingSpaces) as string[];
  const posOf = doc.tokens().out(nlp.its.pos) as string[];
  const tokens: Token[] = [];
  tokenize(text, 0, text.length, 0, tokens);
  const out = tokens.map(() => POS.X);
  let at = 0;
  let k = 0;
  values.forEach((v, j) => {
    at += spaces[j]!.length;
    const end = at + v.length;
    for (; k < tokens.length && tokens[k]!.start < end; k++) if (tokens[k]!.start >= at) out[k] = POS[posOf[j] as keyof typeof POS];
    at = end;
  });
  return out;
}
interface WinkDoc {
  tokens(): { out(what?: unknown): unknown };
}

t.test('the tags of the pipeline tokens are the tags wink gives when it reads the text itself', async (t) => {
  const text =
    "The U.S. envoy doesn't think the media-buying data, which Sen. Ana O'Brien, R-Ind., called \"well-known,\" " +
    "can't be trusted. Mr. Vell said it's worth $42 million to 40,000 workers, a one-day strike notwithstanding.";
  t.same(tags(text), winkOwnTags(text));
});

t.test('a text of made-up hyphenated words and very long tokens is tagged, and the tagger stays bounded', async (t) => {
  const words = madeUpWords(500_000, 20_000);
  const text = `Officials said ${words.map((w, i) => `${w}-${words[(i + 1) % words.length]}`).join(' ')} ${'x'.repeat(5000)} were seen.`;
  const t0 = performance.now();
  const tagged = tags(text);
  const ms = performance.now() - t0;
  // a guard against quadratic work (minutes), not a speed target
  t.ok(ms < 20_000, `took ${Math.round(ms)} ms`);
  t.equal(tagged[1], POS.VERB, '"said" is still a verb');
  t.ok(taggerAddedWords() <= MAX_ADDED_WORDS + 40_000, 'the lexicon grows by the made-up parts at most');
});
