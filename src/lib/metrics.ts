// Prometheus metrics of the process: request latency per route pattern, ingest results, pipeline
// time, queue depth, and the Node.js process metrics. Services record into them wherever they run;
// src/plugins/metrics.ts times the requests and serves them at GET /metrics.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process: the ingest code records into it wherever it runs. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const requestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency by route pattern, method and status class.',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

const ingestedArticles = new Counter({
  name: 'articles_ingested_total',
  help: 'Articles ingested, by result: created (stored now), existing (already stored), failed.',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

const pipelineDuration = new Histogram({
  name: 'annotation_pipeline_duration_seconds',
  help: 'Time the annotation pipeline took per article.',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export type QueueDepthSource = () => number | Promise<number>;
let queueDepthSource: QueueDepthSource | undefined;

new Gauge({
  name: 'ingest_queue_depth',
  help: 'Ingest jobs waiting in the queue, read at scrape time.',
  registers: [metricsRegistry],
  async collect() {
    if (!queueDepthSource) return;
    try {
      this.set(await queueDepthSource());
    } catch {
      // A queue that cannot be read leaves the last value; the scrape itself must not fail.
    }
  },
});

export type IngestOutcome = 'created' | 'existing' | 'failed';

/** What the ingest code and the queue call; cheap, never throws. */
export const metrics = {
  /** Counts one ingested article by its result. */
  recordIngest(result: IngestOutcome): void {
    ingestedArticles.inc({ result });
  },
  /** Records how long the annotation pipeline took for one article, in milliseconds. */
  observePipelineMs(ms: number): void {
    if (Number.isFinite(ms) && ms >= 0) pipelineDuration.observe(ms / 1000);
  },
  /** Sets the callback that tells the queue depth at scrape time (the queue owner calls this). */
  setQueueDepthSource(source: QueueDepthSource | undefined): void {
    queueDepthSource = source;
  },
  /** Records one answered request by route pattern, method and status (src/plugins/metrics.ts). */
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    requestDuration.observe({ method, route, status_class: `${Math.floor(statusCode / 100)}xx` }, seconds);
  },
};

