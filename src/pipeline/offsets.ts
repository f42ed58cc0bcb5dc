// Offsets: the pipeline works in UTF-16 indices internally and converts every span to Unicode
// code points at the end (DESIGN.md, "Text and offsets").

/** Returns a function mapping a UTF-16 index of `text` to its code-point index. */
export function utf16ToCodePoint(text: string): (i: number) => number {
  // (a regular expression without the u flag reads UTF-16 units, and scans natively)
  if (!/[\ud800-\udfff]/.test(text)) return (i) => i;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    const isHigh = c >= 0xd800 && c <= 0xdbff;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      map[i + 1] = cp; // inside a pair: same code point
      i++;
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

/** Length of `text` in code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) continue;
    }
    n++;
  }
  return n;
}
