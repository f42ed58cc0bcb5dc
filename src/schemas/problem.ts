import { Type } from 'typebox';
import { PROBLEM_TYPE_BASE, problemCatalogue, type ProblemCode } from '../errors.js';

export const ProblemDetails = Type.Object(
  {
    type: Type.String({ description: `Stable problem type: \`${PROBLEM_TYPE_BASE}<code>\`.` }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'The request path.' })),
    requestId: Type.Optional(Type.String({ description: 'Echoed in the x-request-id header and the logs.' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          location: Type.String({ description: 'body, querystring, params or headers' }),
          pointer: Type.String({ description: 'JSON Pointer to the failing field.' }),
          message: Type.String(),
        }),
        { description: 'Each failing field (validation problems only).' },
      ),
    ),
    existingId: Type.Optional(Type.String({ description: 'The article already holding this external id (409).' })),
  },
  {
    $id: 'ProblemDetails',
    description: 'RFC 9457 problem details, served as application/problem+json.',
  },
);

const ProblemRef = Type.Ref('ProblemDetails');

/** Response entries for the given problem codes, keyed by status, for a route schema. */
export function problemResponses(...codes: ProblemCode[]): Record<number, unknown> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of [...codes, 'internal-error' as const]) {
    const status = problemCatalogue[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      status,
      {
        description: group.map((code) => `\`${code}\`: ${problemCatalogue[code].title}`).join('; '),
        content: { 'application/problem+json': { schema: ProblemRef } },
      },
    ]),
  );
}
