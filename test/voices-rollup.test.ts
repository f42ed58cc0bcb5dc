import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import pg from 'pg';
import t from 'tap';
import type { SqlReader } from '../src/db/sql-reader.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';

// The voices aggregates read DailyQuoteCount, which triggers in Postgres keep. Whatever the API
// does to quotes, entities and articles, that table must equal the aggregation computed straight
// from Quote, Article and Entity, and the four endpoints must answer what the raw rows say.

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (n: number) => dayOf(new Date(Date.now() - n * DAY_MS));

// Invented people, places and words: a small cast so that speakers recur across articles.
const PEOPLE = ['Renata Kowalczyk', 'Joaquim Ferreira', 'Amara Osei', 'Lukas Brandt'];
const SOURCES = ['Northern Ledger', 'Valley Courier'];
const PUBLISHED = [daysAgo(3), daysAgo(40), daysAgo(200)];
const PHRASES = ['We will keep the ferries running', 'The bridge needs a new deck', 'Nobody expected the flood', 'The school reopens on Monday'];
const CLAUSES = ['the tunnel would open in spring', 'the vote had been delayed', 'prices at the market had doubled', 'the pier was safe again'];

type Form = 'direct' | 'thinks' | 'indirect' | 'unnamed' | 'unattributed';
interface Line {
  form: Form;
  person: number;
  words: number;
}
interface Story {
  lines: Line[];
  source: number | null;
  published: number | null;
  salt: number;
}

function paragraph(line: Line): string {
  const name = PEOPLE[line.person % PEOPLE.length]!;
  const phrase = PHRASES[line.words % PHRASES.length]!;
  const clause = CLAUSES[line.words % CLAUSES.length]!;
  switch (line.form) {
    case 'direct':
      return `"${phrase}," said ${name}, who chairs the harbour council.`;
    // a quotation with a view of the speaker's own nested in it: two quotes, one quotation
    case 'thinks':
      return `"I think ${clause}," said ${name}, who chairs the harbour council.`;
    case 'indirect':
      return `${name} said that ${clause}.`;
    case 'unnamed':
      return `Officials said ${clause}.`;
    case 'unattributed':
      return `"${phrase}."`;
  }
}

function articleBody(story: Story) {
  return {
    headline: `Harbour town report ${story.salt}`,
    body: [...story.lines.map(paragraph), `The council meets again in week ${story.salt}.`].join('\n\n'),
    ...(story.source === null ? {} : { source: SOURCES[story.source % SOURCES.length] }),
    ...(story.published === null ? {} : { publishedAt: `${PUBLISHED[story.published % PUBLISHED.length]}T09:30:00Z` }),
  };
}

const lineArb = fc.record({
  form: fc.constantFrom<Form>('direct', 'direct', 'thinks', 'indirect', 'unnamed', 'unattributed'),
  person: fc.nat(PEOPLE.length - 1),
  words: fc.nat(3),
});
const storyArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
  source: fc.option(fc.nat(SOURCES.length - 1)),
  published: fc.option(fc.nat(PUBLISHED.length - 1)),
  salt: fc.nat(1_000_000),
});

type Action =
  | { op: 'ingest'; story: Story }
  | { op: 'status'; article: number; quote: number; status: 'rejected' | 'confirmed' | 'unreviewed' }
  | { op: 'kind'; article: number; quote: number; kind: 'direct' | 'mixed' | 'indirect' }
  | { op: 'speaker'; article: number; quote: number; entity: number | null }
  | { op: 'addQuote'; article: number; kind: 'direct' | 'mixed' | 'indirect'; entity: number | null }
  | { op: 'deleteQuote'; article: number; quote: number }
  | { op: 'merge'; into: number; from: number }
  | { op: 'revise'; article: number; story: Story }
  | { op: 'redate'; article: number; source: number | null; published: number | null }
  | { op: 'deleteArticle'; article: number };

