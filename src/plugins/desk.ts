import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiError } from '../errors.js';

/** Where `npm run build:desk` writes the desk: dist/desk of the project, from src/ or dist/ alike. */
export const DEFAULT_DESK_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/desk');

// The desk runs only its own script and style sheet and talks only to this service; nothing may
// frame it. Inline scripts and style attributes are refused (the desk sets styles through the CSSOM).
export const DESK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

const fileOf = (file: string): StaticFile => {
  const body = readFileSync(file);
  return {
    body,
    type: TYPES[path.extname(file)] ?? 'application/octet-stream',
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
};

/**
 * Serves the editors' desk at /desk/: the built files are read once at start (a handful of small
 * files, so no directory is ever served). Assets have content-hashed names and are cached for a
 * year; the page itself is revalidated on every load, so a new build shows at once. Every path
 * under /desk/ that is not an asset is the page (the desk routes in the browser).
 */
export async function deskRoutes(app: FastifyInstance, options: { dir?: string }): Promise<void> {
  const dir = options.dir ?? DEFAULT_DESK_DIR;
  const indexFile = path.join(dir, 'index.html');
  const built = existsSync(indexFile);
  const page = built ? fileOf(indexFile) : null;
  const assets = new Map<string, StaticFile>();
  if (built && existsSync(path.join(dir, 'assets'))) {
    for (const name of readdirSync(path.join(dir, 'assets'))) assets.set(name, fileOf(path.join(dir, 'assets', name)));
  }
  if (!built) app.log.warn({ dir }, 'the desk is not built (npm run build:desk): /desk/ answers 503');

  const secure = (reply: FastifyReply) =>
    reply
      .header('content-security-policy', DESK_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cross-origin-opener-policy', 'same-origin');

  const send = (reply: FastifyReply, file: StaticFile, ifNoneMatch: string | undefined, cacheControl: string) => {
    secure(reply).header('cache-control', cacheControl).header('etag', file.etag).type(file.type);
    if (ifNoneMatch === file.etag) return reply.code(304).send();
    return reply.send(file.body);
  };

  const servePage = async (request: { headers: { 'if-none-match'?: string | undefined } }, reply: FastifyReply) => {
    if (!page) throw new ApiError('service-unavailable', 'The desk is not built: run `npm run build:desk`.');
    return send(reply, page, request.headers['if-none-match'], 'no-cache');
  };

  const hidden = { schema: { hide: true } };
  // The router ignores trailing slashes: this is /desk and /desk/ alike.
  app.get('/desk', hidden, servePage);
  app.get<{ Params: { name: string } }>('/desk/assets/:name', hidden, async (request, reply) => {
    const file = assets.get(request.params.name);
    if (!file) throw new ApiError('not-found', `No desk asset ${request.params.name}`);
    return send(reply, file, request.headers['if-none-match'], 'public, max-age=31536000, immutable');
  });
  app.get('/desk/*', hidden, servePage);
}
