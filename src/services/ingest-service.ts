import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../errors.js';
import { CodePointText } from '../lib/code-points.js';
import { findUnsafeText } from '../lib/text-policy.js';
import type { ArticleAnnotation } from '../pipeline/types.js';
import { EntityRepository, normalizeName } from '../repositories/entity-repository.js';
import { isUnresolvedEntity, type AnnotatedArticleInsert, type ArticleInsert, type ArticleRow } from '../repositories/article-repository.js';
import type { EntityKey } from '../repositories/entity-repository.js';
import { isUniqueViolation } from '../repositories/db-client.js';
import type { Repositories, Store } from '../repositories/store.js';
import type { Article, ArticleJsonInput } from '../schemas/articles.js';
import { metrics } from '../lib/metrics.js';
import { annotateOffThread } from './annotator.js';
import { presentArticle } from './presenters.js';
import { genderEstimateOf, machineMentionColumns, machineQuoteColumns } from './pipeline-columns.js';

export type IngestInput =
  | { format: 'text'; text: string }
  | { format: 'json'; article: ArticleJsonInput };

export interface IngestResult {
  article: Article;
  /** False when the same article was already stored (nothing was written). */
  created: boolean;
}

export interface PreparedArticle {
  text: string;
  layout: 'auto' | 'headline-body';
  headline?: string | undefined;
  source?: string | undefined;
  externalId?: string | undefined;
  url?: string | undefined;
  publishedAt?: Date | undefined;
  language?: string | undefined;
}

const normalizeLineEndings = (text: string): string => text.replace(/\r\n?/g, '\n');

/** The text to store (line endings normalised) and the metadata, checked. */
export function prepareArticle(input: IngestInput): PreparedArticle {
  if (input.format === 'text') {
    return { text: checkText(normalizeLineEndings(input.text)), layout: 'auto' };
  }
  // Values a format extracted (HTML, ninjs) meet the same text policy as a JSON body's.
  const unsafe = findUnsafeText(input.article);
  if (unsafe) throw new ApiError('unprocessable-content', `${unsafe.pointer}: ${unsafe.reason}`);
  const { headline, body, source, externalId, url, publishedAt, language } = input.article;
  const cleanHeadline = normalizeLineEndings(headline).trim();
  if (cleanHeadline.includes('\n')) throw new ApiError('unprocessable-content', 'The headline must be one line.');
  return {
    text: checkText(`${cleanHeadline}\n\n${normalizeLineEndings(body)}`),
    layout: 'headline-body',
    headline: cleanHeadline,
    source,
    externalId,
    url,
    publishedAt: publishedAt ? new Date(publishedAt) : undefined,
    language,
  };
}

/**
 * What one article may hold, so that annotating and storing it stays within the service's time
 * and memory (the pipeline's work and the rows it writes grow with them). The schemas bound the
 * text to 50,000 characters; these are counted on the text before it is annotated.
 */
export const ARTICLE_LIMITS = { paragraphs: 1_000, quotationMarks: 2_000 } as const;

