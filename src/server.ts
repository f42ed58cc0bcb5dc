import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp, logRedactPaths } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { Store } from './repositories/store.js';
import { configureAnnotator } from './services/annotator.js';
import { ApiKeyService } from './services/api-key-service.js';

/** Opens the database, applies pending migrations, listens, and shuts down gracefully on signals. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  let shuttingDown = false;
  configureAnnotator({ threads: config.annotatorThreads });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    replicaUrl: config.databaseReplicaUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    preparedStatements: config.databasePreparedStatements,
  });
  const app = await buildApp({
    database,
    bodyLimit: config.bodyLimit,
    rateLimitMax: config.rateLimitMax,
    publicBaseUrl: config.publicBaseUrl,
    readYourWritesMs: config.readYourWritesMs,
    queueDatabaseUrl: config.databaseUrl,
    logger: { level: config.logLevel, redact: { paths: logRedactPaths, censor: '[redacted]' } },
  });
  try {
    const applied = await database.migrate();
    app.log.info({ storage: database.kind, applied }, applied.length ? 'migrations applied' : 'database schema up to date');
    const firstAdminKey = await new ApiKeyService(new Store(database)).ensureAdminKey(config.adminApiKey);
    if (firstAdminKey) {
      // Printed once, outside the logs, so it never lands in log storage.
      process.stderr.write(
        `\nNo API key existed, so an admin key was created. It is shown only this once:\n\n  ${firstAdminKey}\n\n` +
          'Use it as "Authorization: Bearer <key>" and create narrower keys with POST /v1/api-keys.\n\n',
      );
    }
    // During shutdown every answer closes its keep-alive connection; otherwise app.close() waits
    // for idle sockets until the keep-alive timeout, longer than the grace period.
    app.addHook('onSend', async (_request, reply) => {
      if (shuttingDown) reply.header('connection', 'close');
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    app.log.fatal({ err: error }, 'could not start');
    await app.close();
    await database.close();
    throw error;
  }

  // SIGTERM/SIGINT: stop accepting connections, let requests in flight finish, then close the pool.
  closeWithGrace({ delay: config.shutdownGraceMs }, async ({ signal, err }) => {
    shuttingDown = true;
    if (err) app.log.error({ err }, 'shutting down after an uncaught error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
  });
  return app;
}
