// Answers are written from schemas simplified for writing (src/plugins/response-serializer.ts):
// the same bytes as fast-json-stringify writes from the route's own schema, with less work.
import fastJsonStringify, { type Schema } from 'fast-json-stringify';
import t from 'tap';
import { Type } from 'typebox';
import { buildResponseSerializer, serializationSchema } from '../src/plugins/response-serializer.js';
import { ArticlePage } from '../src/schemas/articles.js';
import { AnnotationEventPage } from '../src/schemas/editorial.js';

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
