const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));

/**
 * `date.toISOString()`, the same string, in about half the time: V8's toISOString is a call into
 * the runtime that formats with printf, about 0.5 µs; a list page writes two or three per row
 * (every annotation's createdAt and updatedAt). Years outside 0000-9999, which toISOString writes
 * with a sign and six digits, and invalid dates (which throw) are left to toISOString.
 */
export function isoTime(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return date.toISOString();
  const ms = date.getUTCMilliseconds();
  return `${year}-${TWO_DIGITS[date.getUTCMonth() + 1]}-${TWO_DIGITS[date.getUTCDate()]}T${TWO_DIGITS[date.getUTCHours()]}:${TWO_DIGITS[date.getUTCMinutes()]}:${TWO_DIGITS[date.getUTCSeconds()]}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}
