// Answers are written from schemas simplified for writing (src/plugins/response-serializer.ts):
// the same bytes as fast-json-stringify writes from the route's own schema, with less work.
import fastJsonStringify, { type Schema } from 'fast-json-stringify';
import t from 'tap';
import { Type } from 'typebox';
import { buildResponseSerializer, jsonStringifyFits, serializationSchema } from '../src/plugins/response-serializer.js';
import { Article, ArticlePage } from '../src/schemas/articles.js';
import { QuotePage } from '../src/schemas/annotations.js';
import { AnnotationEventPage } from '../src/schemas/editorial.js';
import { NinjsDocument } from '../src/schemas/exports.js';
import { IngestJobItemPage } from '../src/schemas/ingest-jobs.js';
import { ProblemDetails } from '../src/schemas/problem.js';
import { presentArticle, presentArticleListItem, presentQuote } from '../src/services/presenters.js';

const plain = (schema: unknown) => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;

t.test('a nullable field loses its union, an object of anything becomes JSON.stringify', async (t) => {
  const schema = plain(
    Type.Object({
      at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'when' }),
      count: Type.Union([Type.Null(), Type.Integer()]),
      place: Type.Union([Type.Object({ name: Type.String() }, { additionalProperties: false }), Type.Null()]),
      before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
      kind: Type.Union([Type.Literal('a'), Type.Literal('b')]),
    }),
  );
  const original = JSON.stringify(schema);
  const simplified = serializationSchema(schema) as { properties: Record<string, Record<string, unknown>> };
  t.equal(JSON.stringify(schema), original, "the route's schema (the OpenAPI document's) is left as it was");
  t.same(simplified.properties.at, { description: 'when', type: 'string', format: 'date-time', nullable: true });
  t.same(simplified.properties.count, { type: 'integer', nullable: true });
  t.equal(simplified.properties.place!.type, 'object');
  t.equal(simplified.properties.place!.nullable, true);
  t.same(simplified.properties.before, {}, 'written with JSON.stringify');
  t.ok(simplified.properties.kind!.anyOf, 'other unions are left to fast-json-stringify');
});

t.test('the same bytes as fast-json-stringify on the schema as written', async (t) => {
  const compile = buildResponseSerializer({}, {});
  const same = (schema: unknown, values: unknown[], label: string) => {
    const before = fastJsonStringify(plain(schema) as unknown as Schema);
    const after = compile({ schema: plain(schema), method: 'GET', url: '/', httpStatus: '200' });
    for (const value of values) t.equal(after(value), before(value), `${label}: ${JSON.stringify(value).slice(0, 80)}`);
  };
  const item = {
    id: '01a22fc8-9fb5-7cd6-af3c-6cf967678d1f',
    revision: 1,
    version: 3,
    format: 'wire',
    headline: 'Schmidt and "Chen" clash \u2014 over the harbour strike\n',
    source: null,
    standfirst: 'x'.repeat(300),
    dateline: { text: 'OSLO (AP) -', place: 'OSLO', agency: null },
    byline: null,
    externalId: 'bench-job-99',
    url: null,
    publishedAt: '2026-12-01T04:06:46.966Z',
    language: 'en',
    contentHash: '8e2e7777dc241f1bb7ad35b993469a6c5067d73053023a75a9c4536a96cb009f',
    pipelineVersion: null,
    counts: { paragraphs: 4, quotes: 5, entities: 5, mentions: 12 },
    createdAt: '2026-12-01T04:06:46.966Z',
    updatedAt: '2026-12-01T04:06:46.966Z',
    unreviewed: { quotes: 5, mentions: 12 },
  };
  same(ArticlePage, [{ items: [item, { ...item, dateline: null, publishedAt: null }], nextCursor: null }, { items: [], nextCursor: 'abc' }], 'article page');
  const event = {
    id: '01a22fc8-9622-75f4-8e16-2802c5fa83fa',
    articleId: null,
    targetType: 'quote',
    targetId: '01a22fc8-8b96-7164-92a2-861b8a6222d0',
    action: 'update',
    actor: 'admin',
    before: { end: 62, text: 'US acted in \'bad faith\' "at" Hanoi\u2028talks \ud83d\ude00', nested: { list: [1, null, 'a'] }, gone: undefined, empty: {} },
    after: null,
    createdAt: '2026-12-01T04:06:44.548Z',
  };
  same(AnnotationEventPage, [{ items: [event, { ...event, before: null, after: { 'key "quoted"': 1, '\u00e9': true } }], nextCursor: null }], 'event page');
});

