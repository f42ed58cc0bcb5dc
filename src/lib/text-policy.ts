// The one policy for text a client sends, wherever it enters (bodies of every media type,
// NDJSON lines, query strings, path parameters): it must be UTF-8, and no string may hold NUL
// (Postgres cannot store it) or a UTF-16 surrogate without its pair (it is no character, and
// Postgres refuses it too). Offending input is refused with a 4xx that says where; nothing is
// silently replaced with U+FFFD.

import { isUtf8 } from 'node:buffer';

/** What is wrong with a string, or null when it is fine. */
export function unsafeTextReason(text: string): string | null {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return `contains a NUL character (U+0000) at character ${nul}`;
  // In Unicode mode \p{Cs} matches only surrogates that are not part of a pair.
  const lone = /\p{Cs}/u.exec(text);
  if (lone) return `contains an unpaired UTF-16 surrogate (U+${lone[0].charCodeAt(0).toString(16).toUpperCase()}) at character ${lone.index}`;
  return null;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The first string in a parsed value (keys included) that breaks the policy, as a JSON Pointer and
 * the reason; null when every string is fine. Deep values are walked without recursion.
 */
export function findUnsafeText(value: unknown, root = ''): { pointer: string; reason: string } | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, pointer] = stack.pop()!;
    if (typeof current === 'string') {
      const reason = unsafeTextReason(current);
      if (reason) return { pointer: pointer || '/', reason };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${pointer}/${i}`]);
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        const reason = unsafeTextReason(key);
        if (reason) return { pointer: `${pointer}/${escapePointer(key)}`, reason: `has a property name that ${reason}` };
        stack.push([item, `${pointer}/${escapePointer(key)}`]);
      }
    }
  }
  return null;
}

/**
 * Checks a byte stream as UTF-8, chunk by chunk (a character may span two chunks). `push` returns
 * the byte offset of the first invalid sequence, or -1; `end` does the same for a sequence the
 * stream stopped in the middle of.
 */
export class Utf8Checker {
  private carry = Buffer.alloc(0);
  private offset = 0;

  push(chunk: Buffer): number {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    // Up to 3 trailing bytes may start a character the next chunk completes.
    let complete = bytes.length;
    for (let back = 1; back <= Math.min(3, bytes.length); back++) {
      const byte = bytes[bytes.length - back]!;
      if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      if (needed > back) complete = bytes.length - back;
      break;
    }
    const head = bytes.subarray(0, complete);
    if (!isUtf8(head)) return this.offset + firstInvalid(head);
    this.offset += complete;
    this.carry = Buffer.from(bytes.subarray(complete));
    return -1;
  }

  end(): number {
    return this.carry.length > 0 ? this.offset : -1;
  }
}

/** The offset of the first byte where `bytes` stops being UTF-8 (it is known not to be). */
function firstInvalid(bytes: Buffer): number {
  // A valid prefix survives decoding and encoding unchanged; the first byte that differs is the bad one.
  const again = Buffer.from(bytes.toString('utf8'), 'utf8');
  let n = 0;
  while (n < bytes.length && bytes[n] === again[n]) n++;
  return n;
}
