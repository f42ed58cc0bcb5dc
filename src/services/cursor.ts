import { ApiError } from '../errors.js';

// Cursors are opaque to clients: base64url JSON of the keyset position of the last item.

export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor whose fields must have the types in `shape`; anything else is a 400. */
type CursorField = 'string' | 'number' | 'float';

/** `number` fields must be safe integers, `float` fields finite numbers. */
export function decodeCursor<T extends Record<string, CursorField>>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'string' ? string : number } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const valid =
    typeof value === 'object' &&
    value !== null &&
    Object.entries(shape).every(([key, type]) => {
      const field = (value as Record<string, unknown>)[key];
      if (type === 'number') return Number.isSafeInteger(field);
      if (type === 'float') return Number.isFinite(field);
      return typeof field === 'string' && field.length <= 100;
    });
  if (!valid) throw new ApiError('invalid-cursor', 'The cursor was not made by this list; start again without it.');
  return value as { [K in keyof T]: T[K] extends 'string' ? string : number };
}
