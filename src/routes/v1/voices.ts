import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { problemResponses } from '../../schemas/problem.js';
import {
  SourceList,
  VoicesGenders,
  VoicesQuery,
  VoicesSpeakers,
  VoicesSpeakersQuery,
  VoicesTrend,
  VoicesTrendQuery,
  VoicesTypes,
} from '../../schemas/voices.js';
import type { VoicesService } from '../../services/voices-service.js';

const PERIOD_NOTE =
  'Counts the quotes (unreviewed and confirmed) of the articles published in the period, by `publishedAt` or, when it is unknown, the ingest time; `source` narrows to one source. Computed by Postgres in one statement.';

/** Who gets quoted: aggregates over a period, and the sources to filter by. */
export async function voicesRoutes(app: FastifyInstance, options: { voices: VoicesService }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { voices } = options;
  const problems = problemResponses('validation-failed', 'not-found');

  api.get(
    '/voices/speakers',
    {
      schema: {
        operationId: 'listVoicesSpeakers',
        tags: ['quotes'],
        summary: 'The most quoted entities of a period',
        description: `${PERIOD_NOTE} \`type=PERSON,ORG\` gives the most quoted people and organisations.`,
        querystring: VoicesSpeakersQuery,
        response: { 200: VoicesSpeakers, ...problems },
      },
    },
    async (request) => voices.speakers(request.query),
  );

  api.get(
    '/voices/types',
    {
      schema: {
        operationId: 'listVoicesTypes',
        tags: ['quotes'],
        summary: 'Quotes by the type of their source',
        description: `${PERIOD_NOTE} Each quote counts once, under its speaker's entity type, \`UNNAMED\` (a source kept as text) or \`NONE\`.`,
        querystring: VoicesQuery,
        response: { 200: VoicesTypes, ...problems },
      },
    },
    async (request) => voices.sourceTypes(request.query),
  );

  api.get(
    '/voices/genders',
    {
      schema: {
        operationId: 'listVoicesGenders',
        tags: ['quotes'],
        summary: 'Share of voice by gender of the people quoted',
        description: `${PERIOD_NOTE} Only quotes of people (PERSON speakers). Gender is estimated from given names and pronouns, \`unknown\` where unsure, unless an editor set it (\`PATCH /v1/entities/{id}\`).`,
        querystring: VoicesQuery,
        response: { 200: VoicesGenders, ...problems },
      },
    },
    async (request) => voices.genders(request.query),
  );

  api.get(
    '/voices/trend',
    {
      schema: {
        operationId: 'listVoicesTrend',
        tags: ['quotes'],
        summary: 'Quotes over time, with the quotes of people by gender',
        description: `${PERIOD_NOTE} One item per day, week or month of the period, empty ones included.`,
        querystring: VoicesTrendQuery,
        response: { 200: VoicesTrend, ...problems },
      },
    },
    async (request) => voices.trend(request.query),
  );

  api.get(
    '/sources',
    {
      schema: {
        operationId: 'listSources',
        tags: ['articles'],
        summary: 'The sources of the stored articles, with their article counts',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: SourceList, ...problemResponses('validation-failed') },
      },
    },
    async () => voices.sources(),
  );
}
