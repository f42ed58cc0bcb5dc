// The input formats POST /v1/articles reads besides wire text and JSON, and the glue that turns a
// request body of each into an ingest input.

import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.js';
import type { IngestInput } from '../services/ingest-service.js';
import { HTML_MEDIA_TYPE, parseHtml } from './html.js';
import { NINJS_MEDIA_TYPE, parseNinjs } from './ninjs.js';

export { checkArticle, type FormatArticle } from './article-input.js';
export { HTML_MEDIA_TYPE, parseHtml } from './html.js';
export { NINJS_MEDIA_TYPE, parseNinjs, parseNinjsJson } from './ninjs.js';
export { NinjsInput } from './ninjs-schema.js';

/** The media type of a Content-Type header, lower case, without parameters. */
export const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Body parsers for the extra formats: ninjs as JSON (with Fastify's JSON parser, which refuses
 * prototype poisoning), HTML as a string. Call it in the plugin that declares the routes.
 */
export function registerFormatParsers(app: FastifyInstance): void {
  if (!app.hasContentTypeParser(NINJS_MEDIA_TYPE)) {
    app.addContentTypeParser(NINJS_MEDIA_TYPE, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  }
  if (!app.hasContentTypeParser(HTML_MEDIA_TYPE)) {
    app.addContentTypeParser(HTML_MEDIA_TYPE, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  }
}

/**
 * The ingest input for a parsed request body of a ninjs or HTML post; null for the other media
 * types (wire text and JSON keep their own path).
 */
export function ingestInputFor(contentType: string | undefined, body: unknown): IngestInput | null {
  switch (mediaTypeOf(contentType)) {
    case NINJS_MEDIA_TYPE:
      return { format: 'json', article: parseNinjs(body) };
    case HTML_MEDIA_TYPE:
      if (typeof body !== 'string') throw new ApiError('malformed-body', 'The HTML body could not be read as text.');
      return { format: 'json', article: parseHtml(body) };
    default:
      return null;
  }
}
