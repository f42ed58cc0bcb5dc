import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { admitWholeBodies } from '../../plugins/whole-body-admission.js';
import { Uuid } from '../../schemas/common.js';
import { problemResponses } from '../../schemas/problem.js';
import { BATCH_BODY_LIMIT, BATCH_MAX_ITEMS, BatchService } from '../../services/batch-service.js';
import type { IngestService } from '../../services/ingest-service.js';
import { acceptArticleLinesJson, ArticleLines, linesOfBody } from './article-lines.js';
import { acceptNdjsonOnly, NDJSON_MEDIA_TYPE } from './ndjson.js';

export interface BatchRoutesOptions {
  ingest: IngestService;
}

const BatchItem = Type.Object(
  {
    index: Type.Integer({ minimum: 0, description: '0-based position of the article among the non-blank lines.' }),
    line: Type.Integer({ minimum: 1, description: '1-based line number in the request body.' }),
    status: Type.Union([Type.Literal('created'), Type.Literal('existing'), Type.Literal('failed')], {
      description:
        '`created`: stored now; `existing`: already stored, nothing written; `failed`: see `problem` (the word ingest-job items use; before 0.2 a batch said `error`).',
    }),
    id: Type.Optional(Uuid),
    problem: Type.Optional(Type.Ref('ProblemDetails')),
  },
  { additionalProperties: false },
);

const BatchResult = Type.Object(
  {
    counts: Type.Object(
      {
        created: Type.Integer({ minimum: 0 }),
        existing: Type.Integer({ minimum: 0 }),
        failed: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    items: Type.Array(BatchItem, { description: 'One result per article, in line order.' }),
  },
  {
    additionalProperties: false,
    title: 'BatchResult',
    description: 'What became of each line.',
    examples: [
      {
        counts: { created: 1, existing: 1, failed: 1 },
        items: [
          { index: 0, line: 1, status: 'created', id: '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11' },
          { index: 1, line: 2, status: 'existing', id: '01936f6e-1a2b-7c3d-8e4f-5a6b7c8d9e0f' },
          {
            index: 2,
            line: 3,
            status: 'failed',
            problem: {
              type: 'urn:news-annotations:problem:validation-failed',
              title: 'The request is not valid',
              status: 400,
              detail: '/body: is required',
              errors: [{ location: 'body', pointer: '/body', message: 'is required' }],
            },
          },
        ],
      },
    ],
  },
);

const NdjsonBody = Type.String({
  minLength: 1,
  examples: [
    [
      { headline: "N.Korea's Kim to Putin: US acted in 'bad faith' at Hanoi talks", body: 'VLADIVOSTOK (AFP) - At his first summit with Russia s Vladimir Putin, North Korean leader Kim Jong Un accused the United States of acting in "bad faith" at their most recent talks, state media in Pyongyang said Friday.', source: 'Dunya News', externalId: 'dunya-2019-04-26-kim-putin' },
      { headline: 'Harbour reopens', body: '"We are relieved," said the harbour master.', source: 'Example Wire', externalId: 'ew-1' },
      { headline: 'A line without a body' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  ],
  maxLength: BATCH_BODY_LIMIT,
  description: `Newline-delimited JSON: one article per line, each in the \`application/json\` shape of \`createArticle\` (\`headline\`, \`body\`, optional \`source\`, \`externalId\`, \`url\`, \`publishedAt\`, \`language\`). Blank lines are skipped. At most ${BATCH_MAX_ITEMS} articles and ${BATCH_BODY_LIMIT / 1024 / 1024} MiB per batch.`,
});

/** POST /articles:batch — NDJSON in, one result per line out. */
export async function batchRoutes(app: FastifyInstance, options: BatchRoutesOptions): Promise<void> {
  const batches = new BatchService(options.ingest);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const ndjsonOnly = acceptNdjsonOnly(app, BATCH_BODY_LIMIT, 'batch');
  acceptArticleLinesJson(app);
  // Both forms are read whole and held while the batch runs: large ones take turns.
  const admitLarge = admitWholeBodies(() => true, 'Or queue the articles as an ingest job (POST /v1/ingest-jobs, NDJSON), which is read line by line.');

  // `::` is Fastify's escape for a literal colon: this route is /articles:batch.
  api.post(
    '/articles::batch',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      onRequest: [ndjsonOnly, admitLarge],
      schema: {
        operationId: 'batchCreateArticles',
        tags: ['articles'],
        summary: 'Ingest many articles from NDJSON',
        description: `Ingests up to ${BATCH_MAX_ITEMS} articles, one JSON article per line, each in its own transaction exactly as \`createArticle\` would: a bad line gets a \`failed\` result with its problem and never stops the others. The answer is 200 with one result per line, in line order: \`created\`, \`existing\` (the same article was already stored) or \`failed\`. A body that is empty or holds more than ${BATCH_MAX_ITEMS} articles is refused as a whole.`,
        body: {
          content: { [NDJSON_MEDIA_TYPE]: { schema: NdjsonBody }, 'application/json': { schema: ArticleLines(BATCH_MAX_ITEMS) } },
        },
        response: {
          200: BatchResult,
          ...problemResponses('validation-failed', 'empty-body', 'payload-too-large', 'unsupported-media-type', 'service-unavailable'),
        },
      },
    },
    async (request) => batches.run(linesOfBody(request.body), request.log),
  );
}
