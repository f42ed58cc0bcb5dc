// The read operations `npm run bench` measures: every GET operation of the OpenAPI document, each
// with the reference route (scripts/bench-references.mjs) that reads the same rows with raw `pg`,
// and the keys that show both answered the same rows. A GET operation of the spec without an
// entry here stops the bench (coverageProblems), so a new route cannot go unmeasured.

/** What the seeded store offers to read (scripts/bench.ts fills it in). */
export interface BenchContext {
  /** The fixture: revised once, a quote and a mention edited, so it has revisions and history. */
  articleId: string;
  quoteId: string;
  mentionId: string;
  /** The most quoted speaker, its type, and a word of its name to search entities by. */
  entityId: string;
  entityType: string;
  entityQuery: string;
  /** A word of the fixture's quotes, for full-text quote search. */
  searchWord: string;
  /** A finished ingest job. */
  jobId: string;
}

/**
 * single: one object (target ≥ 0.5× its raw read); list: a page or aggregate of rows (≥ 0.7× the
 * raw query returning the same rows). Both: p99 ≤ 1.5× the reference's.
 */
export type TargetKind = 'single' | 'list';

export interface ReadBench {
  operationId: string;
  /** The operationId, with the variant after a colon when an operation is measured twice. */
  name: string;
  kind: TargetKind;
  path: (c: BenchContext) => string;
  reference: (c: BenchContext) => string;
  /** Sent with the API request (and not to the reference). */
  headers?: Record<string, string>;
  /** Health probes need no API key. */
  public?: boolean;
  /** The rows each side answered, as comparable keys (same order, same content). */
  apiKeys: (body: any) => unknown[];
  referenceKeys: (body: any) => unknown[];
}

const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
const ENTITY_PAGE = 50;
const ref = (path: string) => `/bench/reference/${path}`;