const QUOTATION_MARK = /["\u201C\u201D\u201E\u201F\u00AB\u00BB]/g;

/** Text Postgres can store and the pipeline can annotate, or a 422 that says what is wrong. */
function checkText(text: string): string {
  if (text.trim() === '') throw new ApiError('unprocessable-content', 'The article text is blank.');
  const blocks = text.split(/\n[ \t]*\n/).length;
  if (blocks > ARTICLE_LIMITS.paragraphs) {
    throw new ApiError('unprocessable-content', `The article has ${blocks} paragraphs; at most ${ARTICLE_LIMITS.paragraphs} are annotated. Split it.`);
  }
  const marks = text.match(QUOTATION_MARK)?.length ?? 0;
  if (marks > ARTICLE_LIMITS.quotationMarks) {
    throw new ApiError('unprocessable-content', `The article has ${marks} quotation marks; at most ${ARTICLE_LIMITS.quotationMarks} (1,000 quotations) are annotated. Split it.`);
  }
  if (text.includes('\u0000')) throw new ApiError('unprocessable-content', 'The article text contains NUL characters.');
  // In Unicode mode \p{Cs} only matches surrogates that are not part of a pair.
  if (/\p{Cs}/u.test(text)) {
    throw new ApiError('unprocessable-content', 'The article text contains unpaired UTF-16 surrogates.');
  }
  return text;
}

export const hashText = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The article columns that come from the text's header and the given metadata. */
export function headerColumns(prepared: PreparedArticle, annotation: ArticleAnnotation) {
  const { header } = annotation;
  return {
    format: header.format,
    headline: prepared.headline ?? header.headline?.text ?? null,
    sourceLine: header.source?.text ?? null,
    standfirst: header.standfirst?.text ?? null,
    datelineText: header.dateline?.text ?? null,
    datelinePlace: header.dateline?.place ?? null,
    datelineAgency: header.dateline?.agency ?? null,
    byline: header.byline?.text ?? null,
    pipelineVersion: annotation.pipelineVersion,
  };
}

/** Paragraph rows of an annotation. */
export function paragraphRows(articleId: string, annotation: ArticleAnnotation) {
  return annotation.paragraphs.map((paragraph, index) => ({
    id: uuidv7(),
    articleId,
    index,
    role: paragraph.role === 'standfirst' ? ('standfirst' as const) : ('body' as const),
    start: paragraph.start,
    end: paragraph.end,
  }));
}

/** The global entity keys of the annotation's entities, in its order. */
const entityKeysOf = (annotation: ArticleAnnotation): EntityKey[] =>
  annotation.entities.map((entity) => ({
    type: entity.type,
    canonicalName: entity.canonicalName,
    normalizedName: normalizeName(entity.canonicalName),
    aliases: entity.aliases,
    gender: genderEstimateOf(entity),
  }));

/** Resolves the annotation's entities to global entity ids, by their local keys. */
export async function resolveEntities(repos: Repositories, annotation: ArticleAnnotation): Promise<Map<string, string>> {
  const ids = await repos.entities.resolve(entityKeysOf(annotation));
  const byKey = new Map<string, string>();
  for (const entity of annotation.entities) {
    const id = ids.get(EntityRepository.idKey(entity.type, normalizeName(entity.canonicalName)));
    if (id) byKey.set(entity.key, id);
  }
  return byKey;
}


/** The article row of a new article. */
function articleInsert(id: string, prepared: PreparedArticle, contentHash: string, annotation: ArticleAnnotation): ArticleInsert & { pipelineVersion: string } {
  return {
    id,
    contentHash,
    source: prepared.source ?? annotation.header.source?.text ?? null,
    externalId: prepared.externalId ?? null,
    url: prepared.url ?? null,
    publishedAt: prepared.publishedAt ?? null,
    language: prepared.language ?? null,
    ...headerColumns(prepared, annotation),
    text: prepared.text,
    paragraphCount: annotation.paragraphs.length,
    quoteCount: annotation.quotes.length,
    entityCount: annotation.entities.length,
    mentionCount: annotation.mentions.length,
  };
}

/**
 * Everything a new article stores, for ArticleRepository.insertAnnotated: the rows writeInStatements
 * stores, with entities named by their global key (type and normalized name) instead of an
 * id, since the statement resolves them. A mention whose entity the annotation does not list is
 * left out, and a quote's speaker or relay that names none is no entity, as in writeInStatements.
 */
function annotatedInsert(article: ArticleInsert & { pipelineVersion: string }, text: string, annotation: ArticleAnnotation): AnnotatedArticleInsert {
  const keyOf = new Map<string, { type: string; name: string }>();
  for (const entity of annotation.entities) keyOf.set(entity.key, { type: entity.type, name: normalizeName(entity.canonicalName) });
  const entityOf = (key: string | null) => (key === null ? undefined : keyOf.get(key));
  const points = new CodePointText(text);
  const mentionIds = annotation.mentions.map(() => uuidv7());
  return {
    article,
    paragraphs: paragraphRows(article.id, annotation),
    entities: entityKeysOf(annotation),
    mentions: annotation.mentions.flatMap((mention, index) => {
      const entity = keyOf.get(mention.entityKey);
      if (!entity) return [];
      return [
        {
          id: mentionIds[index] as string,
          entityType: entity.type,
          entityName: entity.name,
          ...machineMentionColumns(mention, points),
        },
      ];
    }),
    quotes: annotation.quotes.map((quote) => {
      const speaker = entityOf(quote.speakerEntityKey);
      const via = entityOf(quote.viaEntityKey);
      return {
        id: uuidv7(),
        speakerType: speaker?.type ?? null,
        speakerName: speaker?.name ?? null,
        viaType: via?.type ?? null,
        viaName: via?.name ?? null,
        // The unnamed columns ask only whether an entity holds the role: every listed entity is resolved.
        ...machineQuoteColumns(quote, points, mentionIds, speaker ? speaker.name : null, via ? via.name : null),
      };
    }),
  };
}

/** Parses, annotates and stores articles: one transaction per article, no duplicates. */
export class IngestService {
  constructor(private readonly store: Store) {}

  /**
   * `alsoInTransaction` runs inside the article's own transaction when it is newly stored, so
   * callers can record the outcome atomically with the article (the ingest queue does).
   */
  async ingest(
    input: IngestInput,
    alsoInTransaction?: (repos: Repositories, articleId: string) => Promise<void>,
  ): Promise<IngestResult> {
    try {
      const result = await this.ingestOnce(input, alsoInTransaction);
      metrics.recordIngest(result.created ? 'created' : 'existing');
      return result;
    } catch (error) {
      metrics.recordIngest('failed');
      throw error;
    }
  }

  private async ingestOnce(
    input: IngestInput,
    alsoInTransaction?: (repos: Repositories, articleId: string) => Promise<void>,
  ): Promise<IngestResult> {
    const prepared = prepareArticle(input);
    const contentHash = hashText(prepared.text);
    const existing = await this.findDuplicate(this.store.repositories, prepared, contentHash);
    if (existing) return { article: presentArticle(existing), created: false };

    const annotation = await annotateOffThread(prepared.text, { layout: prepared.layout });
    const id = uuidv7();
    let stored: ArticleRow;
    try {
      // The answer is the row as inserted: nothing else changes it inside the transaction.
      stored = await this.storeNew(id, prepared, contentHash, annotation, alsoInTransaction);
    } catch (error) {
      // Another request stored the same article first: answer with that one.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findDuplicate(this.store.repositories, prepared, contentHash);
      if (!winner) throw error;
      return { article: presentArticle(winner), created: false };
    }
    return { article: presentArticle(stored), created: true };
  }

  /**
   * Stores a new article whole or not at all. One statement (ArticleRepository.insertAnnotated),
   * which is its own transaction, or runs in the one `alsoInTransaction` needs; when an entity of
   * the article changed under that statement (isUnresolvedEntity: nothing was stored), the
   * several statements of writeInStatements in a transaction, whose entity resolution handles that.
   */
  private async storeNew(
    id: string,
    prepared: PreparedArticle,
    contentHash: string,
    annotation: ArticleAnnotation,
    alsoInTransaction?: (repos: Repositories, articleId: string) => Promise<void>,
  ): Promise<ArticleRow> {
    const annotated = annotatedInsert(articleInsert(id, prepared, contentHash, annotation), prepared.text, annotation);
    try {
      if (!alsoInTransaction) return await this.store.singleStatement((repos) => repos.articles.insertAnnotated(annotated));
      return await this.store.transaction(async (repos) => {
        const row = await repos.articles.insertAnnotated(annotated);
        await alsoInTransaction(repos, id);
        return row;
      });
    } catch (error) {
      if (!isUnresolvedEntity(error)) throw error;
    }
    return this.store.transaction(async (repos) => {
      const row = await writeInStatements(repos, id, prepared, contentHash, annotation);
      await alsoInTransaction?.(repos, id);
      return row;
    });
  }

  /**
   * The stored article this one duplicates: same text, or same source and external id with the
   * same text. The same external id with other text is a 409: revisions go through PUT.
   */
  private async findDuplicate(
    repos: Repositories,
    prepared: PreparedArticle,
    contentHash: string,
  ): Promise<ArticleRow | null> {
    if (prepared.source && prepared.externalId) {
      const sameId = await repos.articles.findBySourceExternalId(prepared.source, prepared.externalId);
      if (sameId && sameId.contentHash !== contentHash) {
        throw new ApiError(
          'external-id-conflict',
          `Article ${sameId.id} already has external id ${prepared.externalId} from ${prepared.source} with other text.`,
          { existingId: sameId.id },
        );
      }
      if (sameId) return sameId;
    }
    return repos.articles.findByContentHash(contentHash);
  }
}

/**
 * Stores a new article in several statements, inside the caller's transaction: the article with
 * its paragraphs, its entities (EntityRepository.resolve, which also finds entities that other
 * transactions committed meanwhile), its mentions with its quotes. What ingest does when
 * ArticleRepository.insertAnnotated cannot resolve every entity in its one statement.
 */
export async function writeInStatements(
  repos: Repositories,
  id: string,
  prepared: PreparedArticle,
  contentHash: string,
  annotation: ArticleAnnotation,
): Promise<ArticleRow> {
  const { pipelineVersion } = annotation;
  const stored = await repos.articles.insert(
    articleInsert(id, prepared, contentHash, annotation),
    paragraphRows(id, annotation),
  );

  const entityIdOf = await resolveEntities(repos, annotation);
  const entityId = (key: string | null): string | null => (key === null ? null : (entityIdOf.get(key) ?? null));

  const text = new CodePointText(prepared.text);
  const mentionIds = annotation.mentions.map(() => uuidv7());
  await repos.annotations.insertMentionsAndQuotes(
    annotation.mentions.flatMap((mention, index) => {
      const mentionEntityId = entityId(mention.entityKey);
      if (!mentionEntityId) return [];
      return [
        {
          id: mentionIds[index] as string,
          articleId: id,
          entityId: mentionEntityId,
          ...machineMentionColumns(mention, text),
          pipelineVersion,
        },
      ];
    }),
    annotation.quotes.map((quote) => {
      const speakerEntityId = entityId(quote.speakerEntityKey);
      const viaEntityId = entityId(quote.viaEntityKey);
      return { id: uuidv7(), articleId: id, speakerEntityId, viaEntityId, ...machineQuoteColumns(quote, text, mentionIds, speakerEntityId, viaEntityId), pipelineVersion };
    }),
  );
  return stored;
}
