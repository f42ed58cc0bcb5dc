import { Prisma } from '../generated/prisma/client.js';
import type { SqlReader } from '../db/sql-reader.js';
import type { DbClient } from './db-client.js';

export type ArticleRow = Prisma.ArticleGetPayload<object>;
/** An article without its text: what lists show. */
export type ArticleSummaryRow = Omit<ArticleRow, 'text'>;
export type ArticleInsert = Prisma.ArticleCreateManyInput;
export type ParagraphInsert = Prisma.ParagraphCreateManyInput;
export type ParagraphRow = Prisma.ParagraphGetPayload<object>;
export type RevisionRow = Prisma.ArticleRevisionGetPayload<object>;
export type ArticleTextUpdate = Prisma.ArticleUncheckedUpdateManyInput;

export interface ArticleListFilter {
  limit: number;
  /** Only articles that mention this entity. */
  entityId?: string | undefined;
  /** Full-text search over headline and text (web search syntax). */
  q?: string | undefined;
  /** Only ids strictly below this one (the keyset cursor; ids are time-ordered UUIDv7). */
  beforeId?: string | undefined;
  source?: string | undefined;
  since?: Date | undefined;
}

/** Every column of ArticleSummaryRow, from the generated client so it follows the schema. */
const summaryColumns = Prisma.raw(
  Object.values(Prisma.ArticleScalarFieldEnum)
    .filter((column) => column !== 'text')
    .map((column) => `a."${column}"`)
    .join(', '),
);

export class ArticleRepository {
  constructor(
    private readonly db: DbClient,
    private readonly reader: SqlReader,
  ) {}

  findById(id: string): Promise<ArticleRow | null> {
    return this.db.article.findUnique({ where: { id } });
  }

  findByContentHash(contentHash: string): Promise<ArticleRow | null> {
    return this.db.article.findUnique({ where: { contentHash } });
  }

  findBySourceExternalId(source: string, externalId: string): Promise<ArticleRow | null> {
    return this.db.article.findUnique({ where: { source_externalId: { source, externalId } } });
  }

  /** Newest first, without the text; returns at most `limit` rows. One statement, on the page reader. */
  list(filter: ArticleListFilter): Promise<ArticleSummaryRow[]> {
    const conditions = [
      ...(filter.q ? [Prisma.sql`a."searchVector" @@ websearch_to_tsquery('english', ${filter.q})`] : []),
      ...(filter.beforeId ? [Prisma.sql`a."id" < ${filter.beforeId}::uuid`] : []),
      ...(filter.source ? [Prisma.sql`a."source" = ${filter.source}`] : []),
      ...(filter.since ? [Prisma.sql`a."createdAt" >= ${filter.since}`] : []),
      ...(filter.entityId
        ? [Prisma.sql`EXISTS (SELECT 1 FROM "Mention" m WHERE m."articleId" = a."id" AND m."entityId" = ${filter.entityId}::uuid)`]
        : []),
    ];
    return this.reader.rows<ArticleSummaryRow>(Prisma.sql`
      SELECT ${summaryColumns} FROM "Article" a
       ${conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty}
       ORDER BY a."id" DESC LIMIT ${filter.limit}`);
  }

  /** The newest articles naming an entity. */
  listNamingEntity(entityId: string, limit: number) {
    return this.db.article.findMany({
      where: { mentions: { some: { entityId } } },
      select: { id: true, headline: true, createdAt: true },
      orderBy: { id: 'desc' },
      take: limit,
    });
  }

  /** Stores the article and its paragraphs; returns the stored row (defaults and timestamps filled in). */
  async insert(article: ArticleInsert, paragraphs: ParagraphInsert[]): Promise<ArticleRow> {
    const row = await this.db.article.create({ data: article });
    await this.insertParagraphs(paragraphs);
    return row;
  }

  /** One statement over arrays, whatever the number of paragraphs (see AnnotationRepository). */
  private async insertParagraphs(rows: ParagraphInsert[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.$executeRaw`
      INSERT INTO "Paragraph" ("id", "articleId", "index", "role", "start", "end")
      SELECT p.id, p."articleId", p.index, p.role::"ParagraphRole", p.start, p."end"
        FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.articleId)}::uuid[],
                    ${rows.map((r) => r.index)}::int[], ${rows.map((r) => r.role)}::text[],
                    ${rows.map((r) => r.start)}::int[], ${rows.map((r) => r.end)}::int[])
          AS p(id, "articleId", index, role, start, "end")`;
  }

  /** Deletes the article with everything it owns, if it still has `version`; false otherwise. */
  async delete(id: string, version?: number): Promise<boolean> {
    const { count } = await this.db.article.deleteMany({ where: { id, ...(version === undefined ? {} : { version }) } });
    return count > 0;
  }

  /** Stores new annotation counts and bumps the version (the representation changed). */
  async setCounts(id: string, counts: { quotes: number; mentions: number; entities: number }): Promise<void> {
    await this.db.article.update({
      where: { id },
      data: {
        quoteCount: counts.quotes,
        mentionCount: counts.mentions,
        entityCount: counts.entities,
        version: { increment: 1 },
      },
    });
  }

  exists(id: string): Promise<boolean> {
    return this.db.article.count({ where: { id } }).then((n) => n > 0);
  }

  listAllParagraphs(articleId: string): Promise<ParagraphRow[]> {
    return this.db.paragraph.findMany({ where: { articleId }, orderBy: { index: 'asc' } });
  }

  listParagraphs(articleId: string, afterIndex: number, limit: number): Promise<ParagraphRow[]> {
    return this.db.paragraph.findMany({
      where: { articleId, index: { gt: afterIndex } },
      orderBy: { index: 'asc' },
      take: limit,
    });
  }

  /** Replaces text and header columns if the article still has `version`; false otherwise. */
  async replaceText(id: string, version: number, data: ArticleTextUpdate): Promise<boolean> {
    const { count } = await this.db.article.updateMany({
      where: { id, version },
      data: { ...data, revision: { increment: 1 }, version: { increment: 1 } },
    });
    return count === 1;
  }

  async replaceParagraphs(articleId: string, paragraphs: ParagraphInsert[]): Promise<void> {
    await this.db.paragraph.deleteMany({ where: { articleId } });
    await this.insertParagraphs(paragraphs);
  }

  async saveRevision(row: Prisma.ArticleRevisionCreateManyInput): Promise<void> {
    await this.db.articleRevision.create({ data: row });
  }

  listRevisions(articleId: string): Promise<RevisionRow[]> {
    return this.db.articleRevision.findMany({ where: { articleId }, orderBy: { revision: 'asc' } });
  }

  findRevision(articleId: string, revision: number): Promise<RevisionRow | null> {
    return this.db.articleRevision.findUnique({ where: { articleId_revision: { articleId, revision } } });
  }
}