export const readBenches: ReadBench[] = [
  {
    operationId: 'getHealth',
    name: 'getHealth',
    kind: 'single',
    public: true,
    path: () => '/healthz',
    reference: () => ref('getHealth'),
    apiKeys: (body) => [body.status],
    referenceKeys: (body) => [body.status],
  },
  {
    operationId: 'getReadiness',
    name: 'getReadiness',
    kind: 'single',
    public: true,
    path: () => '/readyz',
    reference: () => ref('getReadiness'),
    apiKeys: (body) => [body.status, body.storage],
    referenceKeys: (body) => [body.status, body.storage],
  },
  {
    operationId: 'listApiKeys',
    name: 'listApiKeys',
    kind: 'list',
    path: () => '/v1/api-keys?limit=50',
    reference: () => ref('listApiKeys?limit=50'),
    apiKeys: ids,
    referenceKeys: ids,
  },
  {
    operationId: 'listArticles',
    name: 'listArticles',
    kind: 'list',
    path: () => '/v1/articles?limit=50',
    reference: () => ref('listArticles?limit=50'),
    apiKeys: (body) => body.items.map((a: any) => `${a.id} ${a.version} ${a.unreviewed.quotes} ${a.unreviewed.mentions}`),
    referenceKeys: (body) => body.items.map((a: any) => `${a.id} ${a.version} ${a.unreviewedQuotes} ${a.unreviewedMentions}`),
  },
  {
    operationId: 'getArticle',
    name: 'getArticle',
    kind: 'single',
    path: (c) => `/v1/articles/${c.articleId}`,
    reference: (c) => ref(`getArticle/${c.articleId}`),
    apiKeys: (body) => [body.id, body.version, body.text],
    referenceKeys: (body) => [body.id, body.version, body.text],
  },
  {
    operationId: 'getArticle',
    name: 'getArticle:ninjs',
    kind: 'single',
    headers: { accept: 'application/vnd.iptc.ninjs+json' },
    path: (c) => `/v1/articles/${c.articleId}`,
    reference: (c) => ref(`getArticle/${c.articleId}/ninjs`),
    // The entities named or quoted, and the paragraphs the body is made of.
    apiKeys: (body) => [
      body.uri,
      body.version,
      ...body.subjects.map((s: { uri: string }) => s.uri.split('/').at(-1)).sort(),
      body.bodies[0].value.split('\n\n').length,
    ],
    referenceKeys: (body) => [
      `urn:uuid:${body.article.id}`,
      String(body.article.version),
      ...body.entities.map((entity: { id: string }) => entity.id).sort(),
      body.paragraphs.length,
    ],
  },
  {
    operationId: 'listArticleRevisions',
    name: 'listArticleRevisions',
    kind: 'list',
    path: (c) => `/v1/articles/${c.articleId}/revisions`,
    reference: (c) => ref(`listArticleRevisions/${c.articleId}`),
    apiKeys: (body) => body.items.map((r: any) => `${r.revision} ${r.current} ${r.contentHash}`),
    referenceKeys: (body) => body.items.map((r: any) => `${r.revision} ${r.current} ${r.contentHash}`),
  },
  {
    operationId: 'getArticleRevision',
    name: 'getArticleRevision',
    kind: 'single',
    path: (c) => `/v1/articles/${c.articleId}/revisions/1`,
    reference: (c) => ref(`getArticleRevision/${c.articleId}/1`),
    apiKeys: (body) => [body.revision, body.contentHash, body.text],
    referenceKeys: (body) => [body.revision, body.contentHash, body.text],
  },
  {
    operationId: 'exportArticleAnnotations',
    name: 'exportArticleAnnotations',
    kind: 'list',
    headers: { accept: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
    path: (c) => `/v1/articles/${c.articleId}/annotations`,
    reference: (c) => ref(`exportArticleAnnotations/${c.articleId}`),
    // The collection's total and its first page (100 annotations: quotes, then mentions).
    apiKeys: (body) => [body.total, ...body.first.items.map((a: { id: string }) => a.id.split('/').at(-1))],
    referenceKeys: (body) => [
      body.quotes.length + body.mentions.length,
      ...[...body.quotes, ...body.mentions].slice(0, 100).map((row: { id: string }) => row.id),
    ],
  },
  {
    operationId: 'getIngestJob',
    name: 'getIngestJob',
    kind: 'single',
    path: (c) => `/v1/ingest-jobs/${c.jobId}`,
    reference: (c) => ref(`getIngestJob/${c.jobId}`),
    apiKeys: (body) => [body.id, body.state, body.counts.total, body.counts.created, body.errors.length],
    referenceKeys: (body) => [body.id, body.state, body.total, body.created, body.errors.length],
  },
  {
    operationId: 'listIngestJobItems',
    name: 'listIngestJobItems',
    kind: 'list',
    path: (c) => `/v1/ingest-jobs/${c.jobId}/items?limit=100`,
    reference: (c) => ref(`listIngestJobItems/${c.jobId}?limit=100`),
    apiKeys: (body) => body.items.map((i: any) => `${i.index} ${i.status} ${i.articleId}`),
    referenceKeys: (body) => body.items.map((i: any) => `${i.index} ${i.status} ${i.articleId}`),
  },
  {
    operationId: 'listArticleParagraphs',
    name: 'listArticleParagraphs',
    kind: 'list',
    path: (c) => `/v1/articles/${c.articleId}/paragraphs?limit=100`,
    reference: (c) => ref(`listArticleParagraphs/${c.articleId}?limit=100`),
    apiKeys: (body) => body.items.map((p: any) => `${p.index} ${p.text}`),
    referenceKeys: (body) => body.items.map((p: any) => `${p.index} ${p.text}`),
  },
  {
    operationId: 'listArticleQuotes',
    name: 'listArticleQuotes',
    kind: 'list',
    path: (c) => `/v1/articles/${c.articleId}/quotes?limit=100`,
    reference: (c) => ref(`listArticleQuotes/${c.articleId}?limit=100`),
    apiKeys: (body) => body.items.map((q: any) => `${q.id} ${q.version} ${q.speaker?.id ?? null}`),
    referenceKeys: (body) => body.items.map((q: any) => `${q.id} ${q.version} ${q.speakerEntityId}`),
  },
  {
    operationId: 'listArticleEntities',
    name: 'listArticleEntities',
    kind: 'list',
    path: (c) => `/v1/articles/${c.articleId}/entities?limit=${ENTITY_PAGE}`,
    reference: (c) => ref(`listArticleEntities/${c.articleId}`),
    // The API groups the mentions by entity, in the order of each entity's first mention.
    apiKeys: (body) => body.items.map((e: any) => `${e.id} ${e.mentionCount}`),
    referenceKeys: (body) => {
      const counts = new Map<string, number>();
      for (const m of body.items as { entityId: string }[]) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
      return [...counts].slice(0, ENTITY_PAGE).map(([id, count]) => `${id} ${count}`);
    },
  },
  {
    operationId: 'getArticleQuote',
    name: 'getArticleQuote',
    kind: 'single',
    path: (c) => `/v1/articles/${c.articleId}/quotes/${c.quoteId}`,
    reference: (c) => ref(`getArticleQuote/${c.articleId}/${c.quoteId}`),
    apiKeys: (body) => [body.id, body.version, body.speaker?.id ?? null, body.speaker?.mention?.id ?? null],
    referenceKeys: (body) => [body.id, body.version, body.speakerEntityId, body.speakerMentionId],
  },
  {
    operationId: 'listArticleQuoteHistory',
    name: 'listArticleQuoteHistory',
    kind: 'list',
    path: (c) => `/v1/articles/${c.articleId}/quotes/${c.quoteId}/history?limit=100`,
    reference: (c) => ref(`listArticleQuoteHistory/${c.articleId}/${c.quoteId}?limit=100`),
    apiKeys: ids,
    referenceKeys: ids,
  },
  {
    operationId: 'getArticleMention',
    name: 'getArticleMention',
    kind: 'single',
    path: (c) => `/v1/articles/${c.articleId}/mentions/${c.mentionId}`,
    reference: (c) => ref(`getArticleMention/${c.articleId}/${c.mentionId}`),
    apiKeys: (body) => [body.id, body.version, body.entityId],
    referenceKeys: (body) => [body.id, body.version, body.entityId],
  },
  {
    operationId: 'listArticleMentionHistory',
    name: 'listArticleMentionHistory',
    kind: 'list',
    path: (c) => `/v1/articles/${c.articleId}/mentions/${c.mentionId}/history?limit=100`,
    reference: (c) => ref(`listArticleMentionHistory/${c.articleId}/${c.mentionId}?limit=100`),
    apiKeys: ids,
    referenceKeys: ids,
  },
  {
    operationId: 'listArticleHistory',
    name: 'listArticleHistory',
    kind: 'list',
    path: (c) => `/v1/articles/${c.articleId}/history?limit=100`,
    reference: (c) => ref(`listArticleHistory/${c.articleId}?limit=100`),
    apiKeys: ids,
    referenceKeys: ids,
  },
  {
    operationId: 'listEntities',
    name: 'listEntities',
    kind: 'list',
    path: (c) => `/v1/entities?q=${encodeURIComponent(c.entityQuery)}&type=${c.entityType}&limit=50`,
    reference: (c) => ref(`listEntities?q=${encodeURIComponent(c.entityQuery)}&type=${c.entityType}&limit=50`),
    apiKeys: (body) => body.items.map((e: any) => `${e.id} ${e.aliases.length}`),
    referenceKeys: (body) =>
      body.items.map((e: any) => `${e.id} ${e.aliases.filter((alias: string) => alias !== e.canonicalName).length}`),
  },
  {
    operationId: 'getEntity',
    name: 'getEntity',
    kind: 'single',
    path: (c) => `/v1/entities/${c.entityId}`,
    reference: (c) => ref(`getEntity/${c.entityId}`),
    apiKeys: (body) => [body.id, body.version, body.counts.mentions, body.counts.articles, body.counts.quotes, ...ids({ items: body.articles })],
    referenceKeys: (body) => [body.id, body.version, body.mentions, body.articleCount, body.quotes, ...ids({ items: body.articles })],
  },
  {
    operationId: 'listEntityQuotes',
    name: 'listEntityQuotes',
    kind: 'list',
    path: (c) => `/v1/entities/${c.entityId}/quotes?limit=50`,
    reference: (c) => ref(`listEntityQuotes/${c.entityId}?limit=50`),
    apiKeys: ids,
    referenceKeys: ids,
  },
  {
    operationId: 'searchQuotes',
    name: 'searchQuotes',
    kind: 'list',
    path: (c) => `/v1/quotes?q=${encodeURIComponent(c.searchWord)}&limit=50`,
    reference: (c) => ref(`searchQuotes?q=${encodeURIComponent(c.searchWord)}&limit=50`),
    apiKeys: ids,
    referenceKeys: ids,
  },
  {
    operationId: 'listVoicesSpeakers',
    name: 'listVoicesSpeakers',
    kind: 'list',
    path: () => '/v1/voices/speakers?limit=20',
    reference: () => ref('listVoicesSpeakers?limit=20'),
    apiKeys: (body) => body.items.map((s: any) => `${s.entity.id} ${s.quotes} ${s.articles}`),
    referenceKeys: (body) => body.items.map((s: any) => `${s.id} ${s.quotes} ${s.articles}`),
  },
  {
    operationId: 'listVoicesTypes',
    name: 'listVoicesTypes',
    kind: 'list',
    path: () => '/v1/voices/types',
    reference: () => ref('listVoicesTypes'),
    apiKeys: (body) => body.items.map((t: any) => `${t.type} ${t.quotes}`),
    referenceKeys: (body) => body.items.map((t: any) => `${t.type} ${t.quotes}`),
  },
  {
    operationId: 'listVoicesGenders',
    name: 'listVoicesGenders',
    kind: 'list',
    path: () => '/v1/voices/genders',
    reference: () => ref('listVoicesGenders'),
    apiKeys: (body) => body.items.map((g: any) => `${g.gender} ${g.quotes} ${g.people}`),
    referenceKeys: (body) => body.items.map((g: any) => `${g.gender} ${g.quotes} ${g.people}`),
  },
  {
    operationId: 'listVoicesTrend',
    name: 'listVoicesTrend',
    kind: 'list',
    path: () => '/v1/voices/trend?interval=day',
    reference: () => ref('listVoicesTrend?interval=day'),
    apiKeys: (body) => body.items.map((b: any) => `${b.bucket} ${b.quotes}`),
    referenceKeys: (body) => body.items.map((b: any) => `${b.bucket} ${b.quotes}`),
  },
  {
    operationId: 'listSources',
    name: 'listSources',
    kind: 'list',
    path: () => '/v1/sources',
    reference: () => ref('listSources'),
    apiKeys: (body) => body.items.map((s: any) => `${s.source} ${s.articles}`),
    referenceKeys: (body) => body.items.map((s: any) => `${s.source} ${s.articles}`),
  },
];

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId?: string }>>;
}

/** The GET operations of an OpenAPI document, as `operationId (GET path)`. */
export function getOperations(document: OpenApiDocument): { operationId: string; path: string }[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    methods.get ? [{ operationId: methods.get.operationId ?? `(no operationId) ${path}`, path }] : [],
  );
}

/**
 * What is wrong with the bench's coverage of a spec: GET operations without an entry, and entries
 * for operations the spec does not have (renamed or removed).
 */
export function coverageProblems(document: OpenApiDocument, benches: ReadBench[] = readBenches): string[] {
  const operations = getOperations(document);
  const covered = new Set(benches.map((bench) => bench.operationId));
  const inSpec = new Set(operations.map((operation) => operation.operationId));
  return [
    ...operations
      .filter((operation) => !covered.has(operation.operationId))
      .map((operation) => `GET ${operation.path} (${operation.operationId}) has no bench entry in scripts/bench-operations.ts`),
    ...[...covered].filter((id) => !inSpec.has(id)).map((id) => `the bench entry ${id} names no GET operation of the spec`),
  ];
}