const kindArb = fc.constantFrom('direct' as const, 'mixed' as const, 'indirect' as const);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('ingest' as const), story: storyArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('status' as const),
      article: fc.nat(),
      quote: fc.nat(),
      status: fc.constantFrom('rejected' as const, 'confirmed' as const, 'unreviewed' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('kind' as const), article: fc.nat(), quote: fc.nat(), kind: kindArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('speaker' as const), article: fc.nat(), quote: fc.nat(), entity: fc.option(fc.nat()) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addQuote' as const), article: fc.nat(), kind: kindArb, entity: fc.option(fc.nat()) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteQuote' as const), article: fc.nat(), quote: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), into: fc.nat(), from: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('revise' as const), article: fc.nat(), story: storyArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('redate' as const),
      article: fc.nat(),
      source: fc.option(fc.nat(SOURCES.length - 1)),
      published: fc.option(fc.nat(PUBLISHED.length - 1)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteArticle' as const), article: fc.nat() }) },
);

interface CountRow {
  day: string;
  source: string;
  sourceKind: string;
  speakerEntityId: string;
  direct: number;
  mixed: number;
  indirect: number;
  articles: number;
}

const rowOrder = 'ORDER BY "day", "source", "sourceKind", "speakerEntityId"';

/** DailyQuoteCount as stored. */
const storedCounts = (reader: SqlReader) =>
  reader.rows<CountRow>({
    text: `SELECT to_char("day", 'YYYY-MM-DD') AS "day", "source", "sourceKind"::text AS "sourceKind", "speakerEntityId"::text AS "speakerEntityId",
                  "direct", "mixed", "indirect", "articles"
             FROM "DailyQuoteCount" ${rowOrder}`,
    values: [],
  });

/** The same counts aggregated from the quotes and their articles, as the endpoints defined them before the rollup. */
const rawCounts = (reader: SqlReader) =>
  reader.rows<CountRow>({
    text: `SELECT * FROM (
             SELECT to_char(COALESCE(a."publishedAt", a."createdAt") AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "day",
                    COALESCE(a."source", '') AS "source",
                    CASE WHEN q."speakerEntityId" IS NOT NULL THEN 'entity' WHEN q."sourceText" IS NOT NULL THEN 'unnamed' ELSE 'none' END AS "sourceKind",
                    COALESCE(q."speakerEntityId"::text, '00000000-0000-0000-0000-000000000000') AS "speakerEntityId",
                    count(*) FILTER (WHERE q."kind" = 'direct')::int AS "direct", count(*) FILTER (WHERE q."kind" = 'mixed')::int AS "mixed",
                    count(*) FILTER (WHERE q."kind" = 'indirect')::int AS "indirect", count(DISTINCT q."articleId")::int AS "articles"
               FROM "Quote" q JOIN "Article" a ON a."id" = q."articleId"
              WHERE "quote_counted"(q."reviewStatus", q."rule")
              GROUP BY 1, 2, 3, 4) r ${rowOrder}`,
    values: [],
  });

interface RawQuote {
  day: string;
  source: string | null;
  articleId: string;
  kind: 'direct' | 'mixed' | 'indirect';
  entityId: string | null;
  unnamed: boolean;
  type: string | null;
  gender: string | null;
  genderSource: string | null;
  canonicalName: string | null;
}

/** Every counted quote with its article's day and source and its speaker as the Entity row says now. */
const rawQuotes = (reader: SqlReader) =>
  reader.rows<RawQuote>({
    text: `SELECT to_char(COALESCE(a."publishedAt", a."createdAt") AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "day", a."source",
                  q."articleId"::text AS "articleId", q."kind"::text AS "kind", q."speakerEntityId"::text AS "entityId",
                  (q."sourceText" IS NOT NULL) AS "unnamed", e."type"::text AS "type", e."gender"::text AS "gender",
                  e."genderSource"::text AS "genderSource", e."canonicalName"
             FROM "Quote" q JOIN "Article" a ON a."id" = q."articleId" LEFT JOIN "Entity" e ON e."id" = q."speakerEntityId"
            WHERE "quote_counted"(q."reviewStatus", q."rule")`,
    values: [],
  });

