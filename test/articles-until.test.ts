import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';

// The article list between two ingest times: `since` inclusive, `until` exclusive.

interface Listed {
  id: string;
  createdAt: string;
}

for (const kind of storageKinds()) {
  t.test(`the article list narrowed to an ingest period, on ${kind} storage`, async (t) => {
    const { api, db } = await createTestApp(t, kind);
    const ingested: string[] = [];
    for (const day of ['01', '02', '03']) {
      const res = await api({
        method: 'POST',
        url: '/v1/articles',
        headers: { 'content-type': 'application/json' },
        payload: { headline: `Tide tables for March ${day}`, body: `The harbour office said high tide on day ${day} comes at noon.` },
      });
      t.equal(res.statusCode, 201);
      ingested.push(res.json<{ id: string }>().id);
    }
    // Ingest times a day apart, set in the database (the ingest time is the server's clock).
    for (const [n, id] of ingested.entries()) {
      const createdAt = `2021-03-0${n + 1}T12:00:00Z`;
      await db.database.prisma.$executeRaw`UPDATE "Article" SET "createdAt" = ${createdAt}::timestamptz WHERE "id" = ${id}::uuid`;
    }
    const [first, second, third] = ingested;
    const list = async (query: string) => {
      const res = await api({ method: 'GET', url: `/v1/articles?${query}` });
      t.equal(res.statusCode, 200, query);
      return res.json<{ items: Listed[]; nextCursor: string | null }>();
    };
    const ids = async (query: string) => (await list(query)).items.map((item) => item.id);

    t.same(await ids('until=2021-03-02T00:00:00Z'), [first], 'before a time');
    t.same(await ids('since=2021-03-02T00:00:00Z&until=2021-03-03T00:00:00Z'), [second], 'between two times');
    t.same(await ids('until=2021-03-02T12:00:00Z'), [first], 'until is exclusive: an article ingested at that very time is not listed');
    t.same(await ids('since=2021-03-02T12:00:00Z&until=2021-03-02T12:00:00Z'), [], 'an empty period lists nothing');
    t.same(await ids('until=2021-03-03T12:00:00.001Z'), [third, second, first], 'newest first');
    t.same(await ids('until=2021-03-02T14:00:00%2B02:00'), [first], 'an offset is a time like any other');

    // Pages keep to the period.
    const page1 = await list('limit=1&since=2021-03-01T00:00:00Z&until=2021-03-03T00:00:00Z');
    t.same(page1.items.map((item) => item.id), [second]);
    const page2 = await list(`limit=1&since=2021-03-01T00:00:00Z&until=2021-03-03T00:00:00Z&cursor=${encodeURIComponent(page1.nextCursor!)}`);
    t.same(page2.items.map((item) => item.id), [first], 'the next page continues inside the period');
    t.equal(page2.nextCursor, null, 'and ends with it');

    t.test('hostile bounds are 400 problems, never 5xx', async (t) => {
      const cases = [
        'until=yesterday',
        'until=2021-03-02',
        'until=2021-02-30T00:00:00Z',
        'until=2021-03-02T25:00:00Z',
        'until=2021-03-02T00:00:00%2B99:00',
        'until=0000-01-01T00:00:00Z', // no year 0 in Postgres
        'since=0000-01-01T00:00:00Z',
        'until=0001-01-01T00:00:00%2B01:00', // the last hour of 1 BC in UTC
        'until=%2B275760-09-13T00:00:00Z',
        'until=-000001-01-01T00:00:00Z',
        'until=9999-12-31T23:00:00-10:00', // the year 10000 in UTC
        `until=2021-03-02T00:00:00.${'9'.repeat(40)}Z`,
        'until=2021-03-02T00:00:00Z&until=2021-03-03T00:00:00Z',
        'since=2021-03-03T00:00:00Z&until=2021-03-02T00:00:00Z', // inverted
        "until=2021-03-02T00:00:00Z'%20OR%201=1--",
        'until=',
      ];
      for (const query of cases) {
        const res = await api({ method: 'GET', url: `/v1/articles?${query}` });
        t.equal(res.statusCode, 400, query);
        t.match(res.headers['content-type'], /application\/problem\+json/, `${query}: problem+json`);
        t.equal(res.json<{ type: string }>().type, 'urn:news-annotations:problem:validation-failed', `${query}: stable type`);
      }
      t.equal((await api({ method: 'GET', url: '/v1/articles?until=9999-12-31T23:59:59Z' })).statusCode, 200, 'the last second Postgres and the format allow');
    });
  });
}
