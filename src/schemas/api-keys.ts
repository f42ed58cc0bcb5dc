import { Type, type Static } from 'typebox';
import { Page, Timestamp, Uuid } from './common.js';

export const ApiKeyScope = Type.Union([Type.Literal('read'), Type.Literal('write'), Type.Literal('admin')], {
  description: '`read` reads everything; `write` also ingests and edits annotations; `admin` also manages keys.',
});
export type ApiKeyScope = Static<typeof ApiKeyScope>;

export const ApiKey = Type.Object(
  {
    id: Uuid,
    name: Type.String({ description: 'Recorded as the actor of every change made with the key.' }),
    prefix: Type.String({ description: 'The first characters of the key, to tell keys apart.' }),
    scopes: Type.Array(ApiKeyScope),
    createdAt: Timestamp,
  },
  { additionalProperties: false, title: 'ApiKey' },
);
export type ApiKey = Static<typeof ApiKey>;

export const CreatedApiKey = Type.Object(
  { ...ApiKey.properties, key: Type.String({ description: 'The secret key. Shown once: store it now.' }) },
  { additionalProperties: false, title: 'CreatedApiKey' },
);
export type CreatedApiKey = Static<typeof CreatedApiKey>;

export const ApiKeyInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9 ._@-]*$' }),
    scopes: Type.Array(ApiKeyScope, { minItems: 1, maxItems: 3, uniqueItems: true }),
  },
  { additionalProperties: false, title: 'ApiKeyInput' },
);

export const ApiKeyPage = Page(ApiKey, 'A page of active API keys, newest first.');