/** What the route's serializer writes, or the error it throws (fast-json-stringify throws on some values). */
const outcome = (serialize: (value: unknown) => string, value: unknown): string => {
  try {
    return serialize(value);
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
};

const articleRow = {
  id: '01a22fc8-9fb5-7cd6-af3c-6cf967678d1f',
  revision: 1,
  version: 3,
  format: 'wire' as const,
  headline: 'Schmidt and "Chen" clash \u2014 over the harbour\u00a0strike\n',
  source: null,
  sourceLine: null,
  standfirst: 'x'.repeat(300),
  datelineText: 'OSLO (AP) -',
  datelinePlace: 'OSLO',
  datelineAgency: null,
  byline: null,
  externalId: 'bench-job-99',
  url: null,
  publishedAt: new Date('2026-12-01T04:06:46.966Z'),
  language: 'en',
  contentHash: '8e2e7777dc241f1bb7ad35b993469a6c5067d73053023a75a9c4536a96cb009f',
  pipelineVersion: '1.6.3',
  paragraphCount: 4,
  quoteCount: 5,
  entityCount: 5,
  mentionCount: 12,
  createdAt: new Date('2026-12-01T04:06:46.966Z'),
  updatedAt: new Date('2026-12-01T04:06:47.001Z'),
  unreviewedQuotes: 5,
  unreviewedMentions: 12,
  text: 'He said: "\ud83d\ude00 fine\u2028"\n\u0001 and \\ more',
};

const quoteRow = {
  id: '01a22fc8-8b96-7164-92a2-861b8a6222d0',
  articleId: articleRow.id,
  version: 2,
  kind: 'direct' as const,
  start: 10,
  end: 42,
  text: '"We will not back down," she said',
  paragraphIndex: 3,
  speakerEntityId: '01a22fc8-8b96-7164-92a2-861b8a6222d1',
  speakerMentionId: '01a22fc8-8b96-7164-92a2-861b8a6222d2',
  viaEntityId: null,
  speakerType: 'PERSON' as const,
  speakerName: 'Ana \u00d8stergaard',
  mentionStart: 50,
  mentionEnd: 53,
  mentionText: 'she',
  viaType: null,
  viaName: null,
  sourceText: null,
  sourceStart: null,
  sourceEnd: null,
  viaText: 'the agency',
  viaStart: 60,
  viaEnd: 70,
  cueStart: 44,
  cueEnd: 48,
  cueText: 'said',
  rule: 'cue-after',
  confidence: 0.875,
  prefix: '',
  suffix: '',
  origin: 'machine' as const,
  pipelineVersion: '1.6.3',
  reviewStatus: 'unreviewed' as const,
  updatedBy: null,
  createdAt: new Date('2026-12-01T04:06:46.966Z'),
  updatedAt: new Date('2026-12-01T04:06:46.966Z'),
};

t.test('answers as the presenters make them are written by JSON.stringify, the same bytes', async (t) => {
  const compile = buildResponseSerializer({}, {});
  const cases: [string, unknown, unknown][] = [
    ['article page', ArticlePage, { items: [presentArticleListItem(articleRow), presentArticleListItem({ ...articleRow, datelineText: null, publishedAt: null })], nextCursor: 'abc' }],
    ['article', Article, presentArticle(articleRow)],
    ['quote page', QuotePage, { items: [presentQuote(quoteRow), presentQuote({ ...quoteRow, speakerEntityId: null, speakerMentionId: null, sourceText: 'officials', sourceStart: 1, sourceEnd: 9 })], nextCursor: null }],
  ];
  for (const [label, schema, value] of cases) {
    const fits = jsonStringifyFits(serializationSchema(plain(schema)));
    t.ok(fits, `${label}: the schema is covered`);
    t.ok(fits!(value), `${label}: the presented answer takes JSON.stringify`);
    t.equal(compile({ schema: plain(schema), method: 'GET', url: '/', httpStatus: '200' })(value), fastJsonStringify(plain(schema) as unknown as Schema)(value), label);
  }
});

t.test('anything JSON.stringify would write differently goes to fast-json-stringify', async (t) => {
  const compile = buildResponseSerializer({}, {});
  const schema = plain(ArticlePage);
  const fits = jsonStringifyFits(serializationSchema(schema))!;
  const ours = compile({ schema, method: 'GET', url: '/', httpStatus: '200' });
  // fast-json-stringify on the simplified schema: what answers were written with before JSON.stringify.
  const theirs = fastJsonStringify(serializationSchema(schema) as Schema);
  const item = presentArticleListItem(articleRow) as unknown as Record<string, unknown>;
  const page = (changed: Record<string, unknown>) => ({ items: [changed], nextCursor: null });
  const without = (key: string) => Object.fromEntries(Object.entries(item).filter(([name]) => name !== key));
  const variants: [string, unknown][] = [
    ['an extra property (dropped)', page({ ...item, secret: 'na_key' })],
    ['an extra nested property', page({ ...item, counts: { ...(item.counts as object), extra: 1 } })],
    ['keys in another order', page({ version: item.version, ...item })],
    ['a required property missing (throws)', page(without('headline'))],
    ['a required property undefined', page({ ...item, headline: undefined })],
    ['a number as a string (coerced)', page({ ...item, revision: '3' })],
    ['a fraction where an integer goes', page({ ...item, revision: 1.5 })],
    ['NaN', page({ ...item, revision: Number.NaN })],
    ['null where an object goes', page({ ...item, counts: null })],
    ['null where a string goes', page({ ...item, contentHash: null })],
    ['a Date where a time goes', page({ ...item, createdAt: articleRow.createdAt })],
    ['a value outside the union (throws)', page({ ...item, format: 'html' })],
    ['an object with a prototype', page(Object.assign(Object.create({ inherited: 1 }) as object, item))],
    ['an object with toJSON', page({ ...item, dateline: { text: 'x', place: null, agency: null, toJSON: () => 'y' } })],
    ['a Map where a list goes', { items: new Map(), nextCursor: null }],
    ['a boolean where a string goes', page({ ...item, url: true })],
  ];
  for (const [label, value] of variants) {
    t.notOk(fits(value), `${label}: not written by JSON.stringify`);
    t.equal(outcome(ours, value), outcome(theirs, value), label);
  }
});

t.test('optional properties come after the required ones, as fast-json-stringify writes them', async (t) => {
  const compile = buildResponseSerializer({}, {});
  const schema = plain(NinjsDocument);
  const fits = jsonStringifyFits(serializationSchema(schema))!;
  const ours = compile({ schema, method: 'GET', url: '/', httpStatus: '200' });
  const theirs = fastJsonStringify(schema as unknown as Schema);
  const lists = { people: [{ name: 'Kim', rel: 'quoted', uri: 'u', literal: 'PERSON' }], organisations: [], places: [], events: [], objects: [], subjects: [{ name: 'Kim', relevance: 80 }] };
  const head = { uri: 'urn:uuid:x', type: 'text', version: '3', firstCreated: 'a', versionCreated: 'b', headlines: [{ role: 'main', value: 'h' }] };
  const bodies = { bodies: [{ role: 'main', contentType: 'text/plain', value: 'x' }] };
  // As the ninjs presenter builds it: `descriptions` between the headlines and the bodies.
  const asBuilt = { ...head, descriptions: [{ role: 'summary', value: 'd' }], ...bodies, ...lists };
  t.notOk(fits(asBuilt), 'an optional property before required ones: not JSON.stringify');
  t.equal(ours(asBuilt), theirs(asBuilt));
  t.match(ours(asBuilt), /"subjects":\[[^\]]*\],"descriptions":/, 'written after the required ones');
  const inOrder = { ...head, ...bodies, ...lists, descriptions: [{ role: 'summary', value: 'd' }], altIds: [{ role: 'x', value: 'y' }] };
  t.ok(fits(inOrder), 'required first, then the optional ones in schema order: JSON.stringify');
  t.equal(ours(inOrder), theirs(inOrder));
  const skipped = { ...head, ...bodies, ...lists, altIds: [{ role: 'x', value: 'y' }] };
  t.ok(fits(skipped), 'optional ones left out');
  t.equal(ours(skipped), theirs(skipped));
  const swapped = { ...head, ...bodies, ...lists, altIds: [], descriptions: [] };
  t.notOk(fits(swapped), 'optional ones out of order');
  t.equal(ours(swapped), theirs(swapped));
});