const byKindOf = (quotes: RawQuote[]) => ({
  direct: quotes.filter((q) => q.kind === 'direct').length,
  mixed: quotes.filter((q) => q.kind === 'mixed').length,
  indirect: quotes.filter((q) => q.kind === 'indirect').length,
});

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** What the four endpoints must answer for [from, to] and an optional source, told from raw quotes in JavaScript. */
function expectedAnswers(quotes: RawQuote[], from: string, to: string, source: string | null) {
  const scoped = quotes.filter((q) => q.day >= from && q.day <= to && (source === null || q.source === source));
  const named = scoped.filter((q) => q.entityId !== null);
  const speakers = [...groupBy(named, (q) => q.entityId!).entries()]
    .map(([id, group]) => ({
      id,
      quotes: group.length,
      articles: new Set(group.map((q) => q.articleId)).size,
      byKind: byKindOf(group),
      gender: group[0]!.type === 'PERSON' ? (group[0]!.gender ?? 'unknown') : null,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const typeOf = (q: RawQuote) => (q.entityId !== null ? q.type! : q.unnamed ? 'UNNAMED' : 'NONE');
  const types = [...groupBy(scoped, typeOf).entries()]
    .map(([type, group]) => ({ type, quotes: group.length, byKind: byKindOf(group) }))
    .sort((a, b) => a.type.localeCompare(b.type));
  const people = named.filter((q) => q.type === 'PERSON');
  const genderOf = (q: RawQuote) => q.gender ?? 'unknown';
  const genders = ['female', 'male', 'nonbinary', 'unknown'].map((gender) => {
    const group = people.filter((q) => genderOf(q) === gender);
    const ids = new Set(group.map((q) => q.entityId));
    const editorSet = new Set(group.filter((q) => q.genderSource === 'editor').map((q) => q.entityId));
    return { gender, quotes: group.length, people: ids.size, editorSet: editorSet.size };
  });
  const trend = [...groupBy(scoped, (q) => q.day).entries()]
    .map(([bucket, group]) => {
      const persons = group.filter((q) => q.type === 'PERSON');
      const count = (gender: string) => persons.filter((q) => genderOf(q) === gender).length;
      return {
        bucket,
        quotes: group.length,
        people: { female: count('female'), male: count('male'), nonbinary: count('nonbinary'), unknown: count('unknown') },
      };
    })
    .sort((a, b) => a.bucket.localeCompare(b.bucket));
  return { speakers, types, genders, trend };
}

interface SpeakerItem {
  entity: { id: string; type: string; gender: string | null };
  quotes: number;
  articles: number;
  byKind: { direct: number; mixed: number; indirect: number };
}
interface TypeItem {
  type: string;
  quotes: number;
  byKind: { direct: number; mixed: number; indirect: number };
}
interface TrendItem {
  bucket: string;
  quotes: number;
  people: Record<string, number>;
}

/** The endpoints' answers for [from, to] and an optional source, in expectedAnswers' shape. */
async function answers(api: TestApp['api'], from: string, to: string, source: string | null) {
  const query = `from=${from}&to=${to}${source === null ? '' : `&source=${encodeURIComponent(source)}`}`;
  const get = async <T>(path: string) => {
    const res = await api({ method: 'GET', url: `/v1/voices/${path}${path.includes('?') ? '&' : '?'}${query}` });
    if (res.statusCode === 404 && source !== null) return null;
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json<{ items: T[] }>().items;
  };
  const speakerItems = await get<SpeakerItem>('speakers?limit=100');
  const typeItems = await get<TypeItem>('types');
  const genderItems = await get<{ gender: string; quotes: number; people: number; editorSet: number }>('genders');
  const trendItems = await get<TrendItem>('trend?interval=day');
  if (speakerItems === null || typeItems === null || genderItems === null || trendItems === null) return null;
  const quoteCounts = speakerItems.map((item) => item.quotes);
  if (quoteCounts.some((count, i) => i > 0 && count > quoteCounts[i - 1]!)) throw new Error('speakers are not most quoted first');
  return {
    speakers: speakerItems
      .map((item) => ({ id: item.entity.id, quotes: item.quotes, articles: item.articles, byKind: item.byKind, gender: item.entity.gender }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    types: typeItems.map((item) => ({ type: item.type, quotes: item.quotes, byKind: item.byKind })).sort((a, b) => a.type.localeCompare(b.type)),
    genders: genderItems,
    trend: trendItems.filter((item) => item.quotes > 0),
  };
}

/** The state the actions pick from, read fresh before each one. */
async function articleIds(reader: SqlReader): Promise<string[]> {
  return (await reader.rows<{ id: string }>({ text: 'SELECT "id"::text AS "id" FROM "Article" ORDER BY "id"', values: [] })).map((row) => row.id);
}
async function personIds(reader: SqlReader): Promise<string[]> {
  const rows = await reader.rows<{ id: string }>({
    text: `SELECT "id"::text AS "id" FROM "Entity" WHERE "type" = 'PERSON' ORDER BY "canonicalName", "id"`,
    values: [],
  });
  return rows.map((row) => row.id);
}
const pick = <T>(items: T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

interface QuoteItem {
  id: string;
  version: number;
  start: number;
  end: number;
}

/**
 * Runs one action through the API and returns what it did, for failure messages. A refusal (4xx:
 * a merge of two different types, a revision to another article's text) changes nothing and is
 * fine; a 5xx is not.
 */
async function perform(app: TestApp, stories: Map<string, Story>, action: Action, done: Set<string>): Promise<string> {
  const { api } = app;
  const reader = app.db.database.reader;
  const json = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown, etag?: string) =>
    api({ method, url, payload: payload as Record<string, unknown>, headers: { 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : {}) } });
  const expectOk = (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode >= 500) throw new Error(`${what} answered ${res.statusCode}: ${res.body}`);
    if (res.statusCode < 300) done.add(action.op);
    return `${what}: ${res.statusCode}`;
  };
  if (action.op === 'ingest') {
    const res = await json('POST', '/v1/articles', articleBody(action.story));
    if (res.statusCode === 201) stories.set(res.json<{ id: string }>().id, action.story);
    return expectOk(res, `ingest ${JSON.stringify(action.story)}`);
  }
  if (action.op === 'merge') {
    const people = await personIds(reader);
    const into = pick(people, action.into);
    const from = pick(people, action.from);
    if (!into || !from || into === from) return 'merge: skipped';
    return expectOk(await json('POST', `/v1/entities/${into}/merge`, { entityId: from }), `merge ${from} into ${into}`);
  }
  const articleId = pick(await articleIds(reader), action.article);
  if (!articleId) return `${action.op}: no article`;
  const articleUrl = `/v1/articles/${articleId}`;
  const articleEtag = async () => String((await api({ method: 'GET', url: articleUrl })).headers.etag);
  const quotes = (await api({ method: 'GET', url: `${articleUrl}/quotes?limit=500` })).json<{ items: QuoteItem[] }>().items;
  const quote = 'quote' in action ? pick(quotes, action.quote) : undefined;
  const quoteUrl = quote ? `${articleUrl}/quotes/${quote.id}` : '';
  const quoteEtag = quote ? `"${quote.version}"` : '';
  switch (action.op) {
    case 'status':
      if (!quote) return 'status: no quote';
      return expectOk(await json('PATCH', quoteUrl, { reviewStatus: action.status }, quoteEtag), `${action.status} ${quote.id}`);
    case 'kind':
      if (!quote) return 'kind: no quote';
      return expectOk(await json('PATCH', quoteUrl, { kind: action.kind }, quoteEtag), `kind ${action.kind} ${quote.id}`);
    case 'speaker': {
      if (!quote) return 'speaker: no quote';
      const entity = action.entity === null ? null : (pick(await personIds(reader), action.entity) ?? null);
      const res = await json('PATCH', quoteUrl, { speakerEntityId: entity, speakerMentionId: null }, quoteEtag);
      return expectOk(res, `speaker ${entity} for ${quote.id}`);
    }
    case 'addQuote': {
      const entity = action.entity === null ? null : (pick(await personIds(reader), action.entity) ?? null);
      const res = await json('POST', `${articleUrl}/quotes`, { start: 0, end: 5, kind: action.kind, speakerEntityId: entity });
      return expectOk(res, `add ${action.kind} quote by ${entity}`);
    }
    case 'deleteQuote': {
      if (!quote) return 'deleteQuote: no quote';
      const res = await api({ method: 'DELETE', url: quoteUrl, headers: { 'if-match': quoteEtag } });
      return expectOk(res, `delete quote ${quote.id}`);
    }
    case 'revise': {
      const res = await json('PUT', articleUrl, articleBody(action.story), await articleEtag());
      if (res.statusCode < 300) stories.set(articleId, action.story);
      return expectOk(res, `revise ${articleId} as ${JSON.stringify(action.story)}`);
    }
    case 'redate': {
      // A revision that moves the article to another day or source (its text changes a little too).
      const story = stories.get(articleId);
      if (!story) return 'redate: not ours';
      const moved = { ...story, source: action.source, published: action.published, salt: story.salt + 1 };
      const res = await json('PUT', articleUrl, articleBody(moved), await articleEtag());
      if (res.statusCode < 300) stories.set(articleId, moved);
      return expectOk(res, `redate ${articleId} to ${JSON.stringify(action)}`);
    }
    case 'deleteArticle': {
      const res = await api({ method: 'DELETE', url: articleUrl, headers: { 'if-match': await articleEtag() } });
      stories.delete(articleId);
      return expectOk(res, `delete article ${articleId}`);
    }
  }
}

/** Throws when DailyQuoteCount or an endpoint differs from the raw aggregation. */
async function checkAgainstRaw(app: TestApp, t: { same: (a: unknown, b: unknown, m: string) => boolean }, after: string): Promise<void> {
  const reader = app.db.database.reader;
  const [stored, raw] = await Promise.all([storedCounts(reader), rawCounts(reader)]);
  if (!t.same(stored, raw, `DailyQuoteCount equals the raw aggregation after: ${after}`)) throw new Error(`rollup differs after ${after}`);
  const quotes = await rawQuotes(reader);
  for (const [from, to, source] of [
    [daysAgo(365), daysAgo(0), null],
    [daysAgo(45), daysAgo(0), SOURCES[0]!],
  ] as const) {
    const got = await answers(app.api, from, to, source);
    if (got === null) continue; // a source with no article yet is a 404
    const expected = expectedAnswers(quotes, from, to, source);
    if (!t.same(got, expected, `the endpoints answer the raw counts for ${from}..${to} ${source ?? ''} after: ${after}`)) {
      throw new Error(`endpoints differ after ${after}`);
    }
  }
}

for (const kind of storageKinds()) {
  t.test(`the daily counts stay equal to the raw aggregation, on ${kind} storage`, async (t) => {
    const app = await createTestApp(t, kind);
    const stories = new Map<string, Story>();
    const done = new Set<string>();
    // Quiet passes: only a difference is reported (as a failed t.same), then the run stops.
    let checks = 0;
    const quiet = {
      same: (a: unknown, b: unknown, message: string) => {
        checks++;
        const equal = isDeepStrictEqual(a, b);
        if (!equal) t.same(a, b, message);
        return equal;
      },
    };
    const line = (form: Form, person: number, words = 0): Line => ({ form, person, words });
    // Every kind of write once, in an order where each has something to act on; then random runs.
    const everyWrite: Action[] = [
      { op: 'ingest', story: { lines: [line('direct', 0), line('indirect', 1), line('unnamed', 0), line('thinks', 1)], source: 0, published: 0, salt: 1 } },
      { op: 'ingest', story: { lines: [line('direct', 1, 1), line('unattributed', 0)], source: null, published: null, salt: 2 } },
      { op: 'ingest', story: { lines: [line('indirect', 2, 2), line('direct', 3, 3)], source: 1, published: 1, salt: 3 } },
      { op: 'speaker', article: 0, quote: 0, entity: 2 },
      { op: 'status', article: 1, quote: 0, status: 'rejected' },
      { op: 'kind', article: 2, quote: 0, kind: 'mixed' },
      { op: 'addQuote', article: 0, kind: 'indirect', entity: 1 },
      { op: 'deleteQuote', article: 2, quote: 1 },
      { op: 'merge', into: 0, from: 1 },
      { op: 'revise', article: 0, story: { lines: [line('direct', 3), line('unnamed', 1, 1)], source: 0, published: 0, salt: 4 } },
      { op: 'redate', article: 1, source: 1, published: 2 },
      { op: 'deleteArticle', article: 2 },
    ];
    const seed = Number(process.env.VOICES_ROLLUP_SEED ?? Date.now() % 2 ** 31);
    let actionCount = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 6 }), async (actions) => {
        for (const action of actions) {
          actionCount++;
          const what = await perform(app, stories, action, done);
          await checkAgainstRaw(app, quiet, what);
        }
      }),
      { numRuns: 12, endOnFailure: true, examples: [[everyWrite]], seed },
    );
    t.same([...done].sort(), [...new Set(everyWrite.map((action) => action.op))].sort(), 'every kind of write was made at least once');
    t.ok(checks > actionCount, `${checks} comparisons with the raw aggregation held over ${actionCount} writes (seed ${seed}, VOICES_ROLLUP_SEED replays it)`);
    const counted = await app.db.database.reader.rows<{ n: number }>({ text: 'SELECT count(*)::int AS n FROM "DailyQuoteCount"', values: [] });
    t.ok(counted[0]!.n > 0, 'the runs left counts to compare');
  });

  t.test(`concurrent ingests and corrections of one speaker on one day count exactly, on ${kind} storage`, async (t) => {
    const app = await createTestApp(t, kind);
    const { api } = app;
    const reader = app.db.database.reader;
    const published = `${daysAgo(1)}T07:00:00Z`;
    const story = (n: number) => ({
      headline: `Ferry strike day ${n}`,
      body: `"We will keep the ferries running," said Amara Osei, who chairs the harbour council.\n\nAmara Osei said that ${CLAUSES[n % CLAUSES.length]}.\n\nOfficials said the ferries were late on run ${n}.`,
      source: SOURCES[0],
      publishedAt: published,
    });
    const ingest = (n: number) =>
      api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'application/json' }, payload: story(n) });
    for (let round = 0; round < 5; round++) {
      const quotes = await reader.rows<{ id: string; articleId: string; version: number }>({
        text: `SELECT q."id"::text AS "id", q."articleId"::text AS "articleId", q."version" FROM "Quote" q
                JOIN "Entity" e ON e."id" = q."speakerEntityId" WHERE e."canonicalName" = 'Amara Osei' ORDER BY q."id" LIMIT 2`,
        values: [],
      });
      const corrections = quotes.map((quote, i) =>
        api({
          method: 'PATCH',
          url: `/v1/articles/${quote.articleId}/quotes/${quote.id}`,
          headers: { 'content-type': 'application/json', 'if-match': `"${quote.version}"` },
          payload: { reviewStatus: (round + i) % 2 === 0 ? 'rejected' : 'confirmed' },
        }),
      );
      const answers = await Promise.all([ingest(round * 3), ingest(round * 3 + 1), ingest(round * 3 + 2), ...corrections]);
      t.same(answers.map((res) => res.statusCode), answers.map((_, i) => (i < 3 ? 201 : 200)), `round ${round}: every write succeeded`);
    }
    t.same(await storedCounts(reader), await rawCounts(reader), 'DailyQuoteCount equals the raw aggregation');
    const top = (await api({ method: 'GET', url: `/v1/voices/speakers?limit=1&source=${encodeURIComponent(SOURCES[0]!)}` })).json<{
      items: SpeakerItem[];
    }>().items[0];
    const raw = await reader.rows<{ quotes: number; articles: number }>({
      text: `SELECT count(*)::int AS "quotes", count(DISTINCT q."articleId")::int AS "articles" FROM "Quote" q
              JOIN "Entity" e ON e."id" = q."speakerEntityId"
             WHERE e."canonicalName" = 'Amara Osei' AND "quote_counted"(q."reviewStatus", q."rule")`,
      values: [],
    });
    t.same({ quotes: top?.quotes, articles: top?.articles }, raw[0], 'the speaker\'s quotes and articles are exact');
  });
}

