import { Type, type TSchema } from 'typebox';

export const OFFSET_UNIT_NOTE =
  'Offsets count Unicode code points (not UTF-16 units, not bytes) into the article text, half-open [start, end).';

export const Uuid = Type.String({
  format: 'uuid',
  maxLength: 36,
  description: 'A UUID (version 7 for ids this service creates).',
  examples: ['01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11'],
});

export const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });

export const Span = Type.Object(
  {
    start: Type.Integer({ minimum: 0, description: 'First code point of the span.' }),
    end: Type.Integer({ minimum: 0, description: 'Code point just after the span.' }),
    text: Type.String({ description: 'The spanned text, so a client can check the offsets.' }),
  },
  { additionalProperties: false, description: `A text span. ${OFFSET_UNIT_NOTE}` },
);

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const PageQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Items per page.' }),
    cursor: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Opaque cursor from `nextCursor` (or the `Link: rel="next"` header) of the previous page.',
    }),
  },
  { additionalProperties: false },
);

/** A page of items: `nextCursor` is null on the last page. */
export function Page<T extends TSchema>(item: T, description: string) {
  return Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as `cursor` to get the next page; null on the last page.',
      }),
    },
    { additionalProperties: false, description },
  );
}

export const Provenance = Type.Object(
  {
    origin: Type.Union([Type.Literal('machine'), Type.Literal('editor')]),
    pipelineVersion: Type.Union([Type.String(), Type.Null()], {
      description: 'Version of the annotation pipeline that made it (null for editor annotations).',
    }),
    reviewStatus: Type.Union([
      Type.Literal('unreviewed'),
      Type.Literal('confirmed'),
      Type.Literal('rejected'),
      Type.Literal('orphaned'),
    ]),
    updatedBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false },
);
