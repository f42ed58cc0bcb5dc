import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ApiError } from '../../errors.js';
import { actorOf } from '../../plugins/auth.js';
import { admitWholeBodies } from '../../plugins/whole-body-admission.js';
import { IdParams } from '../../schemas/common.js';
import { IngestJob, IngestJobItemPage, IngestJobItemQuery } from '../../schemas/ingest-jobs.js';
import { problemResponses } from '../../schemas/problem.js';
import {
  INGEST_JOB_BODY_LIMIT,
  INGEST_JOB_CHUNK_SIZE,
  INGEST_JOB_LINE_LIMIT,
  INGEST_JOB_MAX_ITEMS,
  type IngestJobService,
} from '../../services/ingest-job-service.js';
import { linesOfArticles, readNdjsonLines } from '../../services/ndjson-stream.js';
import { mediaTypeOf } from '../../formats/index.js';
import { acceptArticleLinesJson, ARTICLE_LINES_JSON_LIMIT, ArticleLines } from './article-lines.js';
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

  // NDJSON is read line by line into the job as it arrives; the JSON form is parsed whole, so only
  // a few are read at once.
  const ndjsonOnly = acceptNdjsonOnly(app, INGEST_JOB_BODY_LIMIT, 'job', { stream: true });
  acceptArticleLinesJson(app);
  const isJson = (request: FastifyRequest) => mediaTypeOf(request.headers['content-type']) === 'application/json';
  const ndjsonHint = `Or send the job as ${NDJSON_MEDIA_TYPE}, which is read line by line (up to ${INGEST_JOB_BODY_LIMIT / 1024 / 1024} MiB).`;
  const admitJson = admitWholeBodies(isJson, ndjsonHint);
  // The route's bodyLimit is the JSON form's (the NDJSON stream bounds itself); a declared length
  // over it is refused here, before a byte is read, with the way to send more.
  const refuseLargeJson = async (request: FastifyRequest) => {
    if (isJson(request) && Number(request.headers['content-length']) > ARTICLE_LINES_JSON_LIMIT) {
      throw new ApiError('payload-too-large', `The JSON form holds at most ${ARTICLE_LINES_JSON_LIMIT / 1024 / 1024} MiB: it is parsed whole. ${ndjsonHint}`);
    }
  };

  api.post(
    '/ingest-jobs',
    {
      bodyLimit: ARTICLE_LINES_JSON_LIMIT,
      onRequest: [ndjsonOnly, refuseLargeJson, admitJson],
      // The NDJSON body is a stream here, checked line by line as it is read; the JSON form's
      // validation error is thrown below.
      attachValidation: true,
      schema: {
        operationId: 'createIngestJob',
        tags: ['ingest-jobs'],
        summary: 'Queue a large NDJSON import',
        description: `Stores up to ${INGEST_JOB_MAX_ITEMS} articles, one JSON article per line, as a job for the queue workers (\`npm run worker\`) and answers with 202, the job and its \`Location\`, once the body is in. An NDJSON body (up to ${INGEST_JOB_BODY_LIMIT / 1024 / 1024} MiB) is stored line by line as it arrives, never held whole; a line that breaks the text policy, or is longer than ${INGEST_JOB_LINE_LIMIT / 1024 / 1024} MiB, fails alone at once; a body cut off or refused leaves no job. The JSON form is parsed whole, so it is bounded to ${ARTICLE_LINES_JSON_LIMIT / 1024 / 1024} MiB and a few are read at a time (a 503 with \`Retry-After\` when others are). Workers ingest the lines in chunks of ${INGEST_JOB_CHUNK_SIZE}, each article exactly as \`createArticle\` would in its own transaction; follow the job with \`getIngestJob\` until its state is \`done\`. A line that fails never stops the others; a worker that dies leaves its chunk to another worker and no line is ingested or counted twice. On the embedded database (no \`DATABASE_URL\`) there are no queue workers: the server ingests the job itself, in the background, and resumes it after a restart.`,
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
      const body: unknown = request.body;
      if (!(body instanceof Readable) && request.validationError) throw request.validationError;
      const lines = body instanceof Readable ? readNdjsonLines(body, INGEST_JOB_LINE_LIMIT) : linesOfArticles((body as { articles: unknown[] }).articles);
      const job = await jobs.create(lines, actorOf(request)).catch((error: unknown) => {
        // A client that went away mid-body: nothing was stored, and it is no fault of ours.
        if (request.raw.destroyed && !(error instanceof ApiError)) throw new ApiError('bad-request', 'The body was cut off before its end.');
        throw error;
      });
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
