import t from 'tap';
import { splitBlocks } from '../../src/pipeline/blocks.js';
import { detectHeader, matchDateline } from '../../src/pipeline/header.js';

t.test('blocks are separated by blank lines, even lines holding only spaces', async (t) => {
  const blocks = splitBlocks('One line\n\nTwo\nlines\n  \nThree\n');
  t.same(blocks.map((b) => b.text), ['One line', 'Two\nlines', 'Three']);
  t.equal(blocks[1]!.start, 10);
});

t.test('a wire story has headline, source line, standfirst and a dateline opening the body', async (t) => {
  const text = [
    'Ferry strike halts island traffic',
    'Harbour Wire',
    'Ferry crews walked out on Monday over pay, stranding hundreds of travellers.',
    'OSLO (Reuters) - Ferry crews walked out on Monday, the union said.',
    'The strike is expected to last two days.',
  ].join('\n\n');
  const h = detectHeader(splitBlocks(text));
  t.equal(h.format, 'wire');
  t.same(h.roles, ['headline', 'source', 'standfirst', 'body', 'body']);
  t.equal(h.dateline?.place, 'OSLO');
  t.equal(h.dateline?.agency, 'Reuters');
});

t.test('a byline after the headline is recognised', async (t) => {
  const text = 'Rivers rise after storm\n\nBy Jane Example\n\nLISBON (AP) -- Rivers rose overnight.\n\nMore rain is due.';
  const h = detectHeader(splitBlocks(text));
  t.equal(h.byline, 1);
  t.equal(h.roles[1], 'byline');
  t.equal(h.dateline?.place, 'LISBON');
});

t.test('plain text: a short first line without a full stop is the headline, the date line is body', async (t) => {
  const text = 'Town opens new library\n\nMonday, May 4, 2020\n\nThe town opened its new library on Monday.';
  const h = detectHeader(splitBlocks(text));
  t.equal(h.format, 'plain');
  t.same(h.roles, ['headline', 'body', 'body']);
});

t.test('plain text that starts with a sentence has no headline', async (t) => {
  const h = detectHeader(splitBlocks('The council met on Tuesday.\n\nIt voted to close the road.'));
  t.equal(h.headline, -1);
  t.same(h.roles, ['body', 'body']);
});

t.test('the headline-body layout takes the first block as headline whatever it looks like', async (t) => {
  const h = detectHeader(splitBlocks('A long headline that ends with a full stop.\n\nBody text.'), 'headline-body');
  t.same(h.roles, ['headline', 'body']);
});

t.test('datelines: capitals, optional date, optional agency, then a dash', async (t) => {
  const b = (text: string) => ({ start: 0, end: text.length, text });
  t.equal(matchDateline(b('NEW YORK, June 3 (AP) — Stocks fell.'))?.place, 'NEW YORK');
  t.equal(matchDateline(b('NAIROBI -- Rain fell.'))?.agency, null);
  t.equal(matchDateline(b('Nairobi - Rain fell.')), null, 'a place in lower case is not a dateline');
  t.equal(matchDateline(b('The rain fell.')), null);
});

t.test('a dateline may end with a colon', async (t) => {
  const b = (text: string) => ({ start: 0, end: text.length, text });
  const d = matchDateline(b('ISLAMABAD: The government said on Monday.'));
  t.equal(d?.place, 'ISLAMABAD');
  t.equal(d?.text, 'ISLAMABAD:');
  t.equal(matchDateline(b('UPDATE: the vote was delayed.')), null, 'a label with a colon is not a dateline');
});

t.test('with the headline-body layout a dateline opening the body still makes it a wire story', async (t) => {
  const h = detectHeader(splitBlocks('Minister quits\n\nLISBON (Reuters) - The minister resigned.'), 'headline-body');
  t.equal(h.format, 'wire');
  t.equal(h.dateline?.agency, 'Reuters');
});

t.test('a transcript label that opens several paragraphs ("HALVORSEN:") is a speaker, not a dateline; a colon dateline opens one', async (t) => {
  const transcript = ['Harbour briefing', 'HALVORSEN: The quay reopens on Friday.', 'Q: What about the ferries?', 'HALVORSEN: They sail again next week.'].join('\n\n');
  t.equal(detectHeader(splitBlocks(transcript)).dateline, null);
  t.equal(detectHeader(splitBlocks(transcript), 'headline-body').dateline, null);
  const wire = ['Quay reopens', 'TROMSO: The quay reopens on Friday, the port said.', 'Ferries sail again next week.'].join('\n\n');
  t.equal(detectHeader(splitBlocks(wire)).dateline?.place, 'TROMSO');
});
