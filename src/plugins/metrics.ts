// GET /metrics in the Prometheus text exposition format, and the timing of every request
// (the instruments are in src/lib/metrics.ts).

import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { metrics, metricsRegistry, type QueueDepthSource } from '../lib/metrics.js';

export interface MetricsOptions {
  /** Where the metrics are served; default `/metrics`. */
  path?: string;
  /** Tells the number of queued ingest jobs at scrape time. */
  queueDepth?: QueueDepthSource;
}

/**
 * Times every request of the app (register it before the routes) and serves the metrics. The
 * route label is the route pattern (`/v1/articles/:id`), never the raw URL; requests no route
 * matched share one label.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, options: MetricsOptions) => {
    if (options.queueDepth) metrics.setQueueDepthSource(options.queueDepth);
    // A callback hook: it runs on every answer and waits for nothing (an async one cost a promise
    // and a microtask turn each).
    app.addHook('onResponse', (request, reply, done) => {
      // `::` is how a literal colon is written in a Fastify path (/v1/articles::batch).
      const route = request.routeOptions.url?.replace(/::/g, ':') ?? 'unmatched';
      metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
    app.get(
      options.path ?? '/metrics',
      { schema: { hide: true } },
      async (_request, reply) => {
        const body = await metricsRegistry.metrics();
        return reply.type(metricsRegistry.contentType).send(body);
      },
    );
  },
  { name: 'metrics' },
);
