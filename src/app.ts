import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { Database } from './db/database.js';
import { apiKeyAuth } from './plugins/auth.js';
import { deskRoutes } from './plugins/desk.js';
import { docs } from './plugins/docs.js';
import { etags } from './plugins/etags.js';
import { idempotency } from './plugins/idempotency.js';
import { inputSanitation } from './plugins/input-sanitation.js';
import { answerClientError } from './plugins/client-errors.js';
import { lingeringClose } from './plugins/lingering-close.js';
import { metricsPlugin } from './plugins/metrics.js';
import { perKeyRateLimit } from './plugins/rate-limit.js';
import { readYourWrites } from './plugins/read-your-writes.js';
import { buildResponseSerializer } from './plugins/response-serializer.js';
import { problemErrors, sendProblem } from './plugins/problem-errors.js';
import { ApiError } from './errors.js';
import { Store } from './repositories/store.js';
import { healthRoutes } from './routes/health.js';
import { apiKeyRoutes } from './routes/v1/api-keys.js';
import { articleAnnotationRoutes } from './routes/v1/article-annotations.js';
import { annotationEditingRoutes } from './routes/v1/annotation-editing.js';
import { articleRoutes } from './routes/v1/articles.js';
import { batchRoutes } from './routes/v1/batch.js';
import { entityRoutes } from './routes/v1/entities.js';
import { ProblemDetails } from './schemas/problem.js';
import { ApiKeyService } from './services/api-key-service.js';
import { ArticleService } from './services/article-service.js';
import { CorrectionService } from './services/correction-service.js';
import { EntityService } from './services/entity-service.js';
import { HistoryService } from './services/history-service.js';
import { RevisionService } from './services/revision-service.js';
import { ExportService } from './services/export-service.js';
import { IngestQueue } from './queue/ingest-queue.js';
import { ingestJobRoutes } from './routes/v1/ingest-jobs.js';
import { IngestJobService } from './services/ingest-job-service.js';
import { IngestService } from './services/ingest-service.js';
import { voicesRoutes } from './routes/v1/voices.js';
import { VoicesService } from './services/voices-service.js';

export interface AppOptions {
  database: Database;
  bodyLimit?: number;
  logger?: FastifyServerOptions['logger'];
  /** Where clients reach the service (PUBLIC_BASE_URL): the base of ids in exports; default http://localhost. */
  publicBaseUrl?: string | undefined;
  /** Requests per minute per API key; 0 or absent turns limiting off. */
  rateLimitMax?: number;
  /** How long after a change a client's reads stay on the primary (with a read replica). */
  readYourWritesMs?: number;
  /**
   * Postgres URL for the ingest queue (pg-boss), normally DATABASE_URL. Without it, on the embedded
   * database the server ingests jobs itself; on Postgres POST /v1/ingest-jobs is a 503.
   */
  queueDatabaseUrl?: string | undefined;
  /** The built desk (npm run build:desk); dist/desk by default. */
  deskDir?: string | undefined;
}

// A client's x-request-id is kept when it is a sane token, so logs can be joined across services.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const logRedactPaths = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'];

/** Throws a 400 for a number that is not finite or a string with NUL among parsed request values. */
function checkFiniteAndNulFree(location: 'querystring' | 'params', values: unknown): void {
  if (values === null || typeof values !== 'object') return;
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'number' && !Number.isFinite(item)) {
        throw new ApiError('validation-failed', `${location} /${key}: must be a finite number`);
      }
      if (typeof item === 'string' && item.includes('\u0000')) {
        throw new ApiError('validation-failed', `${location} /${key}: must not contain NUL characters`);
      }
    }
  }
}

/** Builds the service: plugins and routes, no listen(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : uuidv7();
    },
    ajv: {
      // Unknown properties are rejected (400), not silently dropped.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Answers are written by fast-json-stringify, on schemas simplified for writing (nullable
    // fields without a union to try): the same bytes with less work (plugins/response-serializer.ts).
    schemaController: { compilersFactory: { buildSerializer: buildResponseSerializer } },
    // Over-long path parameters (414) and malformed URLs: a 400 problem like any other bad input.
    frameworkErrors: (error, request, reply) => {
      sendProblem(request, reply, 'bad-request', error.message);
    },
    // What Node refuses before Fastify sees a request (a URL or headers over the limit) is a
    // problem+json answer too, not a bare status line.
    clientErrorHandler: answerClientError,
  });

  // Hooks that run on every request and wait for nothing are callback hooks, not async ones (an
  // async hook costs a promise and a microtask turn per request); an error thrown in one is
  // handled as a rejected async hook's is.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  // After validation: ajv coerces "1e309" or "Infinity" to Infinity past integer and maximum
  // checks, and Postgres cannot store NUL (22021). Both would otherwise be 500s further down.
  app.addHook('preHandler', (request, _reply, done) => {
    checkFiniteAndNulFree('querystring', request.query);
    checkFiniteAndNulFree('params', request.params);
    done();
  });

  app.addSchema(ProblemDetails);
  await app.register(problemErrors);
  await app.register(lingeringClose);
  await app.register(inputSanitation);
  await app.register(docs);
  await app.register(etags);

  const store = new Store(options.database);
  const articles = new ArticleService(store);
  const ingest = new IngestService(store);
  const apiKeys = new ApiKeyService(store, { listen: (channel, handler) => options.database.listen(channel, handler) });
  app.addHook('onClose', async () => apiKeys.close());
  const corrections = new CorrectionService(store);
  const history = new HistoryService(store);
  const entities = new EntityService(store);
  const revisions = new RevisionService(store);
  const exports = new ExportService(store);
  const queue = options.queueDatabaseUrl ? new IngestQueue({ connectionString: options.queueDatabaseUrl }) : null;
  const ingestJobs = new IngestJobService(store, ingest, queue, {
    inProcess: !queue && options.database.kind === 'embedded',
    log: app.log,
  });
  app.addHook('onReady', async () => ingestJobs.resumeInProcess());
  app.addHook('onClose', async () => {
    await ingestJobs.stopInProcess();
    await queue?.stop();
  });
  await app.register(metricsPlugin, { queueDepth: () => ingestJobs.queueDepth() });

  await app.register(healthRoutes, { database: options.database });
  await app.register(deskRoutes, { dir: options.deskDir });
  await app.register(
    async (v1) => {
      await v1.register(apiKeyAuth, { apiKeys });
      if (options.database.replica) await v1.register(readYourWrites, { windowMs: options.readYourWritesMs ?? 10_000 });
      await v1.register(perKeyRateLimit, { max: options.rateLimitMax ?? 0 });
      await v1.register(idempotency, { records: store.repositories.idempotency });
      await v1.register(apiKeyRoutes, { apiKeys });
      await v1.register(articleRoutes, { articles, ingest, revisions, exports, publicBaseUrl: (options.publicBaseUrl ?? 'http://localhost').replace(/\/+$/, '') });
      await v1.register(batchRoutes, { ingest });
      await v1.register(ingestJobRoutes, { jobs: ingestJobs });
      await v1.register(articleAnnotationRoutes, { articles });
      await v1.register(annotationEditingRoutes, { corrections, history });
      await v1.register(entityRoutes, { entities });
      await v1.register(voicesRoutes, { voices: new VoicesService(store) });
    },
    { prefix: '/v1' },
  );
  return app;
}
