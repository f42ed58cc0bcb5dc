import { Type, type Static } from 'typebox';
import { Page, Timestamp, Uuid } from './common.js';

/** A problem+json body, as stored for a failed item (the shape of `ProblemDetails`). */
export interface IngestJobProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

export const IngestJobState = Type.Union(
  [Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')],
  {
    description:
      '`queued`: no worker has started it; `running`: workers are ingesting its articles; `done`: every line was ingested or failed (see `counts`); `failed`: reserved for a job the queue could not run at all.',
  },
);

export const IngestJobItemStatus = Type.Union(
  [Type.Literal('pending'), Type.Literal('created'), Type.Literal('existing'), Type.Literal('failed')],
  {
    description:
      '`pending`: not ingested yet; `created`: stored by this job; `existing`: the same article was already stored, nothing written; `failed`: see `problem`.',
  },
);

const ItemError = Type.Object(
  {
    index: Type.Integer({ minimum: 0, description: '0-based position of the article among the non-blank lines.' }),
    line: Type.Integer({ minimum: 1, description: '1-based line number in the request body.' }),
    problem: Type.Ref('ProblemDetails'),
  },
  { additionalProperties: false },
);

export const IngestJob = Type.Object(
  {
    id: Uuid,
    state: IngestJobState,
    counts: Type.Object(
      {
        total: Type.Integer({ minimum: 0, description: 'Articles (non-blank lines) in the job.' }),
        pending: Type.Integer({ minimum: 0 }),
        created: Type.Integer({ minimum: 0 }),
        existing: Type.Integer({ minimum: 0 }),
        failed: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false, description: '`pending + created + existing + failed = total`.' },
    ),
    createdBy: Type.String({ description: 'The name of the API key that posted the job.' }),
    createdAt: Timestamp,
    startedAt: Type.Union([Timestamp, Type.Null()]),
    finishedAt: Type.Union([Timestamp, Type.Null()]),
    errors: Type.Array(ItemError, {
      description: 'The first 100 failed lines with their problem, in line order; all are in the items list.',
    }),
    errorsTruncated: Type.Boolean({ description: 'True when more lines failed than `errors` lists.' }),
  },
  {
    additionalProperties: false,
    title: 'IngestJob',
    description: 'A queued NDJSON import and what became of its lines so far.',
    examples: [
      {
        id: '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11',
        state: 'done',
        counts: { total: 3, pending: 0, created: 1, existing: 1, failed: 1 },
        createdBy: 'archive-import',
        createdAt: '2026-11-29T10:00:00.000Z',
        startedAt: '2026-11-29T10:00:01.000Z',
        finishedAt: '2026-11-29T10:00:02.000Z',
        errors: [
          {
            index: 2,
            line: 3,
            problem: {
              type: 'urn:news-annotations:problem:validation-failed',
              title: 'The request is not valid',
              status: 400,
              detail: '/body: is required',
              errors: [{ location: 'body', pointer: '/body', message: 'is required' }],
            },
          },
        ],
        errorsTruncated: false,
      },
    ],
  },
);
export type IngestJob = Omit<Static<typeof IngestJob>, 'errors'> & {
  errors: { index: number; line: number; problem: IngestJobProblem }[];
};

export const IngestJobItem = Type.Object(
  {
    index: Type.Integer({ minimum: 0 }),
    line: Type.Integer({ minimum: 1 }),
    status: IngestJobItemStatus,
    articleId: Type.Union([Uuid, Type.Null()], { description: 'The stored article (`created` and `existing`).' }),
    problem: Type.Union([Type.Ref('ProblemDetails'), Type.Null()], { description: 'Why the line failed.' }),
  },
  { additionalProperties: false, title: 'IngestJobItem' },
);

export const IngestJobItemPage = Page(IngestJobItem, 'A page of a job’s lines in line order.');
export type IngestJobItemPage = {
  items: {
    index: number;
    line: number;
    status: Static<typeof IngestJobItemStatus>;
    articleId: string | null;
    problem: IngestJobProblem | null;
  }[];
  nextCursor: string | null;
};

export const IngestJobItemQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Items per page.' }),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Opaque cursor from `nextCursor` (or the `Link: rel="next"` header) of the previous page.',
      }),
    ),
    status: Type.Optional(IngestJobItemStatus),
  },
  { additionalProperties: false },
);
