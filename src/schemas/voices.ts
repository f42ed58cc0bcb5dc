// Who gets quoted: aggregates over the quotes of the articles of a period, optionally one source.
import { Type, type Static } from 'typebox';
import { EntityType } from './annotations.js';
import { Uuid } from './common.js';

/** The longest period one answer covers: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;

const day = (description: string) =>
  Type.String({ format: 'date', maxLength: 10, description, examples: ['2019-04-26'] });
// News is dated from 1900 to 2999: outside, a "period" is a mistake or a probe.
const dayInput = (description: string) =>
  Type.String({ format: 'date', pattern: '^(19|2[0-9])[0-9]{2}-', maxLength: 10, description, examples: ['2019-04-26'] });

const periodQuery = {
  from: Type.Optional(
    dayInput(`First day of the period (UTC), inclusive. Default: 29 days before \`to\`. The period is at most ${MAX_PERIOD_DAYS} days.`),
  ),
  to: Type.Optional(dayInput('Last day of the period (UTC), inclusive, from 1900 to 2999. Default: today.')),
  source: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Only articles from this source (as `GET /v1/sources` lists them); a source with no article is a 404.',
    }),
  ),
};

export const VoicesQuery = Type.Object(periodQuery, { additionalProperties: false });
export type VoicesQuery = Static<typeof VoicesQuery>;

export const VoicesSpeakersQuery = Type.Object(
  {
    ...periodQuery,
    type: Type.Optional(
      Type.Union([EntityType, Type.Literal('PERSON,ORG')], {
        description: 'Only speakers of this entity type; `PERSON,ORG` for people and organisations. Default: every type.',
      }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'How many speakers, most quoted first.' }),
  },
  { additionalProperties: false },
);
export type VoicesSpeakersQuery = Static<typeof VoicesSpeakersQuery>;

const intervals = () => [Type.Literal('day'), Type.Literal('week'), Type.Literal('month')];
const INTERVAL_NOTE = 'Bucket size: calendar days, ISO weeks (from Monday) or calendar months, in UTC.';
export const TrendInterval = Type.Union(intervals(), { description: INTERVAL_NOTE });
export type TrendInterval = Static<typeof TrendInterval>;

export const VoicesTrendQuery = Type.Object(
  { ...periodQuery, interval: Type.Union(intervals(), { default: 'week', description: INTERVAL_NOTE }) },
  { additionalProperties: false },
);
export type VoicesTrendQuery = Static<typeof VoicesTrendQuery>;

export const Gender = Type.Union(
  [Type.Literal('female'), Type.Literal('male'), Type.Literal('nonbinary'), Type.Literal('unknown')],
  {
    description:
      'As estimated from given names and pronouns (`unknown` where unsure), or as an editor set it. Nothing else about a person is inferred.',
  },
);

const count = (description: string) => Type.Integer({ minimum: 0, description });

const ByKind = Type.Object(
  { direct: count('Quotes in quotation marks.'), mixed: count('Quotes partly in quotation marks.'), indirect: count('Reported speech.') },
  { additionalProperties: false, description: 'The quotes by kind.' },
);

const Period = Type.Object(
  {
    from: day('First day, inclusive.'),
    to: day('Last day, inclusive.'),
    source: Type.Union([Type.String(), Type.Null()], { description: 'The source filter, or null for every source.' }),
  },
  {
    additionalProperties: false,
    description:
      'The articles counted: published in the period (by `publishedAt`, or the ingest time when unknown), from the source when one is given. Quotes counted: unreviewed and confirmed ones (not rejected, not orphaned).',
  },
);

export const VoicesSpeakers = Type.Object(
  {
    period: Period,
    items: Type.Array(
      Type.Object(
        {
          entity: Type.Object(
            {
              id: Uuid,
              type: EntityType,
              canonicalName: Type.String(),
              gender: Type.Union([Gender, Type.Null()], { description: 'People only; null for other types.' }),
              genderSource: Type.Union([Type.Literal('estimated'), Type.Literal('editor'), Type.Null()]),
            },
            { additionalProperties: false },
          ),
          quotes: count('Quotes attributed to the entity.'),
          articles: count('Articles in which it is quoted.'),
          byKind: ByKind,
        },
        { additionalProperties: false },
      ),
      { maxItems: 100, description: 'Most quoted first (ties by name).' },
    ),
  },
  { additionalProperties: false, title: 'VoicesSpeakers' },
);
export type VoicesSpeakers = Static<typeof VoicesSpeakers>;

export const SourceKind = Type.Union(
  [EntityType, Type.Literal('UNNAMED'), Type.Literal('NONE')],
  { description: 'The speaker entity\'s type; `UNNAMED` for a source kept as text ("officials"); `NONE` when nobody is attributed.' },
);

export const VoicesTypes = Type.Object(
  {
    period: Period,
    items: Type.Array(
      Type.Object({ type: SourceKind, quotes: count('Quotes with a source of this type.'), byKind: ByKind }, { additionalProperties: false }),
      { maxItems: 20, description: 'Every type that has quotes, most quoted first.' },
    ),
  },
  { additionalProperties: false, title: 'VoicesTypes' },
);
export type VoicesTypes = Static<typeof VoicesTypes>;

export const VoicesGenders = Type.Object(
  {
    period: Period,
    items: Type.Array(
      Type.Object(
        {
          gender: Gender,
          quotes: count('Quotes of people of this gender.'),
          people: count('Distinct people quoted.'),
          editorSet: count('Of those people, how many have their gender set by an editor.'),
        },
        { additionalProperties: false },
      ),
      { minItems: 4, maxItems: 4, description: 'female, male, nonbinary, unknown: always all four, in that order.' },
    ),
  },
  { additionalProperties: false, title: 'VoicesGenders' },
);
export type VoicesGenders = Static<typeof VoicesGenders>;

export const VoicesTrend = Type.Object(
  {
    period: Period,
    interval: TrendInterval,
    items: Type.Array(
      Type.Object(
        {
          bucket: day('First day of the bucket.'),
          quotes: count('Every quote of the bucket.'),
          people: Type.Object(
            {
              female: count('Quotes of women.'),
              male: count('Quotes of men.'),
              nonbinary: count('Quotes of non-binary people.'),
              unknown: count('Quotes of people whose gender is unknown.'),
            },
            { additionalProperties: false, description: 'Quotes of people (PERSON speakers) by gender.' },
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: MAX_PERIOD_DAYS + 1, description: 'Every bucket of the period in order, empty ones included.' },
    ),
  },
  { additionalProperties: false, title: 'VoicesTrend' },
);
export type VoicesTrend = Static<typeof VoicesTrend>;

export const SourceList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { source: Type.String(), articles: count('Articles from the source.') },
        { additionalProperties: false },
      ),
      { maxItems: 500, description: 'Sources by name; at most 500.' },
    ),
  },
  { additionalProperties: false, title: 'SourceList' },
);
export type SourceList = Static<typeof SourceList>;
