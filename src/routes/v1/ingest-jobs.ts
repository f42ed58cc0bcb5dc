import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/auth.js';
import { IdParams } from '../../schemas/common.js';
import { IngestJob, IngestJobItemPage, IngestJobItemQuery } from '../../schemas/ingest-jobs.js';
import { problemResponses } from '../../schemas/problem.js';
import {
  INGEST_JOB_BODY_LIMIT,
  INGEST_JOB_CHUNK_SIZE,
  INGEST_JOB_MAX_ITEMS,
  type IngestJobService,
} from '../../services/ingest-job-service.js';
import { acceptArticleLinesJson, ArticleLines, ndjsonOf } from './article-lines.js';
import { acceptNdjsonOnly, NDJSON_MEDIA_TYPE } from './ndjson.js';
import { linkNextPage } from './pagination.js';

export interface IngestJobRoutesOptions {
  jobs: IngestJobService;
}

const NdjsonBody = Type.String({
  minLength: 1,
  maxLength: INGEST_JOB_BODY_LIMIT,
  examples: [
    [
      { headline: 'Harbour reopens', body: '"We are relieved," said the harbour master.', source: 'Example Wire', externalId: 'ew-1' },
      { headline: 'Port strike ends', body: 'Dock workers returned on Monday, the union said.', source: 'Example Wire', externalId: 'ew-2' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  ],
  description: `Newline-delimited JSON: one article per line, each in the \`application/json\` shape of \`createArticle\`. Blank lines are skipped. At most ${INGEST_JOB_MAX_ITEMS} articles and ${INGEST_JOB_BODY_LIMIT / 1024 / 1024} MiB per job.`,
});

/** POST /ingest-jobs, GET /ingest-jobs/{id}, GET /ingest-jobs/{id}/items. */
export async function ingestJobRoutes(app: FastifyInstance, options: IngestJobRoutesOptions): Promise<void> {
  const { jobs } = options;
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const ndjsonOnly = acceptNdjsonOnly(app, INGEST_JOB_BODY_LIMIT, 'job');
  acceptArticleLinesJson(app);

  api.post(
    '/ingest-jobs',
    {
      bodyLimit: INGEST_JOB_BODY_LIMIT,
      onRequest: ndjsonOnly,
      schema: {
        operationId: 'createIngestJob',
        tags: ['ingest-jobs'],
        summary: 'Queue a large NDJSON import',
        description: `Stores up to ${INGEST_JOB_MAX_ITEMS} articles, one JSON article per line, as a job for the queue workers (\`npm run worker\`) and answers at once with 202, the job and its \`Location\`. Workers ingest the lines in chunks of ${INGEST_JOB_CHUNK_SIZE}, each article exactly as \`createArticle\` would in its own transaction; follow the job with \`getIngestJob\` until its state is \`done\`. A line that fails never stops the others; a worker that dies leaves its chunk to another worker and no line is ingested or counted twice. On the embedded database (no \`DATABASE_URL\`) there are no queue workers: the server ingests the job itself, in the background, and resumes it after a restart.`,
        body: {
          content: { [NDJSON_MEDIA_TYPE]: { schema: NdjsonBody }, 'application/json': { schema: ArticleLines(INGEST_JOB_MAX_ITEMS) } },
        },
        response: {
          202: { ...IngestJob, description: 'Queued; `Location` names the job.' },
          ...problemResponses('validation-failed', 'empty-body', 'payload-too-large', 'unsupported-media-type', 'service-unavailable'),
        },
      },
    },
    async (request, reply) => {
      const job = await jobs.create(ndjsonOf(request.body), actorOf(request));
      reply.header('location', `/v1/ingest-jobs/${job.id}`);
      return reply.code(202).send(job);
    },
  );

  api.get(
    '/ingest-jobs/:id',
    {
      schema: {
        operationId: 'getIngestJob',
        tags: ['ingest-jobs'],
        summary: 'Follow an ingest job',
        description:
          'The job’s state, its counts (`pending`, `created`, `existing`, `failed`, adding up to `total`) and its first failed lines with their problem.',
        params: IdParams,
        response: { 200: IngestJob, ...problemResponses('validation-failed', 'not-found') },
      },
    },
    async (request) => jobs.get(request.params.id),
  );

  api.get(
    '/ingest-jobs/:id/items',
    {
      schema: {
        operationId: 'listIngestJobItems',
        tags: ['ingest-jobs'],
        summary: 'List the lines of an ingest job',
        description:
          'Each line’s status, stored article and problem, in line order; `status=failed` lists every failed line. Cursor pagination (`limit`, `cursor`; the next cursor in `nextCursor` and in a `Link` header).',
        params: IdParams,
        querystring: IngestJobItemQuery,
        response: { 200: IngestJobItemPage, ...problemResponses('validation-failed', 'invalid-cursor', 'not-found') },
      },
    },
    async (request, reply) => {
      const page = await jobs.items(request.params.id, request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );
}
