import t from 'tap';
import { codePointLength, utf16ToCodePoint } from '../../src/pipeline/offsets.js';

t.test('without astral characters, code-point offsets equal string offsets', async (t) => {
  const cp = utf16ToCodePoint('plain text');
  t.equal(cp(0), 0);
  t.equal(cp(5), 5);
  t.equal(cp(10), 10);
});

t.test('an emoji counts as one code point, so later offsets shift by one per astral character', async (t) => {
  const text = 'a😀b𝔸c';
  const cp = utf16ToCodePoint(text);
  t.equal(cp(text.indexOf('b')), 2);
  t.equal(cp(text.indexOf('c')), 4);
  t.equal(cp(text.length), 5);
  t.equal(codePointLength(text), [...text].length);
});

t.test('a lone surrogate still counts as one code point', async (t) => {
  const text = 'x\ud800y';
  t.equal(utf16ToCodePoint(text)(3), 3);
  t.equal(codePointLength(text), 3);
});
