// The tagger's lexicon: wink adds each word it did not know to it. Past MAX_ADDED_WORDS the tagger
// starts again from the model as shipped, so a long-running service does not grow without end;
// the tags must not depend on what the tagger read before.
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
