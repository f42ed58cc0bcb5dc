// The part of IPTC ninjs 3.x (https://iptc.org/std/ninjs/) this service reads, as a TypeBox schema.
// Every other ninjs 3.1 property is accepted and ignored (real feeds carry subjects, people,
// renditions...); properties ninjs does not define are rejected. The ninjs 1.x/2.x body fields
// (`body_text`, `body_xhtml`, `body_html`, `headline`) are accepted too: feeds still send them.

import { Type, type Static } from 'typebox';

const text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) });

const Headline = Type.Object(
  {
    role: Type.Optional(text(100)),
    contentType: Type.Optional(text(200)),
    value: text(1000),
  },
  { additionalProperties: false },
);

const Body = Type.Object(
  {
    role: Type.Optional(text(100)),
    contentType: Type.Optional(
      text(200, '`text/plain` for body text; `application/xhtml+xml`, `text/html` or `body_xhtml` for markup.'),
    ),
    charCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    wordCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    value: text(2_000_000),
  },
  { additionalProperties: false },
);

const InfoSource = Type.Object(
  {
    name: Type.Optional(text(200)),
    role: Type.Optional(text(200)),
    uri: Type.Optional(text(2000)),
    literal: Type.Optional(text(500)),
    contactInfo: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 100 })),
  },
  { additionalProperties: false },
);

/** ninjs 3.1 properties this service does not read; present or not, they do not change the article. */
export const NINJS_IGNORED_PROPERTIES = [
  'representationType', 'profile', 'version', 'firstCreated', 'contentCreated', 'embargoedUntil', 'pubStatus',
  'urgency', 'copyrightNotice', 'usageTerms', 'edNote', 'descriptions', 'people', 'organisations', 'places',
  'subjects', 'events', 'eventDetails', 'plannedCoverage', 'objects', 'title', 'slugline', 'renditions',
  'associations', 'altIds', 'trustIndicators', 'standard', 'genres', 'expires', 'rightsInfo', 'digitalSourceType',
] as const;

export const NinjsInput = Type.Object(
  {
    uri: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'The global identifier of the news object; stored as the external id.',
    }),
    type: Type.Optional(text(50, 'Only `text` items are articles; pictures, video and the rest are a 422.')),
    versionCreated: Type.Optional(Type.String({ maxLength: 40, description: 'Stored as the publication time.' })),
    firstCreated: Type.Optional(Type.String({ maxLength: 40 })),
    language: Type.Optional(text(35)),
    headlines: Type.Optional(Type.Array(Headline, { maxItems: 20 })),
    bodies: Type.Optional(Type.Array(Body, { maxItems: 20 })),
    by: Type.Optional(text(500, 'The byline.')),
    located: Type.Optional(text(200, 'Where the story was filed.')),
    copyrightHolder: Type.Optional(text(200)),
    infoSources: Type.Optional(Type.Array(InfoSource, { maxItems: 50 })),
    // ninjs 1.x / 2.x
    headline: Type.Optional(text(1000)),
    body_text: Type.Optional(text(2_000_000)),
    body_xhtml: Type.Optional(text(2_000_000)),
    body_html: Type.Optional(text(2_000_000)),
    ...Object.fromEntries(NINJS_IGNORED_PROPERTIES.map((name) => [name, Type.Optional(Type.Unknown())])),
  },
  {
    additionalProperties: false,
    title: 'NinjsInput',
    description:
      'An IPTC ninjs 3.x text item: `headlines` (the `main` one, else the first), `bodies` (markup with paragraphs is preferred over plain text), `by`, `located`, `uri` as the external id, `versionCreated` as the publication time.',
  },
);
export type NinjsInput = Static<typeof NinjsInput>;
