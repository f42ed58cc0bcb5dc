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
    people: Type.Array(NinjsConcept, { description: 'PERSON entities.' }),
    organisations: Type.Array(NinjsConcept, { description: 'ORG entities.' }),
    places: Type.Array(NinjsConcept, { description: 'LOC and FAC entities (places, and buildings, airports, roads, bridges).' }),
    events: Type.Array(NinjsConcept, { description: 'EVENT entities.' }),
    objects: Type.Array(NinjsConcept, { description: 'PRODUCT entities (products, vehicles, spacecraft).' }),
    subjects: Type.Array(NinjsConcept, {
      description: 'Every entity, with its relevance; NORP, WORK_OF_ART and LAW entities appear only here.',
    }),
    infoSources: Type.Optional(Type.Array(Type.Object({ name: Type.String(), role: Type.String() }, { additionalProperties: false }))),
    altIds: Type.Optional(Type.Array(Type.Object({ role: Type.String(), value: Type.String() }, { additionalProperties: false }))),
  },
  {
    additionalProperties: false,
    title: 'NinjsDocument',
    description:
      'The article as an IPTC ninjs 3.1 news item. Its entities are people, organisations, places, events, objects and subjects; each has `rel` `quoted` when it is the source of an attribution (direct, mixed or indirect speech), `mentioned` otherwise, and `literal` its entity type. Unnamed sources ("officials") are `infoSources` with role `unnamed source`.',
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
    selector: Type.Optional(Type.Array(Selector, { description: 'Words of the article (an unnamed source, a cue).' })),
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
    description:
      'W3C Web Annotation collection: attributions and entity mentions with TextPositionSelector and TextQuoteSelector. An attribution (motivation `describing`) targets its content; its bodies are a `describing` TextualBody (a sentence for people), a `classifying` TextualBody with its kind (`direct`, `mixed`, `indirect`), its source as an `identifying` SpecificResource (the entity, or the article with a selector on the words of an unnamed source), the relay as a `linking` SpecificResource (the entity, or the article with a selector on the words of an unnamed relay), and the cue as a `describing` SpecificResource on the article with a selector. A mention (motivation `identifying`) has its entity (`identifying`) and type (`classifying`).',
  },
);
export type AnnotationCollection = Static<typeof AnnotationCollection>;
