// Spans in this service count Unicode code points; JavaScript strings index UTF-16 units.
// This maps between the two for one text, cheaply when the text has no astral characters.

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

export class CodePointText {
  /** UTF-16 index of each code point, plus the end; undefined when both units agree. */
  private readonly utf16At: number[] | undefined;
  readonly length: number;

  constructor(readonly text: string) {
    if (!ASTRAL.test(text)) {
      this.length = text.length;
      return;
    }
    const utf16At: number[] = [];
    let unit = 0;
    for (const char of text) {
      utf16At.push(unit);
      unit += char.length;
    }
    utf16At.push(unit);
    this.utf16At = utf16At;
    this.length = utf16At.length - 1;
  }

  /** The UTF-16 index of a code-point offset. */
  toUtf16(offset: number): number {
    return this.utf16At ? (this.utf16At[offset] ?? this.text.length) : offset;
  }

  /** The code-point offset of a UTF-16 index (the start of the code point it falls in). */
  fromUtf16(index: number): number {
    if (!this.utf16At) return index;
    let low = 0;
    let high = this.utf16At.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.utf16At[mid] as number) <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The text of the code-point span [start, end). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