for (const kind of storageKinds()) {
  t.test(`a view nested in a quotation is a quote of its own but no second quotation in the counts, on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const created = await api({
      method: 'POST',
      url: '/v1/articles',
      payload: { headline: 'Ferry service', body: '"I think the ferries will run all winter," said Renata Kowalczyk, who chairs the harbour council.', source: 'Northern Ledger' },
    });
    t.equal(created.statusCode, 201);
    const articleId = created.json<{ id: string }>().id;
    const quotes = (await api({ method: 'GET', url: `/v1/articles/${articleId}/quotes` })).json<{ items: { text: string; attribution: { rule: string }; speaker: { canonicalName: string } | null }[] }>().items;
    t.same(
      quotes.map((q) => [q.text, q.attribution.rule, q.speaker?.canonicalName]).sort(),
      [
        ['I think the ferries will run all winter,', 'cue-after-inverted', 'Renata Kowalczyk'],
        ['the ferries will run all winter,', 'first-person-in-quotation', 'Renata Kowalczyk'],
      ].sort(),
      'the quotation and the view in it are both listed, by the same speaker',
    );
    const speakers = (await api({ method: 'GET', url: '/v1/voices/speakers?source=Northern%20Ledger' })).json<{ items: SpeakerItem[] }>().items;
    t.same(speakers.map((s) => [s.quotes, s.byKind]), [[1, { direct: 1, mixed: 0, indirect: 0 }]], 'the voices count one quotation');
  });
}

if (storageKinds().includes('postgres')) {
  t.test('two transactions writing the same keys at once neither deadlock nor miscount, on postgres storage', async (t) => {
    const app = await createTestApp(t, 'postgres');
    const url = app.db.url!;
    const reader = app.db.database.reader;
    for (const n of [1, 2]) {
      const res = await app.api({
        method: 'POST',
        url: '/v1/articles',
        headers: { 'content-type': 'application/json' },
        payload: { headline: `Quay works ${n}`, body: `Lukas Brandt said that the quay would close in week ${n}.`, source: SOURCES[1], publishedAt: `${daysAgo(2)}T10:00:00Z` },
      });
      t.equal(res.statusCode, 201);
    }
    const [first, second] = await articleIds(reader);
    const speakers = await reader.rows<{ id: string }>({
      text: `INSERT INTO "Entity" ("id", "type", "canonicalName", "normalizedName", "updatedAt")
             SELECT gen_random_uuid(), 'PERSON', 'Speaker ' || n, 'speaker ' || n, now() FROM generate_series(1, 60) AS n
             RETURNING "id"::text AS "id"`,
      values: [],
    });
    const [a, b] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([a.connect(), b.connect()]);
    t.teardown(() => Promise.all([a.end(), b.end()]));
    // Quotes of speakers in the given order (their keys in the order of the VALUES list).
    const insertQuotes = (client: pg.Client, articleId: string, ids: string[]) =>
      client.query(
        `INSERT INTO "Quote" ("id", "articleId", "paragraphIndex", "start", "end", "text", "kind", "speakerEntityId", "rule", "confidence", "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, 0, 0, 5, 'words', 'direct', s::uuid, 'test', 1, now() FROM unnest($2::text[]) AS s`,
        [articleId, ids],
      );
    const ids = speakers.map((row) => row.id);

    // One article, one speaker, two writers: the second waits for the first and then sees its
    // quote, so the article is counted once.
    await a.query('BEGIN');
    await b.query('BEGIN');
    await insertQuotes(a, first!, [ids[0]!]);
    const waiting = insertQuotes(b, first!, [ids[0]!]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await a.query('COMMIT');
    await waiting;
    await b.query('COMMIT');
    const counted = await reader.rows<{ articles: number; direct: number }>({
      text: `SELECT "articles", "direct" FROM "DailyQuoteCount" WHERE "speakerEntityId" = $1::uuid`,
      values: [ids[0]],
    });
    t.same(counted, [{ articles: 1, direct: 2 }], 'two quotes, one article');

    // Rounds of two writers taking the same 60 keys at the same moment, listed in opposite orders,
    // in two articles, then correcting: no deadlock (an error would reject), exact counts.
    for (let round = 0; round < 15; round++) {
      const forward = [...ids];
      const backward = [...ids].reverse();
      const run = async (client: pg.Client, articleId: string, order: string[]) => {
        await client.query('BEGIN');
        await insertQuotes(client, articleId, order);
        await client.query(
          `UPDATE "Quote" SET "kind" = CASE WHEN "kind" = 'direct' THEN 'indirect'::"QuoteKind" ELSE 'direct'::"QuoteKind" END
            WHERE "articleId" = $1::uuid AND "speakerEntityId" = $2::uuid`,
          [articleId, order[0]],
        );
        await client.query('COMMIT');
      };
      const results = await Promise.allSettled([run(a, first!, forward), run(b, second!, backward)]);
      const failures = results.filter((result) => result.status === 'rejected');
      if (failures.length > 0) {
        t.fail(`round ${round}: ${failures.map((f) => String((f as PromiseRejectedResult).reason)).join('; ')}`);
        break;
      }
    }
    t.same(await storedCounts(reader), await rawCounts(reader), 'DailyQuoteCount equals the raw aggregation');
  });
}