t.test('random changes to answers: the same bytes (or error) as fast-json-stringify alone', async (t) => {
  // A small deterministic generator, so that a failure is reproducible.
  let seed = 20261201;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const odd = [undefined, null, 0, -0, 1.5, 2 ** 53, Number.NaN, Infinity, '', '7', 'x"\\\u0000\ud800', true, false, [], {}, new Date(0), 'direct', 'PERSON'];
  // `rate`: how likely each property is changed (low rates leave many answers that still fit).
  const mutate = (value: unknown, depth: number, rate: number): unknown => {
    if (Array.isArray(value)) return value.map((item) => (random() < 0.5 ? mutate(item, depth + 1, rate) : item));
    if (typeof value !== 'object' || value === null || value instanceof Date) return random() < 0.5 ? pick(odd) : value;
    const entries = Object.entries(value);
    const changed: [string, unknown][] = [];
    for (const [key, inner] of entries) {
      const roll = random() / rate;
      if (roll < 0.1) continue; // dropped
      changed.push([key, roll < 0.6 ? mutate(inner, depth + 1, rate) : inner]);
      if (roll > 0.6 && roll < 0.7) changed.push([`extra${depth}`, pick(odd)]);
    }
    if (random() < rate && changed.length > 1) changed.reverse();
    return Object.fromEntries(changed);
  };
  const compile = buildResponseSerializer({}, {});
  const cases: [unknown, unknown][] = [
    [ArticlePage, { items: [presentArticleListItem(articleRow), presentArticleListItem({ ...articleRow, datelineText: null })], nextCursor: null }],
    [QuotePage, { items: [presentQuote(quoteRow)], nextCursor: 'abc' }],
    [
      NinjsDocument,
      {
        uri: 'urn:uuid:x', type: 'text', version: '3', firstCreated: 'a', versionCreated: 'b', headlines: [{ role: 'main', value: 'h' }],
        bodies: [{ role: 'main', contentType: 'text/plain', value: 'x' }], people: [{ name: 'Kim', rel: 'quoted', literal: 'PERSON' }],
        organisations: [], places: [], events: [], objects: [], subjects: [{ name: 'Kim', relevance: 80 }],
        language: 'en', descriptions: [{ role: 'summary', value: 'd' }], infoSources: [{ name: 'officials', role: 'unnamed source' }],
      },
    ],
  ];
  let differ = 0;
  let runs = 0;
  let fitting = 0;
  for (const [schema, value] of cases) {
    const ours = compile({ schema: plain(schema), method: 'GET', url: '/', httpStatus: '200' });
    const theirs = fastJsonStringify(serializationSchema(plain(schema)) as Schema);
    const fits = jsonStringifyFits(serializationSchema(plain(schema)))!;
    for (let i = 0; i < 4000; i++) {
      const changed = mutate(value, 0, [0.002, 0.01, 0.05, 0.3][i % 4]!);
      runs++;
      if (fits(changed)) fitting++;
      if (outcome(ours, changed) !== outcome(theirs, changed)) {
        differ++;
        if (differ <= 3) t.fail(`differs on ${JSON.stringify(changed).slice(0, 300)}`);
      }
    }
  }
  t.equal(differ, 0, `${runs} changed answers written alike`);
  t.ok(fitting > runs / 10 && fitting < runs - runs / 10, `both ways taken: ${fitting} of ${runs} by JSON.stringify`);
});

