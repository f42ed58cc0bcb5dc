import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';
import { wireStory } from './helpers/fixtures.js';

interface QuoteBody {
  id: string;
  version: number;
  kind: 'direct' | 'mixed' | 'indirect';
  speaker: { id: string; type: string; canonicalName: string } | null;
}
interface SpeakerItem {
  entity: { id: string; type: string; canonicalName: string; gender: string | null; genderSource: string | null };
  quotes: number;
  articles: number;
  byKind: { direct: number; mixed: number; indirect: number };
}
interface Period {
  from: string;
  to: string;
  source: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

// A short story of our own, dated in the past and from a named source.
const harbourStory = {
  headline: 'Harbour reopens after the storm',
  body: [
    '"We are relieved and ready to work," said Marta Okonkwo, the harbour master, on Tuesday.',
    'Harbour officials said the north pier would stay closed until the divers finish.',
    '"The boats will be back by the weekend," Okonkwo said.',
  ].join('\n\n'),
  source: 'Harbour Gazette',
  externalId: 'hg-1',
  publishedAt: '2021-03-09T08:00:00Z',
};

for (const kind of storageKinds()) {
  t.test(`who gets quoted, on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const get = (url: string) => api({ method: 'GET', url });
    const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
    t.equal(created.statusCode, 201);
    const articleId = created.json<{ id: string }>().id;
    const harbour = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'application/json' }, payload: harbourStory });
    t.equal(harbour.statusCode, 201);
    const harbourId = harbour.json<{ id: string }>().id;
    const quotesOf = async (id: string) => (await get(`/v1/articles/${id}/quotes?limit=500`)).json<{ items: QuoteBody[] }>().items;

    t.test('the most quoted speakers are the article\'s speakers with the counts its quote list gives', async (t) => {
      const quotes = await quotesOf(articleId);
      const expected = new Map<string, number>();
      for (const quote of quotes) if (quote.speaker) expected.set(quote.speaker.id, (expected.get(quote.speaker.id) ?? 0) + 1);
      const res = await get('/v1/voices/speakers?limit=100');
      t.equal(res.statusCode, 200);
      const body = res.json<{ period: Period; items: SpeakerItem[] }>();
      t.same(body.period, { from: daysAgo(29), to: today(), source: null }, 'the default period is the last 30 days');
      t.same(new Map(body.items.map((item) => [item.entity.id, item.quotes])), expected, 'one item per speaker, with its quote count');
      const counts = body.items.map((item) => item.quotes);
      t.same(counts, [...counts].sort((a, b) => b - a), 'most quoted first');
      for (const item of body.items) {
        t.equal(item.articles, 1);
        t.equal(item.byKind.direct + item.byKind.mixed + item.byKind.indirect, item.quotes, `${item.entity.canonicalName}: kinds add up`);
        if (item.entity.type === 'PERSON') t.not(item.entity.gender, null, 'a person always has a gender value, unknown at least');
        else t.equal(item.entity.gender, null, 'only people have a gender');
      }
      const people = (await get('/v1/voices/speakers?type=PERSON&limit=100')).json<{ items: SpeakerItem[] }>().items;
      t.ok(people.length > 0 && people.every((item) => item.entity.type === 'PERSON'), 'type=PERSON gives people only');
      const peopleAndOrgs = (await get('/v1/voices/speakers?type=PERSON,ORG&limit=100')).json<{ items: SpeakerItem[] }>().items;
      t.ok(peopleAndOrgs.every((item) => ['PERSON', 'ORG'].includes(item.entity.type)), 'type=PERSON,ORG gives people and organisations');
      const top = (await get('/v1/voices/speakers?limit=1')).json<{ items: SpeakerItem[] }>().items;
      t.same(top, body.items.slice(0, 1), 'limit keeps the head of the ranking');
    });

    t.test('quotes by source type add up to every counted quote of the period', async (t) => {
      const quotes = await quotesOf(articleId);
      const res = await get('/v1/voices/types');
      t.equal(res.statusCode, 200);
      const items = res.json<{ items: { type: string; quotes: number }[] }>().items;
      t.equal(items.reduce((sum, item) => sum + item.quotes, 0), quotes.length);
      const byType = new Map<string, number>();
      for (const quote of quotes) if (quote.speaker) byType.set(quote.speaker.type, (byType.get(quote.speaker.type) ?? 0) + 1);
      for (const [type, count] of byType) t.equal(items.find((item) => item.type === type)?.quotes, count, `${type} quotes`);
    });

    t.test('share of voice by gender has four rows and counts the quotes of people', async (t) => {
      const quotes = await quotesOf(articleId);
      const res = await get('/v1/voices/genders');
      t.equal(res.statusCode, 200);
      const items = res.json<{ items: { gender: string; quotes: number; people: number }[] }>().items;
      t.same(items.map((item) => item.gender), ['female', 'male', 'nonbinary', 'unknown']);
      const personQuotes = quotes.filter((quote) => quote.speaker?.type === 'PERSON');
      t.equal(items.reduce((sum, item) => sum + item.quotes, 0), personQuotes.length);
      t.equal(items.reduce((sum, item) => sum + item.people, 0), new Set(personQuotes.map((quote) => quote.speaker!.id)).size);
    });

    t.test('the trend has every bucket of the period and today holds the article\'s quotes', async (t) => {
      const quotes = await quotesOf(articleId);
      const days = (await get('/v1/voices/trend?interval=day')).json<{ interval: string; items: { bucket: string; quotes: number }[] }>();
      t.equal(days.interval, 'day');
      t.equal(days.items.length, 30);
      t.equal(days.items.at(-1)?.bucket, today());
      t.equal(days.items.at(-1)?.quotes, quotes.length);
      t.equal(days.items.slice(0, -1).reduce((sum, item) => sum + item.quotes, 0), 0, 'no quote on other days');
      const months = (await get('/v1/voices/trend?interval=month&from=2021-01-15&to=2021-04-02')).json<{ items: { bucket: string; quotes: number; people: Record<string, number> }[] }>();
      t.same(months.items.map((item) => item.bucket), ['2021-01-01', '2021-02-01', '2021-03-01', '2021-04-01']);
      const harbourQuotes = await quotesOf(harbourId);
      t.equal(months.items[2]?.quotes, harbourQuotes.length, 'an article counts at its publication time');
      const weeks = (await get('/v1/voices/trend?from=2021-03-01&to=2021-03-14')).json<{ interval: string; items: { bucket: string }[] }>();
      t.equal(weeks.interval, 'week', 'weeks by default');
      t.same(weeks.items.map((item) => item.bucket), ['2021-03-01', '2021-03-08'], 'weeks start on Monday');
    });

    t.test('a source and a period narrow the counts; the sources are listed', async (t) => {
      const harbourQuotes = await quotesOf(harbourId);
      t.ok(harbourQuotes.length > 0, 'the harbour story has quotes');
      const url = '/v1/voices/types?source=Harbour%20Gazette&from=2021-03-01&to=2021-03-31';
      const res = await get(url);
      t.equal(res.statusCode, 200);
      const body = res.json<{ period: Period; items: { quotes: number }[] }>();
      t.same(body.period, { from: '2021-03-01', to: '2021-03-31', source: 'Harbour Gazette' });
      t.equal(body.items.reduce((sum, item) => sum + item.quotes, 0), harbourQuotes.length);
      const elsewhere = (await get('/v1/voices/types?source=Harbour%20Gazette')).json<{ items: unknown[] }>();
      t.same(elsewhere.items, [], 'the default period does not reach 2021');
      const sources = (await get('/v1/sources')).json<{ items: { source: string; articles: number }[] }>().items;
      t.same(sources.find((item) => item.source === 'Harbour Gazette'), { source: 'Harbour Gazette', articles: 1 });
    });

    t.test('a rejected quote is no longer counted', async (t) => {
      const quote = (await quotesOf(articleId)).find((q) => q.speaker !== null)!;
      const before = (await get('/v1/voices/speakers?limit=100')).json<{ items: SpeakerItem[] }>().items;
      const patched = await api({
        method: 'PATCH',
        url: `/v1/articles/${articleId}/quotes/${quote.id}`,
        headers: { 'content-type': 'application/json', 'if-match': `"${quote.version}"` },
        payload: { reviewStatus: 'rejected' },
      });
      t.equal(patched.statusCode, 200);
      const after = (await get('/v1/voices/speakers?limit=100')).json<{ items: SpeakerItem[] }>().items;
      const count = (items: SpeakerItem[]) => items.find((item) => item.entity.id === quote.speaker!.id)?.quotes ?? 0;
      t.equal(count(after), count(before) - 1);
    });

    t.test('an empty period answers empty lists and zero counts', async (t) => {
      const query = 'from=1990-01-01&to=1990-01-31';
      t.same((await get(`/v1/voices/speakers?${query}`)).json<{ items: unknown[] }>().items, []);
      t.same((await get(`/v1/voices/types?${query}`)).json<{ items: unknown[] }>().items, []);
      const genders = (await get(`/v1/voices/genders?${query}`)).json<{ items: { quotes: number }[] }>().items;
      t.same(genders.map((item) => item.quotes), [0, 0, 0, 0]);
      const trend = (await get(`/v1/voices/trend?${query}&interval=day`)).json<{ items: { quotes: number }[] }>().items;
      t.equal(trend.length, 31);
    });

    t.test('hostile parameters are 4xx problems, never 5xx', async (t) => {
      const cases: [string, number][] = [
        ['/v1/voices/speakers?from=2021-03-10&to=2021-03-01', 400], // inverted
        ['/v1/voices/speakers?from=2020-01-01&to=2021-01-01', 400], // 367 days
        ['/v1/voices/types?from=1900-01-01&to=2999-12-31', 400], // huge
        ['/v1/voices/genders?from=0000-01-01&to=0000-12-31', 400], // no year 0 in Postgres
        ['/v1/voices/trend?from=9999-12-01&to=9999-12-31', 400],
        ['/v1/voices/trend?to=2999-12-31&from=2999-12-31&interval=day', 200], // the last day allowed
        ['/v1/voices/speakers?from=2021-02-30', 400],
        ['/v1/voices/speakers?from=2021-13-01', 400],
        ['/v1/voices/speakers?from=yesterday', 400],
        ['/v1/voices/speakers?from=2021-03-01T00:00:00Z', 400],
        ['/v1/voices/speakers?from=2021-03-01&from=2021-03-02', 400],
        ['/v1/voices/speakers?limit=0', 400],
        ['/v1/voices/speakers?limit=101', 400],
        ['/v1/voices/speakers?limit=-1', 400],
        ['/v1/voices/speakers?limit=1e309', 400],
        ['/v1/voices/speakers?limit=2.5', 400],
        ['/v1/voices/speakers?limit=100', 200],
        ['/v1/voices/speakers?type=ALIEN', 400],
        ['/v1/voices/speakers?type=PERSON%27%3B%20DROP%20TABLE%20%22Quote%22%3B--', 400],
        ['/v1/voices/trend?interval=year', 400],
        ['/v1/voices/types?source=Nobody%20Publishes%20This', 404],
        ['/v1/voices/types?source=%27%20OR%201%3D1%20--', 404],
        [`/v1/voices/types?source=${'x'.repeat(201)}`, 400],
        ['/v1/voices/types?source=', 400],
        ['/v1/voices/types?source=a%00b', 400],
        ['/v1/voices/types?colour=red', 400],
        ['/v1/sources?limit=5', 400],
      ];
      for (const [url, status] of cases) {
        const res = await get(url);
        t.equal(res.statusCode, status, url);
        if (status >= 400) {
          t.match(res.headers['content-type'], /application\/problem\+json/, `${url}: problem+json`);
          t.match(res.json<{ type: string }>().type, /^urn:news-annotations:problem:(validation-failed|not-found)$/, `${url}: stable type`);
        }
      }
      const anonymous = await api({ method: 'GET', url: '/v1/voices/speakers', headers: { authorization: '' } });
      t.equal(anonymous.statusCode, 401, 'an API key is needed');
    });

    t.test('two clients reading aggregates while a third edits get consistent answers', async (t) => {
      const quotes = await quotesOf(articleId);
      const target = quotes.find((q) => q.speaker !== null)!;
      const reads = Array.from({ length: 20 }, (_, i) =>
        get(['/v1/voices/speakers', '/v1/voices/types', '/v1/voices/genders', '/v1/voices/trend'][i % 4]!),
      );
      const edit = api({
        method: 'PATCH',
        url: `/v1/articles/${articleId}/quotes/${target.id}`,
        headers: { 'content-type': 'application/json', 'if-match': `"${target.version}"` },
        payload: { reviewStatus: 'confirmed' },
      });
      const answers = await Promise.all([...reads, edit]);
      t.same(answers.map((res) => res.statusCode), answers.map(() => 200));
    });
  });
}
