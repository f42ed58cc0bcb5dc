import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, problemCatalogue, problemType, type ProblemCode } from '../errors.js';
import { problemResponses } from '../schemas/problem.js';
import { isDatabaseUnavailable } from './database-errors.js';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  requestId: string;
  [extension: string]: unknown;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  detail?: string,
  extensions: Record<string, unknown> = {},
): FastifyReply {
  const { status, title } = problemCatalogue[code];
  // Every 503 says when to come back (the spec promises it), whatever raised it.
  if (status === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', '5');
  const body: ProblemBody = {
    type: problemType(code),
    title,
    status,
    ...(detail === undefined ? {} : { detail }),
    instance: request.url.split('?')[0] ?? request.url,
    requestId: String(request.id),
    ...extensions,
  };
  return reply.code(status).type('application/problem+json').send(body);
}

interface ValidationIssue {
  instancePath: string;
  schemaPath?: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * For a value that matches none of an anyOf's branches (createArticle's headline-and-body or
 * text), the failures of the branch the value came closest to, instead of every branch's and
 * "must match a schema in anyOf": the branch that failed deepest in the value, else on something
 * other than a missing property (it had the right properties), else the first.
 */
function closestBranch(issues: ValidationIssue[]): ValidationIssue[] {
  const union = issues.find((issue) => issue.keyword === 'anyOf' || issue.keyword === 'oneOf');
  if (!union?.schemaPath) return issues;
  const prefix = `${union.schemaPath}/`;
  const branches = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    if (!issue.schemaPath?.startsWith(prefix)) continue;
    const branch = issue.schemaPath.slice(prefix.length).split('/')[0]!;
    branches.set(branch, [...(branches.get(branch) ?? []), issue]);
  }
  if (branches.size === 0) return issues;
  const score = (failures: ValidationIssue[]) => [
    Math.max(...failures.map((issue) => issue.instancePath.split('/').length)),
    failures.every((issue) => issue.keyword !== 'required') ? 1 : 0,
  ];
  const [best] = [...branches.values()].sort((a, b) => {
    const [depthA, shapeA] = score(a);
    const [depthB, shapeB] = score(b);
    return depthB! - depthA! || shapeB! - shapeA!;
  });
  const inBranches = new Set([...branches.values()].flat());
  return issues.filter((issue) => issue !== union && (!inBranches.has(issue) || best!.includes(issue)));
}

/** Each failing field of a schema validation error, as JSON Pointers into the request part. */
function validationErrors(error: FastifyError): { location: string; pointer: string; message: string }[] {
  const location = error.validationContext ?? 'body';
  return closestBranch((error.validation ?? []) as ValidationIssue[]).map((issue) => {
    const child =
      (issue.params.missingProperty as string | undefined) ?? (issue.params.additionalProperty as string | undefined);
    const pointer = child === undefined ? issue.instancePath || '/' : `${issue.instancePath}/${child}`;
    const message =
      issue.keyword === 'additionalProperties'
        ? `unknown property '${child}'`
        : (issue.message ?? 'is not valid');
    return { location, pointer, message };
  });
}

// Fastify's own errors mapped onto the catalogue.
const fastifyCodes: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty-body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
};

/** RFC 9457 problem+json for every error, unknown routes and wrong methods included. */
export const problemErrors = fp(
  async (app: FastifyInstance) => {
    const routes: { method: string; pattern: RegExp }[] = [];
    app.addHook('onRoute', (route) => {
      // Every route that takes a body can answer 413 (too large) and 415 (wrong media type).
      const routeSchema = route.schema as { body?: unknown; response?: Record<string, unknown> } | undefined;
      if (routeSchema?.body && routeSchema.response) {
        for (const [status, entry] of Object.entries(problemResponses('payload-too-large', 'unsupported-media-type'))) {
          routeSchema.response[status] ??= entry;
        }
      }
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      // `::` is a literal colon in Fastify paths (/articles::batch); `:name` is a parameter.
      const pattern = new RegExp(
        `^${route.url
          .replace(/::/g, '\u0000')
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/:[A-Za-z0-9_]+/g, '[^/]+')
          .replace(/\u0000/g, ':')}/?$`,
      );
      for (const method of methods) routes.push({ method, pattern });
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const allowed = [...new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method))];
      if (allowed.length > 0) {
        reply.header('allow', allowed.join(', '));
        return sendProblem(request, reply, 'method-not-allowed', `${request.method} is not allowed on ${path}.`);
      }
      return sendProblem(request, reply, 'not-found', `Nothing is served at ${path}.`);
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof ApiError) {
        reply.headers(error.headers);
        return sendProblem(request, reply, error.code, error.detail, error.extensions);
      }
      if (error.validation) {
        const errors = validationErrors(error);
        return sendProblem(
          request,
          reply,
          'validation-failed',
          errors.map((issue) => `${issue.location} ${issue.pointer}: ${issue.message}`).join('; '),
          { errors },
        );
      }
      const mapped = error.code ? fastifyCodes[error.code] : undefined;
      if (mapped) return sendProblem(request, reply, mapped, error.message);
      if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
        return sendProblem(request, reply, 'malformed-body', error.message);
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const code = (Object.keys(problemCatalogue) as ProblemCode[]).find(
          (candidate) => problemCatalogue[candidate].status === status,
        );
        return sendProblem(request, reply, code ?? 'bad-request', error.message);
      }
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', '5');
        return sendProblem(request, reply, 'service-unavailable', 'The database is not reachable; retry shortly.');
      }
      // Internals stay in the log; the client gets the request id to quote.
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, 'internal-error', 'Something went wrong on our side.');
    });
  },
  { name: 'problem-errors' },
);
