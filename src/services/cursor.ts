import { ApiError } from '../errors.js';

// Cursors are opaque to clients: base64url JSON of the keyset position of the last item. A cursor
// is client input like any other: every field is checked against what its column can hold before
// it reaches a query, so a forged one is a 400 `invalid-cursor`, never a failed cast (500).

export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * `int`: an integer Postgres `int4` holds (offsets, indexes); `float`: a finite number; `uuid`: a
 * UUID; `string`: a short string. (`number` is the older name of `int`.)
 */
type CursorField = 'string' | 'uuid' | 'int' | 'number' | 'float';

type Decoded<T extends Record<string, CursorField>> = { [K in keyof T]: T[K] extends 'string' | 'uuid' ? string : number };

const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Longer than any cursor this service makes: a bigger one is not worth decoding. */
const MAX_CURSOR_LENGTH = 400;

function fieldIsValid(type: CursorField, field: unknown): boolean {
  switch (type) {
    case 'int':
    case 'number':
      return Number.isInteger(field) && (field as number) >= INT4_MIN && (field as number) <= INT4_MAX;
    case 'float':
      return Number.isFinite(field);
    case 'uuid':
      return typeof field === 'string' && UUID.test(field);
    case 'string':
      return typeof field === 'string' && field.length <= 100 && !/[\u0000\uD800-\uDFFF]/.test(field);
  }
}

/** Decodes a cursor whose fields must have the types in `shape`; anything else is a 400. */
export function decodeCursor<T extends Record<string, CursorField>>(cursor: string, shape: T): Decoded<T> {
  let value: unknown;
  if (cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]*={0,2}$/.test(cursor)) {
    try {
      value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      value = undefined;
    }
  }
  const valid =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(shape).every(([key, type]) => fieldIsValid(type, (value as Record<string, unknown>)[key]));
  if (!valid) throw new ApiError('invalid-cursor', 'The cursor was not made by this list; start again without it.');
  return value as Decoded<T>;
}
