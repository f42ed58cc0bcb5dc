// @ts-check
// The server side of `npm run bench`: the service as `npm start` runs it (compiled, from dist/,
// plain Node with the same heap flags), plus two reference routes registered on the same Fastify
// app that answer the same data with one SQL statement through a raw `pg` pool and nothing else.
// Plain JavaScript on purpose: a TypeScript loader in this process would be measured as well.
// Started by scripts/bench.ts with DATABASE_URL set; sends {port} to its parent over IPC.
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../dist/app.js';
import { openDatabase } from '../dist/db/database.js';
import { Store } from '../dist/repositories/store.js';
import { ApiKeyService } from '../dist/services/api-key-service.js';

const databaseUrl = /** @type {string} */ (process.env.DATABASE_URL);
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const database = await openDatabase({ databaseUrl, poolSize });
await database.migrate();
await new ApiKeyService(new Store(database)).ensureAdminKey(/** @type {string} */ (process.env.BENCH_ADMIN_KEY));
const app = await buildApp({
  database,
  logger: { level: process.env.BENCH_LOG_LEVEL ?? 'info', stream: pino.destination({ dest: process.env.BENCH_LOG_FILE ?? '/dev/null', sync: false }) },
});

const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
// The reference sends its statement unnamed, as a plain pool.query does; BENCH_REFERENCE_PREPARED=1
// names it, so that it too is parsed and planned once per connection, as the service's statements are.
const referenceStatement = (/** @type {string} */ name) => (process.env.BENCH_REFERENCE_PREPARED === '1' ? name : undefined);
app.get('/bench/reference/quotes/:id', async (request) => {
  const { id } = /** @type {{ id: string }} */ (request.params);
  const { rows } = await pool.query({
    name: referenceStatement('reference_quotes'),
    text: `SELECT q.id, q."articleId", q.kind, q.start, q."end", q.text, q."paragraphIndex", q."cueStart", q."cueEnd",
            q."cueText", q.rule, q.confidence, q.origin, q."pipelineVersion", q."reviewStatus", q."updatedBy",
            q."createdAt", q."updatedAt",
            se.id AS "speakerId", se.type AS "speakerType", se."canonicalName" AS "speakerName",
            sm.id AS "mentionId", sm.start AS "mentionStart", sm."end" AS "mentionEnd", sm.text AS "mentionText",
            ve.id AS "viaId", ve.type AS "viaType", ve."canonicalName" AS "viaName"
       FROM "Quote" q
       LEFT JOIN "Entity" se ON se.id = q."speakerEntityId"
       LEFT JOIN "Mention" sm ON sm.id = q."speakerMentionId"
       LEFT JOIN "Entity" ve ON ve.id = q."viaEntityId"
      WHERE q."articleId" = $1 AND q."reviewStatus" IN ('unreviewed', 'confirmed')
      ORDER BY q.start, q.id
      LIMIT 101`,
    values: [id],
  });
  return { items: rows.slice(0, 100), nextCursor: null };
});
app.get('/bench/reference/articles', async (request) => {
  const limit = Math.min(Number(/** @type {{ limit?: string }} */ (request.query).limit ?? 50), 200);
  const { rows } = await pool.query({
    name: referenceStatement('reference_articles'),
    text: `SELECT id, revision, format, headline, source, standfirst, "datelineText", "datelinePlace", "datelineAgency",
            byline, "externalId", url, "publishedAt", language, "contentHash", "pipelineVersion",
            "paragraphCount", "quoteCount", "entityCount", "mentionCount", "createdAt", "updatedAt"
       FROM "Article" ORDER BY id DESC LIMIT $1`,
    values: [limit + 1],
  });
  return { items: rows.slice(0, limit), nextCursor: null };
});

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
const stop = async () => {
  await app.close();
  await pool.end();
  await database.close();
  process.exit(0); // a normal exit, so --cpu-prof writes its profile
};
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
