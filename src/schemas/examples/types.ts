/**
 * One real HTTP exchange recorded by `scripts/build-openapi-examples.ts` against the app on the
 * example wire story (`test/fixtures/vladivostok-summit.txt`), attached to its operation in the
 * OpenAPI document by `src/plugins/docs.ts`. Ids, keys and times are replaced by fixed values when
 * recorded, so the document stays deterministic.
 */
export interface RecordedExchange {
  /** Shown as the example's summary. */
  summary: string;
  request: {
    method: string;
    /** The concrete path, e.g. `/v1/articles/0193.../quotes`. */
    path: string;
    pathParams: Record<string, string>;
    query: Record<string, string>;
    /** Request headers worth showing (If-Match, Accept, Content-Type, Idempotency-Key). */
    headers: Record<string, string>;
    contentType?: string;
    body?: unknown;
  };
  response: {
    status: number;
    contentType?: string;
    /** Response headers worth showing (ETag, Location, Link). */
    headers: Record<string, string>;
    body?: unknown;
  };
}

/** Recorded exchanges by operationId; the first one of each operation is its main example. */
export type OperationExamples = Record<string, RecordedExchange[]>;
