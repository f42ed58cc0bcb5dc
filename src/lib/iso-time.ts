/** Character code of the digit 0. */
const ZERO = 48;

/**
 * `date.toISOString()`, the same string, in a fifth of the time and with no garbage besides it:
 * V8's toISOString is a call into the runtime that formats with printf, about 0.6 µs; a list page
 * writes two or three per row (every annotation's createdAt and updatedAt). The 24 characters are
 * made in one String.fromCharCode call: a template literal of the parts built each string twice
 * over (an intermediate string per part, then a flat copy when the answer was written), about
 * 440 bytes of garbage per time stamp against 40. Years outside 1000-9999, which toISOString
 * writes with fewer digits, a sign or six digits, and invalid dates (which throw) are left to
 * toISOString.
 */
export function isoTime(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return date.toISOString();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const hours = date.getUTCHours();
  const minutes = date.getUTCMinutes();
  const seconds = date.getUTCSeconds();
  const ms = date.getUTCMilliseconds();
  return String.fromCharCode(
    ZERO + ((year / 1000) | 0), ZERO + (((year / 100) | 0) % 10), ZERO + (((year / 10) | 0) % 10), ZERO + (year % 10),
    0x2d, // -
    ZERO + ((month / 10) | 0), ZERO + (month % 10),
    0x2d, // -
    ZERO + ((day / 10) | 0), ZERO + (day % 10),
    0x54, // T
    ZERO + ((hours / 10) | 0), ZERO + (hours % 10),
    0x3a, // :
    ZERO + ((minutes / 10) | 0), ZERO + (minutes % 10),
    0x3a, // :
    ZERO + ((seconds / 10) | 0), ZERO + (seconds % 10),
    0x2e, // .
    ZERO + ((ms / 100) | 0), ZERO + (((ms / 10) | 0) % 10), ZERO + (ms % 10),
    0x5a, // Z
  );
}
