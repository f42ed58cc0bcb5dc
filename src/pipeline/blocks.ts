// Blocks: runs of text separated by blank lines. Offsets are UTF-16 indices here.

export interface RawBlock {
  start: number;
  end: number;
  text: string;
}

/** Splits text at blank lines (a line holding only whitespace counts as blank); trims each block. */
export function splitBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // skip whitespace
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    // find a blank line: "\n" followed by optional spaces and another "\n"
    let end = n;
    let j = i;
    for (;;) {
      const nl = text.indexOf('\n', j);
      if (nl < 0) break;
      let k = nl + 1;
      while (k < n && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09 || text.charCodeAt(k) === 0x0d || text.charCodeAt(k) === 0xa0)) k++;
      if (k >= n || text.charCodeAt(k) === 0x0a) {
        end = nl;
        break;
      }
      j = nl + 1;
    }
    let e = end;
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    blocks.push({ start, end: e, text: text.slice(start, e) });
    i = end;
  }
  return blocks;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0b || c === 0x0c;
}
