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

export const Gender = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('nonbinary'), Type.Literal('unknown')], {
  description:
    "A person's gender: estimated from given names and pronouns (`unknown` where unsure or where articles disagree), or set by an editor.",
});
export type Gender = Static<typeof Gender>;

export const GenderSource = Type.Union([Type.Literal('estimated'), Type.Literal('editor')], {
  description: '`estimated` by the pipeline (an estimate never overrides an editor), or set by an `editor`.',
});

/** Gender fields of an entity: a person's gender and where it comes from; null for other types. */
export const EntityGender = {
  gender: Type.Union([Gender, Type.Null()], { description: 'PERSON only (null for other types). An estimate, unless `genderSource` is `editor`.' }),
  genderSource: Type.Union([GenderSource, Type.Null()], { description: 'PERSON only (null for other types).' }),
};

export const QuoteKind = Type.Union([Type.Literal('direct'), Type.Literal('mixed'), Type.Literal('indirect')], {
  description:
    '`direct`: the content is in quotation marks; `mixed`: partly (quoted words inside reported speech); `indirect`: reported speech without quotation marks ("The minister said the plan would fail").',
});
export type QuoteKind = Static<typeof QuoteKind>;

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
    kind: QuoteKind,
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    text: Type.String({ description: 'The content: the quoted or reported words, without the quotation marks.' }),
    paragraphIndex: Type.Integer({ minimum: -1, description: 'Paragraph where the quote starts; -1 for the headline.' }),
    speaker: Type.Union([Type.Object({ ...EntityRef.properties, mention: Type.Union([MentionRef, Type.Null()]) }, { additionalProperties: false }), Type.Null()], {
      description:
        'Who said it when the source is an entity, with the mention that names the speaker at this quote; null when the source is unnamed (`unnamedSource`) or unknown.',
    }),
    unnamedSource: Type.Union([Span, Type.Null()], {
      description:
        'The words naming a source that is no entity ("officials", "the report", "a spokesman"); null when the source is an entity (`speaker`) or unknown. Never set together with `speaker`.',
    }),
    via: Type.Union([EntityRef, Type.Null()], {
      description: 'Who relayed the words when that is an entity (e.g. a news agency quoting the speaker).',
    }),
    unnamedVia: Type.Union([Span, Type.Null()], {
      description:
        'The words naming who relayed the words when that is no entity ("..., state media said"); null when `via` is an entity or nobody relayed them. Never set together with `via`.',
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
  {
    additionalProperties: false,
    title: 'Quote',
    description: `An attribution: direct, mixed or indirect speech with its source, cue and relaying entity. ${OFFSET_UNIT_NOTE}`,
  },
);
export type Quote = Static<typeof Quote>;
export const QuotePage = Page(
  Quote,
  'A page of attributions (direct, mixed and indirect): in text order for an article; newest or best match first across articles.',
);

export const QuoteKindFilter = Type.Array(QuoteKind, {
  minItems: 1,
  maxItems: 3,
  description: 'Only attributions of these kinds: `kind=indirect`, or several as `kind=direct&kind=mixed`.',
});

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
    ...EntityGender,
    mentionCount: Type.Integer({ minimum: 0, description: 'How many mentions of the entity the article has (of the statuses listed).' }),
    mentions: Type.Array(Mention, {
      maxItems: 100,
      description: 'The first 100 mentions of the entity in this article, in text order; `mentionCount` says how many there are (the W3C annotation export pages through every one).',
    }),
  },
  { additionalProperties: false, title: 'ArticleEntity' },
);
export type ArticleEntity = Static<typeof ArticleEntity>;
export const ArticleEntityPage = Page(ArticleEntity, 'A page of the entities named in an article, by first mention.');
