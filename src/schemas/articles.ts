import { Type, type Static } from 'typebox';
import { OFFSET_UNIT_NOTE, Page, Timestamp, Uuid } from './common.js';

export const ArticleJsonInput = Type.Object(
  {
    headline: Type.String({ minLength: 1, maxLength: 1000 }),
    body: Type.String({
      minLength: 1,
      maxLength: 50_000,
      description: 'Article body: paragraphs separated by blank lines (at most 50,000 characters, 1,000 paragraphs and 1,000 quotations).',
    }),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Publisher or feed name.' })),
    externalId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'The id the source gave the story; unique per source.' }),
    ),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
    publishedAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    language: Type.Optional(
      Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$', maxLength: 35, description: 'BCP 47 tag.' }),
    ),
  },
  { additionalProperties: false, title: 'ArticleJsonInput' },
);
export type ArticleJsonInput = Static<typeof ArticleJsonInput>;

export const WireTextInput = Type.String({
  minLength: 1,
  maxLength: 50_000,
  description:
    'At most 50,000 characters, 1,000 paragraphs and 1,000 quotations. A wire story as received: headline line, source line, standfirst, a dateline such as `PLACE (AGENCY) -`, then paragraphs, blocks separated by blank lines. Plain text without a wire header is accepted too.',
});

/** Wire text inside JSON: the form generated SDKs send (they send JSON right, plain text not always). */
export const ArticleTextJsonInput = Type.Object(
  { text: WireTextInput },
  { additionalProperties: false, title: 'ArticleTextInput' },
);
export type ArticleTextJsonInput = Static<typeof ArticleTextJsonInput>;

/** What `application/json` takes on POST and PUT /articles: `headline` and `body`, or wire `text`. */
export const ArticleInput = Type.Union([ArticleJsonInput, ArticleTextJsonInput], {
  title: 'ArticleInput',
  description:
    'An article as `headline` and `body` (with optional metadata), or a wire story as received in `text` (the same as sending it as `text/plain`).',
});

const Counts = Type.Object(
  {
    paragraphs: Type.Integer({ minimum: 0 }),
    quotes: Type.Integer({ minimum: 0 }),
    entities: Type.Integer({ minimum: 0, description: 'Distinct entities named in the article.' }),
    mentions: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

const Dateline = Type.Object(
  {
    text: Type.String(),
    place: Type.Union([Type.String(), Type.Null()]),
    agency: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

const nullableString = () => Type.Union([Type.String(), Type.Null()]);

const articleFields = {
  id: Uuid,
  revision: Type.Integer({ minimum: 1, description: 'Text revision: 1 at ingest, +1 for each PUT with new text.' }),
  version: Type.Integer({ minimum: 1, description: 'Bumped on every change; the ETag is `"<version>"`.' }),
  format: Type.Union([Type.Literal('wire'), Type.Literal('plain')], {
    description: '`wire` when the text had a wire header, `plain` otherwise.',
  }),
  headline: nullableString(),
  source: Type.Union([Type.String(), Type.Null()], {
    description: 'The `source` given at ingest, else the wire source line.',
  }),
  standfirst: nullableString(),
  dateline: Type.Union([Dateline, Type.Null()]),
  byline: nullableString(),
  externalId: nullableString(),
  url: nullableString(),
  publishedAt: Type.Union([Timestamp, Type.Null()]),
  language: nullableString(),
  contentHash: Type.String({ description: 'SHA-256 of the stored text, hex.' }),
  pipelineVersion: Type.String({ description: 'Version of the annotation pipeline that annotated this revision.' }),
  counts: Counts,
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const ArticleSummary = Type.Object(
  {
    ...articleFields,
    unreviewed: Type.Object(
      {
        quotes: Type.Integer({ minimum: 0, description: 'Quotes no editor has accepted or rejected yet.' }),
        mentions: Type.Integer({ minimum: 0, description: 'Mentions no editor has accepted or rejected yet.' }),
      },
      { additionalProperties: false, description: 'What is still to review in the article.' },
    ),
  },
  { additionalProperties: false, title: 'ArticleSummary' },
);
export type ArticleSummary = Static<typeof ArticleSummary>;

export const Article = Type.Object(
  {
    ...articleFields,
    text: Type.String({
      description: `The stored text, exactly as received with line endings normalised to \\n. ${OFFSET_UNIT_NOTE}`,
    }),
  },
  { additionalProperties: false, title: 'Article' },
);
export type Article = Static<typeof Article>;

export const ArticlePage = Page(ArticleSummary, 'A page of articles, newest first.');

export const ArticleListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Items per page.' }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Opaque cursor from the previous page.' })),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only articles from this source.' })),
    since: Type.Optional(
      Type.String({ format: 'date-time', maxLength: 40, description: 'Only articles ingested at or after this time.' }),
    ),
    until: Type.Optional(
      Type.String({ format: 'date-time', maxLength: 40, description: 'Only articles ingested before this time (exclusive).' }),
    ),
    entity: Type.Optional(
      Type.String({ format: 'uuid', maxLength: 36, description: 'Only articles that mention this entity.' }),
    ),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'Full-text search over headline and text (web search syntax).' }),
    ),
  },
  { additionalProperties: false },
);
export type ArticleListQuery = Static<typeof ArticleListQuery>;

export const ArticleRevision = Type.Object(
  {
    revision: Type.Integer({ minimum: 1 }),
    current: Type.Boolean(),
    contentHash: Type.String(),
    headline: Type.Union([Type.String(), Type.Null()]),
    pipelineVersion: Type.String(),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    replacedAt: Type.Union([Timestamp, Type.Null()], { description: 'When the next revision replaced it; null for the current one.' }),
  },
  { additionalProperties: false, title: 'ArticleRevision' },
);

export const ArticleRevisionList = Type.Object(
  { items: Type.Array(ArticleRevision, { description: 'Every revision, oldest first; the last is current.' }) },
  { additionalProperties: false, title: 'ArticleRevisionList' },
);

export const ArticleRevisionWithText = Type.Object(
  { ...ArticleRevision.properties, text: Type.String({ description: 'The text of that revision.' }) },
  { additionalProperties: false, title: 'ArticleRevisionWithText' },
);
