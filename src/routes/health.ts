import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../db/database.js';
import { problemResponses } from '../schemas/problem.js';
import { ApiError } from '../errors.js';

const Health = Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false });
const Readiness = Type.Object(
  { status: Type.Literal('ready'), storage: Type.Union([Type.Literal('postgres'), Type.Literal('embedded')]) },
  { additionalProperties: false },
);

export async function healthRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'Liveness: the process is up',
        response: { 200: Health, ...problemResponses() },
      },
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['health'],
        summary: 'Readiness: the database answers',
        response: { 200: Readiness, ...problemResponses('service-unavailable') },
      },
      logLevel: 'warn',
    },
    async () => {
      try {
        await options.database.ping();
      } catch {
        throw new ApiError('service-unavailable', 'The database is not reachable.', {}, { 'retry-after': '5' });
      }
      return { status: 'ready' as const, storage: options.database.kind };
    },
  );
}
