import { Type, type Static } from 'typebox';
import { EntityGender, EntityType, Gender, QuoteKindFilter } from './annotations.js';
import { Page, Timestamp, Uuid } from './common.js';

export const Entity = Type.Object(
  {
    id: Uuid,
    version: Type.Integer({
      minimum: 1,
      description: 'Bumped on every rename, merge or change of gender; the ETag is `"<version>"`.',
    }),
    type: EntityType,
    canonicalName: Type.String(),
    ...EntityGender,
    aliases: Type.Array(Type.String(), { description: 'Other names seen for the entity.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false, title: 'Entity' },
);
export type Entity = Static<typeof Entity>;

export const EntityDetail = Type.Object(
  {
    ...Entity.properties,
    counts: Type.Object(
      {
        mentions: Type.Integer({ minimum: 0 }),
        articles: Type.Integer({ minimum: 0 }),
        quotes: Type.Integer({ minimum: 0, description: 'Quotes attributed to the entity.' }),
      },
      { additionalProperties: false },
    ),
    articles: Type.Array(
      Type.Object({ id: Uuid, headline: Type.Union([Type.String(), Type.Null()]), createdAt: Timestamp }, { additionalProperties: false }),
      { description: 'The newest articles that name the entity (up to 20); `GET /v1/articles?entity=` pages through all.' },
    ),
  },
  { additionalProperties: false, title: 'EntityDetail' },
);
export type EntityDetail = Static<typeof EntityDetail>;

export const EntityPage = Page(Entity, 'A page of entities: best match first when searching, by id otherwise.');

export const EntityListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Name to search: prefix and fuzzy matches over canonical names and aliases.' })),
    type: Type.Optional(EntityType),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type EntityListQuery = Static<typeof EntityListQuery>;

export const EntityPatch = Type.Object(
  {
    canonicalName: Type.Optional(Type.String({ minLength: 1, maxLength: 300, pattern: '\\S', description: 'The new name (not only blanks); the old name stays an alias.' })),
    gender: Type.Optional(
      Type.Union(Gender.anyOf, {
        description: "A person's gender as the editor knows it (PERSON only, a 422 otherwise); estimates from later articles never override it.",
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1, title: 'EntityPatch', description: "Rename an entity, or set a person's gender." },
);
export type EntityPatch = Static<typeof EntityPatch>;

export const EntityMergeInput = Type.Object(
  { entityId: Type.String({ format: 'uuid', maxLength: 36, description: 'The entity to merge into this one; it is deleted.' }) },
  { additionalProperties: false, title: 'EntityMergeInput' },
);

export const QuoteSearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description:
          'Full-text search (web search syntax: words, "phrases", -not, or). The newest 1,000 matching quotes are ranked by relevance; narrow with `speaker`, `since` and `until` to reach older ones.',
      }),
    ),
    speaker: Type.Optional(Type.String({ format: 'uuid', maxLength: 36, description: 'Only quotes of this speaker entity.' })),
    kind: Type.Optional(QuoteKindFilter),
    since: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'Quotes stored at or after this time.' })),
    until: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'Quotes stored before this time.' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type QuoteSearchQuery = Static<typeof QuoteSearchQuery>;
