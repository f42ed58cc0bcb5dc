import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ArticleJsonInput } from '../../schemas/articles.js';
import { ndjsonLines } from '../../services/ndjson-lines.js';
import { linesOfArticles } from '../../services/ndjson-stream.js';

// The JSON form of the NDJSON imports (batch, ingest jobs): `{"articles": [...]}`. Generated SDKs
// send a JSON body right but not NDJSON (orval sends JSON.stringify(text)); this form gives them
// a body they send correctly, read as the same lines.

/** Largest JSON form: parsed whole into objects, unlike NDJSON, so kept well under the heap. */
export const ARTICLE_LINES_JSON_LIMIT = 16 * 1024 * 1024;

export function ArticleLines(maxItems: number) {
  return Type.Object(
    { articles: Type.Array(ArticleJsonInput, { minItems: 1, maxItems }) },
    {
      additionalProperties: false,
      title: 'ArticleLines',
      description: `The JSON form of the NDJSON body: the articles as a list, each in the \`application/json\` shape of \`createArticle\` (up to ${maxItems}, ${ARTICLE_LINES_JSON_LIMIT / 1024 / 1024} MiB). Each is checked before any is stored (a malformed one is a 400 that names it); then each line is stored as it would be from NDJSON.`,
    },
  );
}

/** Takes JSON bodies of the calling plugin's routes up to ARTICLE_LINES_JSON_LIMIT. */
export function acceptArticleLinesJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: ARTICLE_LINES_JSON_LIMIT },
    app.getDefaultJsonParser('error', 'error'),
  );
}

/** The lines of a body in either form: NDJSON text, or the JSON form's articles one per line. */
export const linesOfBody = (body: unknown): { line: number; text: string }[] =>
  typeof body === 'string' ? ndjsonLines(body) : [...linesOfArticles((body as { articles: unknown[] }).articles)];
