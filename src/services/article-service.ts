import { ApiError, notFound } from '../errors.js';
import { CodePointText } from '../lib/code-points.js';
import { visibleStatuses, type QuoteKindValue, type ReviewStatusValue } from '../repositories/annotation-repository.js';
import type { Store } from '../repositories/store.js';
import type { Article, ArticleListQuery, ArticleSummary } from '../schemas/articles.js';
import type { ArticleEntity, Paragraph, Quote } from '../schemas/annotations.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import {
  presentArticle,
  presentArticleListItem,
  presentGender,
  presentMention,
  presentParagraph,
  presentQuote,
} from './presenters.js';

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SubListQuery {
  limit: number;
  cursor?: string | undefined;
}

export interface AnnotationListQuery extends SubListQuery {
  /** Comma-separated extra statuses to list: rejected, orphaned. */
  include?: string | undefined;
}

export interface QuoteListQuery extends AnnotationListQuery {
  /** Only quotes of these kinds. */
  kind?: QuoteKindValue[] | undefined;
}

const statusesFor = (include: string | undefined): ReviewStatusValue[] =>
  visibleStatuses((include?.split(',') ?? []) as ReviewStatusValue[]);

/** Mentions listed per entity of an article (ArticleEntity.mentions' maxItems). */
const MENTIONS_LISTED = 100;

/** A `since` or `until` bound: a time Postgres can store (years 1 to 9999; the format admits year 0). */
function ingestTime(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  const year = time.getUTCFullYear();
  if (Number.isNaN(time.getTime()) || year < 1 || year > 9999) throw new ApiError('validation-failed', `\`${name}\` is not a valid time`);
  return time;
}

/** Reads and deletes articles and their annotations. */
export class ArticleService {
  constructor(private readonly store: Store) {}

  private get repos() {
    return this.store.repositories;
  }

  async get(id: string): Promise<Article> {
    const row = await this.repos.articles.findById(id);
    if (!row) throw notFound('article', id);
    return presentArticle(row);
  }

  async list(query: ArticleListQuery): Promise<PageResult<ArticleSummary>> {
    const since = ingestTime(query.since, 'since');
    const until = ingestTime(query.until, 'until');
    if (since && until && since > until) throw new ApiError('validation-failed', '`since` is after `until`');
    const beforeId = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const rows = await this.repos.articles.list({
      limit: query.limit + 1,
      beforeId,
      source: query.source,
      since,
      until,
      entityId: query.entity,
      q: query.q,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(presentArticleListItem),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
    };
  }

  async delete(id: string, version: number): Promise<void> {
    const deleted = await this.store.transaction((repos) => repos.articles.delete(id, version));
    if (deleted) return;
    if (await this.repos.articles.exists(id)) {
      throw new ApiError('precondition-failed', 'The article changed since that ETag: read it again and retry.');
    }
    throw notFound('article', id);
  }

  async paragraphs(id: string, query: SubListQuery): Promise<PageResult<Paragraph>> {
    const article = await this.repos.articles.findById(id);
    if (!article) throw notFound('article', id);
    const after = query.cursor ? decodeCursor(query.cursor, { index: 'int' }).index : -1;
    const rows = await this.repos.articles.listParagraphs(id, after, query.limit + 1);
    const text = new CodePointText(article.text);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => presentParagraph(row, text)),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ index: last.index }) : null,
    };
  }

  async quotes(id: string, query: QuoteListQuery): Promise<PageResult<Quote>> {
    const after = query.cursor ? decodeCursor(query.cursor, { start: 'int', id: 'uuid' }) : null;
    const rows = await this.repos.annotations.listQuotes(id, after, query.limit + 1, statusesFor(query.include), query.kind);
    // Only an empty page needs to tell "no quotes" from "no article".
    if (rows.length === 0) await this.assertExists(id);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(presentQuote),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ start: last.start, id: last.id }) : null,
    };
  }

  /** The article's entities, each with its mentions, ordered by first mention. */
  async entities(id: string, query: AnnotationListQuery): Promise<PageResult<ArticleEntity>> {
    const after = query.cursor ? decodeCursor(query.cursor, { start: 'int', id: 'uuid' }) : null;
    const mentions = await this.repos.annotations.listMentions(id, statusesFor(query.include));
    if (mentions.length === 0) await this.assertExists(id);
    const byEntity = new Map<string, { first: number; entity: ArticleEntity }>();
    for (const mention of mentions) {
      let group = byEntity.get(mention.entityId);
      if (!group) {
        const { id: entityId, type, canonicalName } = mention.entity;
        group = { first: mention.start, entity: { id: entityId, type, canonicalName, ...presentGender(mention.entity), mentionCount: 0, mentions: [] } };
        byEntity.set(mention.entityId, group);
      }
      // Capped, so that one answer stays small whatever the article holds (the schema says so).
      if (group.entity.mentionCount++ < MENTIONS_LISTED) group.entity.mentions.push(presentMention(mention));
    }
    const ordered = [...byEntity.values()].filter(
      (group) => !after || group.first > after.start || (group.first === after.start && group.entity.id > after.id),
    );
    const page = ordered.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((group) => group.entity),
      nextCursor:
        ordered.length > query.limit && last ? encodeCursor({ start: last.first, id: last.entity.id }) : null,
    };
  }

  private async assertExists(id: string): Promise<void> {
    if (!(await this.repos.articles.exists(id))) throw notFound('article', id);
  }
}
