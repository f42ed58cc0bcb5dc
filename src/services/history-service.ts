import { notFound } from '../errors.js';
import type { EventRow } from '../repositories/event-repository.js';
import type { Store } from '../repositories/store.js';
import type { AnnotationEvent } from '../schemas/editorial.js';
import type { PageResult, SubListQuery } from './article-service.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { isoTime } from '../lib/iso-time.js';

const presentEvent = (row: EventRow): AnnotationEvent => ({
  id: row.id,
  articleId: row.articleId,
  targetType: row.targetType,
  targetId: row.targetId,
  action: row.action,
  actor: row.actor,
  before: (row.before ?? null) as Record<string, unknown> | null,
  after: (row.after ?? null) as Record<string, unknown> | null,
  createdAt: isoTime(row.createdAt),
});

/** Reads the change history of an article or one of its annotations. */
export class HistoryService {
  constructor(private readonly store: Store) {}

  async list(articleId: string, targetId: string | undefined, query: SubListQuery): Promise<PageResult<AnnotationEvent>> {
    const afterId = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const rows = await this.store.repositories.events.list({ articleId, ...(targetId ? { targetId } : {}) }, afterId, query.limit + 1);
    if (rows.length === 0 && !afterId && !(await this.store.repositories.articles.exists(articleId))) {
      throw notFound('article', articleId);
    }
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(presentEvent),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
    };
  }
}
