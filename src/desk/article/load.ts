import { client, ok } from '../api';
import type { Article, ArticleEntity, HistoryEvent, Paragraph, Quote } from '../types';

export interface ArticleData {
  article: Article;
  /** Every quote, rejected ones included (the text shows the others). */
  quotes: Quote[];
  entities: ArticleEntity[];
  paragraphs: Paragraph[];
  history: HistoryEvent[];
}

/** Most pages a list is followed for: an article has far fewer annotations than this allows. */
const MAX_PAGES = 20;

async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const result = await page(cursor);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

export async function loadArticle(id: string): Promise<ArticleData> {
  const path = { id };
  const [article, quotes, entities, paragraphs, history] = await Promise.all([
    ok(client.GET('/v1/articles/{id}', { params: { path } })) as Promise<Article>,
    allPages((cursor) =>
      ok(client.GET('/v1/articles/{id}/quotes', { params: { path, query: { limit: 500, include: 'rejected', ...(cursor ? { cursor } : {}) } } })),
    ),
    allPages((cursor) => ok(client.GET('/v1/articles/{id}/entities', { params: { path, query: { limit: 500, ...(cursor ? { cursor } : {}) } } }))),
    allPages((cursor) => ok(client.GET('/v1/articles/{id}/paragraphs', { params: { path, query: { limit: 500, ...(cursor ? { cursor } : {}) } } }))),
    loadHistory(id),
  ]);
  return { article, quotes, entities, paragraphs, history };
}

export const loadHistory = (id: string): Promise<HistoryEvent[]> =>
  allPages((cursor) =>
    ok(client.GET('/v1/articles/{id}/history', { params: { path: { id }, query: { limit: 500, ...(cursor ? { cursor } : {}) } } })),
  );
