import { Type, type Static } from 'typebox';

// The subset of IPTC ninjs 3.1 this service writes (schema: ninjs-schema_3.1.json).
const NinjsConcept = Type.Object(
  {
    name: Type.String(),
    rel: Type.Optional(Type.String()),
    uri: Type.Optional(Type.String()),
    literal: Type.Optional(Type.String()),
    relevance: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const NinjsDocument = Type.Object(
  {
    uri: Type.String({ description: 'urn:uuid of the article.' }),
    type: Type.Literal('text'),
    version: Type.String({ description: 'The article version.' }),
    firstCreated: Type.String({ format: 'date-time' }),
    versionCreated: Type.String({ format: 'date-time' }),
    contentCreated: Type.Optional(Type.String({ format: 'date-time' })),
    language: Type.Optional(Type.String()),
    headlines: Type.Array(Type.Object({ role: Type.String(), value: Type.String() }, { additionalProperties: false })),
    descriptions: Type.Optional(
      Type.Array(Type.Object({ role: Type.String(), value: Type.String() }, { additionalProperties: false })),
    ),
    bodies: Type.Array(
      Type.Object({ role: Type.String(), contentType: Type.String(), value: Type.String() }, { additionalProperties: false }),
    ),
    by: Type.Optional(Type.String()),
    located: Type.Optional(Type.String()),
    people: Type.Array(NinjsConcept),
    organisations: Type.Array(NinjsConcept),
    places: Type.Array(NinjsConcept),
    subjects: Type.Array(NinjsConcept),
    infoSources: Type.Optional(Type.Array(Type.Object({ name: Type.String(), role: Type.String() }, { additionalProperties: false }))),
    altIds: Type.Optional(Type.Array(Type.Object({ role: Type.String(), value: Type.String() }, { additionalProperties: false }))),
  },
  {
    additionalProperties: false,
    title: 'NinjsDocument',
    description: 'The article as an IPTC ninjs 3.1 news item, with its entities as people, organisations, places and subjects.',
  },
);
export type NinjsDocument = Static<typeof NinjsDocument>;

// W3C Web Annotation Data Model (JSON-LD, context http://www.w3.org/ns/anno.jsonld).
const Selector = Type.Union([
  Type.Object(
    { type: Type.Literal('TextPositionSelector'), start: Type.Integer(), end: Type.Integer() },
    { additionalProperties: false, description: 'Code-point offsets into the article text.' },
  ),
  Type.Object(
    { type: Type.Literal('TextQuoteSelector'), exact: Type.String(), prefix: Type.String(), suffix: Type.String() },
    { additionalProperties: false },
  ),
]);

const Body = Type.Object(
  {
    type: Type.String(),
    purpose: Type.String(),
    value: Type.Optional(Type.String()),
    source: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const WebAnnotation = Type.Object(
  {
    id: Type.String(),
    type: Type.Literal('Annotation'),
    motivation: Type.String(),
    created: Type.String({ format: 'date-time' }),
    modified: Type.String({ format: 'date-time' }),
    creator: Type.Object({ type: Type.String(), name: Type.String() }, { additionalProperties: false }),
    body: Type.Array(Body),
    target: Type.Object(
      { source: Type.String(), selector: Type.Array(Selector) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'WebAnnotation' },
);

export const AnnotationPage = Type.Object(
  {
    '@context': Type.Optional(Type.Literal('http://www.w3.org/ns/anno.jsonld')),
    id: Type.String(),
    type: Type.Literal('AnnotationPage'),
    partOf: Type.String(),
    startIndex: Type.Integer({ minimum: 0 }),
    next: Type.Optional(Type.String()),
    prev: Type.Optional(Type.String()),
    items: Type.Array(WebAnnotation),
  },
  { additionalProperties: false, title: 'AnnotationPage' },
);
export type AnnotationPage = Static<typeof AnnotationPage>;

export const AnnotationCollection = Type.Object(
  {
    '@context': Type.Literal('http://www.w3.org/ns/anno.jsonld'),
    id: Type.String(),
    type: Type.Literal('AnnotationCollection'),
    label: Type.String(),
    total: Type.Integer({ minimum: 0 }),
    first: AnnotationPage,
    last: Type.String(),
  },
  {
    additionalProperties: false,
    title: 'AnnotationCollection',
    description: 'W3C Web Annotation collection: quotes and entity mentions with TextPositionSelector and TextQuoteSelector.',
  },
);
export type AnnotationCollection = Static<typeof AnnotationCollection>;
