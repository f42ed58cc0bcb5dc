import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/auth.js';
import { Mention, Quote } from '../../schemas/annotations.js';
import { Uuid } from '../../schemas/common.js';
import {
  AnnotationEventPage,
  MentionInput,
  MentionPatch,
  QuoteInput,
  QuotePatch,
  RevertInput,
} from '../../schemas/editorial.js';
import { problemResponses } from '../../schemas/problem.js';
import type { CorrectionService } from '../../services/correction-service.js';
import type { HistoryService } from '../../services/history-service.js';
import { linkNextPage } from './pagination.js';
import { expectedVersion, IfMatchHeaders, setEtag } from './preconditions.js';

const QuoteParams = Type.Object({ id: Uuid, quoteId: Uuid }, { additionalProperties: false });
const MentionParams = Type.Object({ id: Uuid, mentionId: Uuid }, { additionalProperties: false });
const ArticleParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const HistoryQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

const readErrors = problemResponses('validation-failed', 'not-found');
// 409: a revert that no longer fits, or a change that kept colliding with others (retry it).
const changeErrors = problemResponses(
  'validation-failed',
  'not-found',
  'conflict',
  'precondition-failed',
  'precondition-required',
  'unprocessable-content',
);

/** Editors' corrections: create, change, delete and revert quotes and mentions; history. */
export async function annotationEditingRoutes(
  app: FastifyInstance,
  options: { corrections: CorrectionService; history: HistoryService },
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { corrections, history } = options;

  for (const kind of ['quote', 'mention'] as const) {
    const plural = `${kind}s`;
    const Params = kind === 'quote' ? QuoteParams : MentionParams;
    const Body = kind === 'quote' ? Quote : Mention;
    const Title = kind === 'quote' ? 'Quote' : 'Mention';
    const annotationId = (params: { quoteId?: string; mentionId?: string }) =>
      (kind === 'quote' ? params.quoteId : params.mentionId) as string;
    const path = `/articles/:id/${plural}/:${kind}Id`;

    api.get(
      path,
      {
        schema: {
          operationId: `getArticle${Title}`,
          tags: ['annotations'],
          summary: `Get one ${kind}, with its ETag`,
          params: Params,
          response: { 200: Body, ...readErrors },
        },
      },
      async (request, reply) => {
        const params = request.params as { id: string; quoteId?: string; mentionId?: string };
        const found =
          kind === 'quote'
            ? await corrections.getQuote(params.id, annotationId(params))
            : await corrections.getMention(params.id, annotationId(params));
        setEtag(reply, found.version);
        return found;
      },
    );

    api.post(
      `/articles/:id/${plural}`,
      {
        schema: {
          operationId: `createArticle${Title}`,
          tags: ['annotations'],
          summary: `Add a ${kind} an editor found`,
          ...(kind === 'mention'
            ? { description: 'The same span linked to the same entity again (a retried post) is not stored twice: the answer is 200 with the existing mention.' }
            : {}),
          params: ArticleParams,
          body: kind === 'quote' ? QuoteInput : MentionInput,
          response: {
            201: { ...Body, description: `The new ${kind}; \`Location\` names it.` },
            ...(kind === 'mention' ? { 200: { ...Body, description: 'Already there: the existing mention.' } } : {}),
            ...changeErrors,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { annotation: created, isNew } =
          kind === 'quote'
            ? { annotation: await corrections.createQuote(request.params.id, request.body as QuoteInput, actor), isNew: true }
            : await corrections
                .createMention(request.params.id, request.body as MentionInput, actor)
                .then(({ mention, created: fresh }) => ({ annotation: mention, isNew: fresh }));
        setEtag(reply, created.version);
        reply.header('location', `/v1/articles/${request.params.id}/${plural}/${created.id}`);
        return reply.code(isNew ? 201 : 200).send(created);
      },
    );

    api.patch(
      path,
      {
        schema: {
          operationId: `updateArticle${Title}`,
          tags: ['annotations'],
          summary: `Correct a ${kind}, or confirm or reject it`,
          description:
            kind === 'quote'
              ? 'Needs If-Match with the ETag you read (428 without, 412 when someone changed it since). A new speaker clears the speaker mention and the cue (they named the old speaker) unless the same change sets them.'
              : 'Needs If-Match with the ETag you read (428 without, 412 when someone changed it since).',
          params: Params,
          headers: IfMatchHeaders,
          body: kind === 'quote' ? QuotePatch : MentionPatch,
          response: { 200: Body, ...changeErrors },
        },
      },
      async (request, reply) => {
        const params = request.params as { id: string; quoteId?: string; mentionId?: string };
        const version = expectedVersion(request);
        const actor = actorOf(request);
        const updated =
          kind === 'quote'
            ? await corrections.updateQuote(params.id, annotationId(params), version, request.body as QuotePatch, actor)
            : await corrections.updateMention(params.id, annotationId(params), version, request.body as MentionPatch, actor);
        setEtag(reply, updated.version);
        return updated;
      },
    );

    api.delete(
      path,
      {
        schema: {
          operationId: `deleteArticle${Title}`,
          tags: ['annotations'],
          summary: `Delete a ${kind}`,
          description:
            kind === 'mention'
              ? 'Needs If-Match. The history keeps the deleted state; a revert brings it back. A quote whose speaker this mention named keeps its speaker entity and loses the mention, as a change of its own (history event, new ETag).'
              : 'Needs If-Match. The history keeps the deleted state; a revert brings it back.',
          params: Params,
          headers: IfMatchHeaders,
          response: { 204: Type.Null({ description: 'Deleted.' }), ...changeErrors },
        },
      },
      async (request, reply) => {
        const params = request.params as { id: string; quoteId?: string; mentionId?: string };
        const version = expectedVersion(request);
        const actor = actorOf(request);
        if (kind === 'quote') await corrections.deleteQuote(params.id, annotationId(params), version, actor);
        else await corrections.deleteMention(params.id, annotationId(params), version, actor);
        return reply.code(204).send(null);
      },
    );

    api.get(
      `${path}/history`,
      {
        schema: {
          operationId: `listArticle${Title}History`,
          tags: ['history'],
          summary: `The changes of one ${kind}, oldest first`,
          params: Params,
          querystring: HistoryQuery,
          response: { 200: AnnotationEventPage, ...problemResponses('validation-failed', 'invalid-cursor', 'not-found') },
        },
      },
      async (request, reply) => {
        const params = request.params as { id: string; quoteId?: string; mentionId?: string };
        const page = await history.list(params.id, annotationId(params), request.query);
        linkNextPage(request, reply, page.nextCursor);
        return page;
      },
    );

    api.post(
      `${path}/revert`,
      {
        schema: {
          operationId: `revertArticle${Title}`,
          tags: ['history'],
          summary: `Undo one change of a ${kind}`,
          description:
            'The fields that change touched go back to their values before it (the span, the cue, the unnamed source and the speaker each as a whole); fields it did not touch keep their current values, so later changes of other fields stay. Reverting a creation deletes, reverting a deletion recreates. Recorded as a change itself. The result must fit the article as it is now: a span whose words moved in a revision is found again; 409 when its words are gone, when the speaker mention was deleted or an entity merged away since, or when the ' +
            kind +
            ' was deleted after the change (revert the deletion first).',
          params: Params,
          body: RevertInput,
          response: {
            200: { ...Body, description: `The ${kind} as it is now.` },
            204: Type.Null({ description: `Reverted to before its creation: the ${kind} no longer exists.` }),
            ...changeErrors,
          },
        },
      },
      async (request, reply) => {
        const params = request.params as { id: string; quoteId?: string; mentionId?: string };
        const result = await corrections.revert(kind, params.id, annotationId(params), request.body.eventId, actorOf(request));
        if (!result) return reply.code(204).send(null);
        setEtag(reply, result.version);
        return result;
      },
    );
  }

  api.get(
    '/articles/:id/history',
    {
      schema: {
        operationId: 'listArticleHistory',
        tags: ['history'],
        summary: 'Every change to an article and its annotations, oldest first',
        params: ArticleParams,
        querystring: HistoryQuery,
        response: { 200: AnnotationEventPage, ...problemResponses('validation-failed', 'invalid-cursor', 'not-found') },
      },
    },
    async (request, reply) => {
      const page = await history.list(request.params.id, undefined, request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );
}
