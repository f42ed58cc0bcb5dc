import t from 'tap';
import { layoutText, type LayoutNode, type Mark } from '../../src/desk/article/text-layout.js';

const mark = (kind: Mark['kind'], id: string, start: number, end: number): Mark => ({ kind, id, start, end });

/** The layout as a bracketed string: [q:id ...] for a mark piece, its text inside. */
const show = (nodes: LayoutNode[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : `[${node.mark.id}${node.first ? '' : '<'}${node.last ? '' : '>'} ${show(node.children)}]`)).join('');

t.test('a mention inside a quote inside a paragraph nests', async (t) => {
  const text = 'He said the Harbour Board would wait.';
  const [block] = layoutText(text, [{ index: 0, role: 'body', start: 0, end: text.length }], [
    mark('quote', 'q', 8, 36),
    mark('mention', 'm', 12, 25),
    mark('cue', 'c', 3, 7),
  ]);
  t.equal(block?.paragraph, 0);
  t.equal(show(block!.children), 'He [c said] [q the [m Harbour Board] would wait].');
});

t.test('overlapping marks are cut into pieces that nest, first and last kept', async (t) => {
  const text = 'abcdefghij';
  const [block] = layoutText(text, [{ index: 0, role: 'body', start: 0, end: 10 }], [mark('quote', 'q', 0, 6), mark('mention', 'm', 4, 9)]);
  t.equal(show(block!.children), '[q abcd[m> ef]][m< ghi]j');
});

t.test('a quote across two paragraphs is highlighted in both, once as first and once as last', async (t) => {
  const text = 'One two.\n\nThree four.';
  const blocks = layoutText(text, [
    { index: 0, role: 'body', start: 0, end: 8 },
    { index: 1, role: 'body', start: 10, end: 21 },
  ], [mark('quote', 'q', 4, 15)]);
  t.same(blocks.map((block) => show(block.children)), ['One [q> two.]', '[q< Three] four.']);
});

t.test('identical spans: the quote holds the mention; code points count as one', async (t) => {
  const text = '\u{1F600} Ann said yes';
  const [block] = layoutText(text, [], [mark('mention', 'm', 2, 5), mark('quote', 'q', 2, 5)]);
  t.equal(block?.paragraph, null, 'text outside paragraphs is a header block');
  t.equal(show(block!.children), '\u{1F600} [q [m Ann]] said yes');
});

t.test('empty and out-of-range spans are left out; text between paragraphs splits at blank lines', async (t) => {
  const text = 'Headline\n\nSource\n\nBody text.';
  const blocks = layoutText(text, [{ index: 0, role: 'body', start: 18, end: 28 }], [mark('quote', 'x', 5, 5), mark('quote', 'y', 20, 99)]);
  t.same(blocks.map((block) => [block.role, show(block.children)]), [['header', 'Headline'], ['header', 'Source'], ['body', 'Body text.']]);
});
