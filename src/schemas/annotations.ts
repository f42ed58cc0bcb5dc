import { Type, type Static } from 'typebox';
import { OFFSET_UNIT_NOTE, Page, Provenance, Span, Uuid } from './common.js';

export const EntityType = Type.Union(
  [
    Type.Literal('PERSON'),
    Type.Literal('ORG'),
    Type.Literal('LOC'),
    Type.Literal('NORP'),
    Type.Literal('FAC'),
    Type.Literal('PRODUCT'),
    Type.Literal('EVENT'),
    Type.Literal('WORK_OF_ART'),
    Type.Literal('LAW'),
  ],
  {
    description:
      'PERSON; ORG (organisations); LOC (places, including countries and cities); NORP (nationalities, religious and political groups); ' +
      'FAC (buildings, airports, roads, bridges); PRODUCT (products, vehicles, spacecraft, software); EVENT (named events, missions, wars, ' +
      'storms, tournaments); WORK_OF_ART (titles of books, films, songs, shows); LAW (named laws, treaties, resolutions).',
  },
);
export type EntityType = Static<typeof EntityType>;

export const Paragraph = Type.Object(
  {
    index: Type.Integer({ minimum: 0, description: 'Position among the article paragraphs, from 0.' }),
    role: Type.Union([Type.Literal('standfirst'), Type.Literal('body')]),
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    text: Type.String(),
  },
  { additionalProperties: false, title: 'Paragraph', description: `A paragraph. ${OFFSET_UNIT_NOTE}` },
);
export type Paragraph = Static<typeof Paragraph>;
export const ParagraphPage = Page(Paragraph, 'A page of paragraphs in text order.');

const EntityRef = Type.Object(
  { id: Uuid, type: EntityType, canonicalName: Type.String() },
  { additionalProperties: false },
);

const MentionRef = Type.Object(
  { id: Uuid, start: Type.Integer(), end: Type.Integer(), text: Type.String() },
  { additionalProperties: false },
);

const version = Type.Integer({
  minimum: 1,
  description: 'Bumped on every change; the ETag is `"<version>"` and If-Match takes it.',
});

export const ReviewStatus = Type.Union(
  [Type.Literal('unreviewed'), Type.Literal('confirmed'), Type.Literal('rejected'), Type.Literal('orphaned')],
  {
    description:
      '`rejected` annotations are kept but hidden unless `include=rejected`; `orphaned` ones lost their text in a revision and keep their old span (`include=orphaned`).',
  },
);

export const Quote = Type.Object(
  {
    id: Uuid,
    articleId: Uuid,
    version,
    kind: Type.Union([Type.Literal('direct'), Type.Literal('mixed'), Type.Literal('indirect')], {
      description: '`direct` when the quotation is a whole statement, `partial` when it is a phrase inside a sentence.',
    }),
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    text: Type.String({ description: 'The quoted words, without the quotation marks.' }),
    paragraphIndex: Type.Integer({ minimum: -1, description: 'Paragraph where the quote starts; -1 for the headline.' }),
    speaker: Type.Union([Type.Object({ ...EntityRef.properties, mention: Type.Union([MentionRef, Type.Null()]) }, { additionalProperties: false }), Type.Null()], {
      description: 'Who said it: an entity, with the mention that names the speaker at this quote.',
    }),
    via: Type.Union([EntityRef, Type.Null()], {
      description: 'Who relayed the words (e.g. a news agency quoting the speaker).',
    }),
    cue: Type.Union([Span, Type.Null()], { description: 'The words that attribute the quote, e.g. "Putin said".' }),
    attribution: Type.Object(
      {
        rule: Type.String({ description: 'The attribution rule that chose the speaker.' }),
        confidence: Type.Number({ minimum: 0, maximum: 1 }),
      },
      { additionalProperties: false },
    ),
    provenance: Provenance,
  },
  { additionalProperties: false, title: 'Quote', description: `A quotation. ${OFFSET_UNIT_NOTE}` },
);
export type Quote = Static<typeof Quote>;
export const QuotePage = Page(Quote, 'A page of quotations in text order.');

export const Mention = Type.Object(
  {
    id: Uuid,
    articleId: Uuid,
    entityId: Uuid,
    version,
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    text: Type.String(),
    kind: Type.Union([Type.Literal('name'), Type.Literal('nominal'), Type.Literal('pronoun')], {
      description: '`name` ("Putin"), `nominal` ("the Russian president") or `pronoun` ("he").',
    }),
    provenance: Provenance,
  },
  { additionalProperties: false, title: 'Mention', description: `A mention of an entity. ${OFFSET_UNIT_NOTE}` },
);
export type Mention = Static<typeof Mention>;

export const ArticleEntity = Type.Object(
  {
    id: Uuid,
    type: EntityType,
    canonicalName: Type.String(),
    mentions: Type.Array(Mention, { description: 'Every mention of the entity in this article, in text order.' }),
  },
  { additionalProperties: false, title: 'ArticleEntity' },
);
export type ArticleEntity = Static<typeof ArticleEntity>;
export const ArticleEntityPage = Page(ArticleEntity, 'A page of the entities named in an article, by first mention.');
