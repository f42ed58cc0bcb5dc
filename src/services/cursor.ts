import { ApiError } from '../errors.js';

// Cursors are opaque to clients: base64url JSON of the keyset position of the last item.

export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor whose fields must have the types in `shape`; anything else is a 400. */
export function decodeCursor<T extends Record<string, 'string' | 'number'>>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
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
      return type === 'number' ? Number.isSafeInteger(field) : typeof field === 'string' && field.length <= 100;
    });
  if (!valid) throw new ApiError('invalid-cursor', 'The cursor was not made by this list; start again without it.');
  return value as { [K in keyof T]: T[K] extends 'number' ? number : string };
}
