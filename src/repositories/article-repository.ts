import type { Prisma } from '../generated/prisma/client.js';
import type { DbClient } from './db-client.js';

export type ArticleRow = Prisma.ArticleGetPayload<object>;
export type ArticleInsert = Prisma.ArticleCreateManyInput;
export type ParagraphInsert = Prisma.ParagraphCreateManyInput;
export type ParagraphRow = Prisma.ParagraphGetPayload<object>;

export interface ArticleListFilter {
  limit: number;
  /** Only ids strictly below this one (the keyset cursor; ids are time-ordered UUIDv7). */
  beforeId?: string | undefined;
  source?: string | undefined;
  since?: Date | undefined;
}

export class ArticleRepository {
  constructor(private readonly db: DbClient) {}

  findById(id: string): Promise<ArticleRow | null> {
    return this.db.article.findUnique({ where: { id } });
  }

  findByContentHash(contentHash: string): Promise<ArticleRow | null> {
    return this.db.article.findUnique({ where: { contentHash } });
  }

  findBySourceExternalId(source: string, externalId: string): Promise<ArticleRow | null> {
    return this.db.article.findUnique({ where: { source_externalId: { source, externalId } } });
  }

  /** Newest first; returns at most `limit` rows. */
  list(filter: ArticleListFilter): Promise<ArticleRow[]> {
    return this.db.article.findMany({
      where: {
        ...(filter.beforeId ? { id: { lt: filter.beforeId } } : {}),
        ...(filter.source ? { source: filter.source } : {}),
        ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
      },
      orderBy: { id: 'desc' },
      take: filter.limit,
    });
  }

  async insert(article: ArticleInsert, paragraphs: ParagraphInsert[]): Promise<void> {
    await this.db.article.create({ data: article });
    if (paragraphs.length > 0) await this.db.paragraph.createMany({ data: paragraphs });
  }

  /** Deletes the article with its paragraphs, mentions and quotes; false when it did not exist. */
  async delete(id: string): Promise<boolean> {
    const { count } = await this.db.article.deleteMany({ where: { id } });
    return count > 0;
  }

  listParagraphs(articleId: string, afterIndex: number, limit: number): Promise<ParagraphRow[]> {
    return this.db.paragraph.findMany({
      where: { articleId, index: { gt: afterIndex } },
      orderBy: { index: 'asc' },
      take: limit,
    });
  }
}