t.test('a nullable reference to a shared schema (a failed ingest line\'s problem) is written as that schema', async (t) => {
  const shared = { ProblemDetails: plain(ProblemDetails) };
  const compile = buildResponseSerializer(shared, {});
  const schema = plain(IngestJobItemPage);
  const ours = compile({ schema, method: 'GET', url: '/', httpStatus: '200' });
  const theirs = fastJsonStringify(schema as unknown as Schema, { schema: shared as unknown as Record<string, Schema> });
  const simplified = serializationSchema(schema, serializationSchema(shared) as Record<string, unknown>) as {
    properties: { items: { items: { properties: { problem: Record<string, unknown> } } } };
  };
  const problemSchema = simplified.properties.items.items.properties.problem;
  t.equal(problemSchema.type, 'object');
  t.equal(problemSchema.nullable, true);
  t.notOk('$ref' in problemSchema);
  const fits = jsonStringifyFits(simplified)!;
  t.ok(fits, 'covered');
  const item = { index: 0, line: 1, status: 'created', articleId: '01a22fc8-9fb5-7cd6-af3c-6cf967678d1f', problem: null };
  const problem = { type: 'urn:news-annotations:problem:validation-failed', title: 'The request is not valid', status: 400, detail: 'body /text: "x"', errors: [{ location: 'body', pointer: '/text', message: 'must be string' }] };
  const pages = [
    { items: [item, { ...item, index: 1, line: 2, status: 'pending', articleId: null }], nextCursor: 'abc' },
    { items: [item, { ...item, status: 'failed', articleId: null, problem }], nextCursor: null },
    // As Postgres gives a jsonb object back (keys by length): not the written order.
    { items: [{ ...item, status: 'failed', articleId: null, problem: { type: problem.type, title: problem.title, detail: problem.detail, status: 400 } }], nextCursor: null },
  ];
  t.ok(fits(pages[0]), 'a page without problems takes JSON.stringify');
  t.ok(fits(pages[1]), 'a problem in the written order too');
  t.notOk(fits(pages[2]), 'a problem in another order goes to fast-json-stringify');
  for (const [index, page] of pages.entries()) t.equal(ours(page), theirs(page), `page ${index}`);
});
