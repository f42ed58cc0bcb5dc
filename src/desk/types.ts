// The desk's data types, read from the service's OpenAPI document (openapi/openapi.d.ts): the desk
// knows the API only as any SDK does.
import type { operations } from '../../openapi/openapi';

type JsonOk<K extends keyof operations> = operations[K]['responses'] extends {
  200: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type Article = JsonOk<'getArticle'>;
export type ArticleSummary = JsonOk<'listArticles'>['items'][number];
export type Quote = JsonOk<'listArticleQuotes'>['items'][number];
export type ArticleEntity = JsonOk<'listArticleEntities'>['items'][number];
export type Mention = ArticleEntity['mentions'][number];
export type Paragraph = JsonOk<'listArticleParagraphs'>['items'][number];
export type HistoryEvent = JsonOk<'listArticleHistory'>['items'][number];
export type Entity = JsonOk<'listEntities'>['items'][number];
export type EntityDetail = JsonOk<'getEntity'>;
export type EntityType = Entity['type'];
export type QuoteKind = Quote['kind'];
export type VoicesSpeakers = JsonOk<'listVoicesSpeakers'>;
export type VoicesTypes = JsonOk<'listVoicesTypes'>;
export type VoicesGenders = JsonOk<'listVoicesGenders'>;
export type VoicesTrend = JsonOk<'listVoicesTrend'>;
export type Gender = VoicesGenders['items'][number]['gender'];
export type Problem = { type?: string; title?: string; status?: number; detail?: string };

export const ENTITY_TYPES: EntityType[] = ['PERSON', 'ORG', 'LOC', 'NORP', 'FAC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW'];

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  PERSON: 'person',
  ORG: 'organisation',
  LOC: 'place',
  NORP: 'group or nationality',
  FAC: 'facility',
  PRODUCT: 'product',
  EVENT: 'event',
  WORK_OF_ART: 'work',
  LAW: 'law',
};

export const KIND_LABELS: Record<QuoteKind, string> = { direct: 'direct', mixed: 'mixed', indirect: 'indirect' };
