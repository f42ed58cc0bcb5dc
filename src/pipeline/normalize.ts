// A matching copy of the text, the same length as the original, so that every index maps to
// itself. Only characters that stand for something else are replaced; the stored text is never
// changed (DESIGN.md, "Text and offsets").

const LOST_APOSTROPHE_SUFFIX = /^(?:s|t|d|ll|re|ve|m)(?![\p{L}\p{N}])/u;

/**
 * Replaces U+00A0 (and U+2019) that stand for a lost apostrophe between a word and a clitic
 * (`Russia\u00a0s`, `doesn\u00a0t`, `it\u00a0s`) with `'`, and other U+00A0 with a space.
 * The result has exactly the length of the input.
 */
export function normalizeForMatching(text: string): string {
  const copy = normalizeSpecialChars(text);
  return restoreDroppedApostrophes(copy);
}

/**
 * Apostrophes dropped without a trace, with a plain space in their place: "Russia s" (after a
 * capitalised word), "it s", "doesn t". Only the unambiguous shapes are restored.
 */
function restoreDroppedApostrophes(text: string): string {
  let out: string[] | null = null;
  let last = 0;
  const n = text.length;
  // " s" after a capitalised word or it/that/he/she/there/what; " t" after a word ending in "n"
  for (let i = text.indexOf(' ', 1); i >= 0 && i + 1 < n; i = text.indexOf(' ', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next !== 0x73 && next !== 0x74) continue; // s, t
    const after = i + 2 < n ? text[i + 2]! : ' ';
    if (WORD_CHAR.test(after)) continue;
    // the word before the space
    let w = i;
    while (w > 0 && w > i - 40 && WORD_CHAR.test(text[w - 1]!)) w--;
    if (w === i) continue;
    const word = text.slice(w, i);
    let restore = false;
    if (next === 0x73) restore = /^\p{Lu}/u.test(word) || S_CLITIC_HOSTS.has(word.toLowerCase());
    else restore = word.length >= 2 && word.endsWith('n');
    if (!restore) continue;
    if (!out) out = [];
    out.push(text.slice(last, i), "'");
    last = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(last));
  return out.join('');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const S_CLITIC_HOSTS = new Set(['it', 'that', 'he', 'she', 'there', 'what', 'who', 'where', 'here', 'let']);

function normalizeSpecialChars(text: string): string {
  if (text.indexOf('\u00a0') < 0 && text.indexOf('\u2019') < 0) return text;
  // the pieces are joined once at the end (news copy has a curly apostrophe every few words)
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0xa0 && c !== 0x2019) continue;
    const prev = i > 0 ? text[i - 1]! : '';
    const isLetterBefore = /[\p{L}\p{N}]/u.test(prev);
    const after = text.slice(i + 1, i + 4);
    let rep = c === 0xa0 ? ' ' : '\u2019';
    if (isLetterBefore && LOST_APOSTROPHE_SUFFIX.test(after)) rep = "'";
    if (rep.charCodeAt(0) === c) continue; // a curly apostrophe that stays
    parts.push(text.slice(last, i), rep);
    last = i + 1;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
