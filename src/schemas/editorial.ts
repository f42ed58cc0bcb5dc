import { Type, type Static } from 'typebox';
import { EntityType, Mention, Quote, QuoteKind, ReviewStatus } from './annotations.js';
import { OFFSET_UNIT_NOTE, Page, Timestamp, Uuid } from './common.js';

const offset = (description: string) => Type.Integer({ minimum: 0, maximum: 10_000_000, description });

const SpanInput = {
  start: offset('First code point of the span.'),
  end: offset('Code point just after the span.'),
};

const CueInput = Type.Object(SpanInput, {
  additionalProperties: false,
  description: `The words that attribute the quote. ${OFFSET_UNIT_NOTE}`,
});

/** Words of the article that name a source or relay that is no entity. */
const unnamedWordsInput = (title: string, description: string) =>
  Type.Object(
    {
      ...SpanInput,
      text: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 500,
          description: 'The spanned words, as a check: when given they must equal the text at [start, end) (a 422 otherwise).',
        }),
      ),
    },
    { additionalProperties: false, title, description: `${description} ${OFFSET_UNIT_NOTE}` },
  );

export const UnnamedSourceInput = unnamedWordsInput(
  'UnnamedSourceInput',
  'The words naming a source that is no entity ("officials", "the report"). Replaces the speaker: give it without `speakerEntityId` and `speakerMentionId`.',
);
export type UnnamedSourceInput = Static<typeof UnnamedSourceInput>;

export const UnnamedViaInput = unnamedWordsInput(
  'UnnamedViaInput',
  'The words naming who relayed the words when that is no entity ("state media"). Replaces `viaEntityId`: give it without.',
);

export const NewEntity = Type.Object(
  { type: EntityType, name: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S', description: 'Not only blanks.' }) },
  { additionalProperties: false, description: 'An entity to find by type and name, or create.' },
);

export const QuoteInput = Type.Object(
  {
    ...SpanInput,
    kind: Type.Optional(Type.Union(QuoteKind.anyOf, { default: 'direct', description: 'direct (the default), mixed or indirect: see `Quote.kind`.' })),
    speakerEntityId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    speakerMentionId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    unnamedSource: Type.Optional(Type.Union([UnnamedSourceInput, Type.Null()])),
    viaEntityId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    unnamedVia: Type.Optional(Type.Union([UnnamedViaInput, Type.Null()])),
    cue: Type.Optional(Type.Union([CueInput, Type.Null()])),
  },
  {
    additionalProperties: false,
    title: 'QuoteInput',
    description: `An attribution an editor adds (direct, mixed or indirect speech): its content span, and a source that is an entity (\`speakerEntityId\`, \`speakerMentionId\`) or unnamed words (\`unnamedSource\`), not both. ${OFFSET_UNIT_NOTE}`,
  },
);
export type QuoteInput = Static<typeof QuoteInput>;

export const QuotePatch = Type.Object(
  {
    start: Type.Optional(SpanInput.start),
    end: Type.Optional(SpanInput.end),
    kind: Type.Optional(QuoteKind),
    speakerEntityId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    speakerMentionId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    unnamedSource: Type.Optional(Type.Union([UnnamedSourceInput, Type.Null()])),
    viaEntityId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    unnamedVia: Type.Optional(Type.Union([UnnamedViaInput, Type.Null()])),
    cue: Type.Optional(Type.Union([CueInput, Type.Null()])),
    reviewStatus: Type.Optional(
      Type.Union([Type.Literal('unreviewed'), Type.Literal('confirmed'), Type.Literal('rejected')]),
    ),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    title: 'QuotePatch',
    description:
      'The fields to change. A new speaker replaces an unnamed source and an unnamed source replaces the speaker (the same for `viaEntityId` and `unnamedVia`); giving both is a 400.',
  },
);
export type QuotePatch = Static<typeof QuotePatch>;

export const MentionInput = Type.Object(
  {
    ...SpanInput,
    kind: Type.Optional(
      Type.Union([Type.Literal('name'), Type.Literal('nominal'), Type.Literal('pronoun')], { default: 'name' }),
    ),
    entityId: Type.Optional(Uuid),
    entity: Type.Optional(NewEntity),
  },
  {
    additionalProperties: false,
    title: 'MentionInput',
    description: `A mention an editor adds, linked to \`entityId\` or to \`entity\` (found or created). ${OFFSET_UNIT_NOTE}`,
  },
);
export type MentionInput = Static<typeof MentionInput>;

export const MentionPatch = Type.Object(
  {
    start: Type.Optional(SpanInput.start),
    end: Type.Optional(SpanInput.end),
    kind: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('nominal'), Type.Literal('pronoun')])),
    entityId: Type.Optional(Uuid),
    entity: Type.Optional(NewEntity),
    reviewStatus: Type.Optional(
      Type.Union([Type.Literal('unreviewed'), Type.Literal('confirmed'), Type.Literal('rejected')]),
    ),
  },
  { additionalProperties: false, minProperties: 1, title: 'MentionPatch', description: 'The fields to change.' },
);
export type MentionPatch = Static<typeof MentionPatch>;

export const RevertInput = Type.Object(
  { eventId: Type.String({ format: 'uuid', maxLength: 36, description: 'The annotation returns to its state just before this event.' }) },
  { additionalProperties: false, title: 'RevertInput' },
);

export const AnnotationEvent = Type.Object(
  {
    id: Uuid,
    articleId: Type.Union([Uuid, Type.Null()]),
    targetType: Type.Union([Type.Literal('article'), Type.Literal('quote'), Type.Literal('mention'), Type.Literal('entity')]),
    targetId: Uuid,
    action: Type.String({ description: 'create, update, delete, revert, revise, merge, rename, orphan' }),
    actor: Type.String({ description: 'Name of the API key that made the change.' }),
    before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    createdAt: Timestamp,
  },
  { additionalProperties: false, title: 'AnnotationEvent' },
);
export type AnnotationEvent = Static<typeof AnnotationEvent>;
export const AnnotationEventPage = Page(AnnotationEvent, 'A page of changes, oldest first.');

export const IncludeQuery = Type.Optional(
  Type.String({
    pattern: '^(rejected|orphaned)(,(rejected|orphaned))?$',
    maxLength: 20,
    description: 'Also list `rejected` and/or `orphaned` annotations (comma-separated).',
  }),
);

export { Mention, Quote, ReviewStatus };
