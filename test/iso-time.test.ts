import t from 'tap';
import { isoTime } from '../src/lib/iso-time.js';

t.test('isoTime writes what toISOString writes', async (t) => {
  const edges = [0, -1, 1, 999, 253402300799999, 253402300800000, -62198755200000, -30610224000000, -30610224000001, 8.64e15, -8.64e15, Date.now()];
  for (const ms of edges) t.equal(isoTime(new Date(ms)), new Date(ms).toISOString(), String(ms));
  let differ = 0;
  for (let i = 0; i < 200_000; i++) {
    const date = new Date(Math.floor((Math.random() * 2 - 1) * 8.64e15));
    if (isoTime(date) !== date.toISOString()) differ++;
  }
  t.equal(differ, 0, 'random dates across the whole range');
  // The years isoTime writes itself (1000-9999), where the whole range has few dates.
  const from = Date.UTC(1000, 0, 1);
  const to = Date.UTC(10000, 0, 1);
  for (let i = 0; i < 200_000; i++) {
    const date = new Date(from + Math.floor(Math.random() * (to - from)));
    if (isoTime(date) !== date.toISOString()) differ++;
  }
  t.equal(differ, 0, 'random dates of years 1000-9999');
  t.throws(() => isoTime(new Date(Number.NaN)), RangeError, 'an invalid date throws, as toISOString does');
});
