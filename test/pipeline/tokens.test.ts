import t from 'tap';
import { normalizeForMatching } from '../../src/pipeline/normalize.js';
import { assignQuoteRoles, splitSentences, tokenize, type Sentence, type Token } from '../../src/pipeline/tokens.js';

function analyse(text: string): { tokens: Token[]; sentences: Sentence[]; words: string[]; sents: string[] } {
  const norm = normalizeForMatching(text);
  const tokens: Token[] = [];
  tokenize(norm, 0, norm.length, 0, tokens);
  assignQuoteRoles(norm, tokens, 0, tokens.length);
  const sentences: Sentence[] = [];
  splitSentences(tokens, 0, tokens.length, 0, sentences);
  return { tokens, sentences, words: tokens.map((x) => x.text), sents: sentences.map((s) => text.slice(s.start, s.end)) };
}

t.test('abbreviations keep their periods and do not end sentences', async (t) => {
  const a = analyse('Mr. Lane flew to the U.S. on Friday. Dr. Ortiz met him in S.Korea later.');
  t.ok(a.words.includes('Mr.'));
  t.ok(a.words.includes('U.S.'));
  t.ok(a.words.includes('S.Korea'));
  t.equal(a.sents.length, 2);
});

t.test('an abbreviation at the end of a sentence ends it when a common sentence opener follows', async (t) => {
  const a = analyse('The talks were held in the U.S. The next round is in May.');
  t.equal(a.sents.length, 2);
});

t.test('an ellipsis inside a quotation followed by a lower-case word does not end the sentence', async (t) => {
  const a = analyse('"We want to... go home," she said. Then she left.');
  t.same(a.sents, ['"We want to... go home," she said.', 'Then she left.']);
});

t.test('possessives and lost apostrophes split into the word and the clitic', async (t) => {
  const a = analyse('Spain\u00a0s team won. It doesn\u00a0t matter. Norway\'s coach agreed.');
  t.ok(a.words.includes('Spain'));
  t.ok(a.words.includes('doesn'));
  t.ok(a.words.includes('Norway'));
  const poss = a.tokens.filter((x) => x.kind === 'poss');
  t.equal(poss.length, 3);
  t.equal(poss[0]!.start, 5, 'offsets point into the original text');
});

t.test('double dashes and em dashes are tokens of their own', async (t) => {
  const a = analyse('It rained -- hard — all day.');
  t.ok(a.words.includes('--'));
  t.ok(a.words.includes('\u2014'));
});

t.test('straight quotes get opening and closing roles from their surroundings', async (t) => {
  const a = analyse('He said "yes" and "no".');
  const roles = a.tokens.filter((x) => x.kind === 'quote').map((x) => x.quoteRole);
  t.same(roles, ['open', 'close', 'open', 'close']);
});

t.test('a closing quote after a full stop stays with its sentence', async (t) => {
  const a = analyse('She said: "We are ready." The crowd cheered.');
  t.same(a.sents, ['She said: "We are ready."', 'The crowd cheered.']);
});

t.test('a comma that separates thousands stays in its number; other commas between digits split', async (t) => {
  t.same(analyse('About 40,000 fans and 1,250,000 viewers.').words, ['About', '40,000', 'fans', 'and', '1,250,000', 'viewers', '.']);
  t.same(analyse('Seats 12,14 and 2019,2020 and 3,0001.').words, ['Seats', '12', ',', '14', 'and', '2019', ',', '2020', 'and', '3', ',', '0001', '.']);
});

t.test('a party tag keeps the period of its state: "R-Ind.", "D-Calif."', async (t) => {
  t.same(analyse('Sen. Hal Brenner, R-Ind., said so.').words, ['Sen.', 'Hal', 'Brenner', ',', 'R-Ind.', ',', 'said', 'so', '.']);
  t.same(analyse('He voted for the R-Ind bill.').words.slice(-3), ['R-Ind', 'bill', '.']);
});
