// A read-only set of words kept as the one string they came in (one word a line) plus an
// open-addressing hash table of their offsets. For the 274,137 lines of word-list it takes about
// 5 MB (2.8 MB of one-byte string, 2 MB of table) where a Set<string> of the same words retains
// about 23 MB of heap.
//
// Each slot also holds a few bits of its word's hash (in the bits the offset does not need), so a
// probe reads the string only when those bits match. Otherwise a look-up of a word that is not
// there (most names) compares against the string at every probe of its run, each a read far into
// the 2.8 MB, which the processor has mostly not cached: several cache misses per look-up.

const NEWLINE = 10;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class WordSet {
  /** Number of distinct words. */
  readonly size: number;
  private readonly text: string;
  /** Per slot: offset + 1 into `text` of its word (the low `offsetBits`), and above that the word's fingerprint; 0 is an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly offsetBits: number;
  private readonly offsetMask: number;
  /** Bits of fingerprint above the offset (none for a text too long to leave any). */
  private readonly fingerprintBits: number;

  /** The words are the non-empty lines of `text` (split at '\n' only, as `text.split('\n')` does). */
  constructor(text: string) {
    this.text = text;
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    // load factor at most 3/4
    let cap = 16;
    while (cap * 3 < lines * 4) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    let bits = 1;
    while (2 ** bits <= text.length + 1) bits++;
    this.offsetBits = bits;
    this.offsetMask = 2 ** bits - 1;
    // (slots stay non-negative 32-bit integers)
    this.fingerprintBits = Math.max(0, 31 - bits);
    let size = 0;
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start && this.insert(start, end)) size++;
      start = end + 1;
    }
    this.size = size;
  }

  has(word: string): boolean {
    const len = word.length;
    if (len === 0) return false;
    let h = FNV_OFFSET;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    const { slots, mask, text, offsetBits, offsetMask } = this;
    const fp = this.fingerprint(h);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = slots[slot]!;
      if (v === 0) return false;
      if (v >>> offsetBits !== fp) continue;
      const s = (v & offsetMask) - 1;
      if (s + len > text.length) continue;
      let i = 0;
      for (; i < len; i++) {
        const c = word.charCodeAt(i);
        // a word of the set never contains a newline, so a query with one never matches
        if (c !== text.charCodeAt(s + i) || c === NEWLINE) break;
      }
      if (i === len && (s + len === text.length || text.charCodeAt(s + len) === NEWLINE)) return true;
    }
  }

  /** The top bits of a word's hash (the slot comes from its low bits). */
  private fingerprint(h: number): number {
    return this.fingerprintBits === 0 ? 0 : h >>> (32 - this.fingerprintBits);
  }

  /** Adds text[start, end) unless it is already there; true when added. */
  private insert(start: number, end: number): boolean {
    const { slots, mask, text, offsetBits, offsetMask } = this;
    const len = end - start;
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    const fp = this.fingerprint(h);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = slots[slot]!;
      if (v === 0) {
        slots[slot] = fp * 2 ** offsetBits + start + 1;
        return true;
      }
      if (v >>> offsetBits !== fp) continue;
      const s = (v & offsetMask) - 1;
      if (s + len <= text.length && (s + len === text.length || text.charCodeAt(s + len) === NEWLINE) && text.startsWith(text.slice(start, end), s)) return false;
    }
  }
}
