import type { Prisma } from '../generated/prisma/client.js';
import type { DbClient } from './db-client.js';

export type MentionInsert = Prisma.MentionCreateManyInput;
export type QuoteInsert = Prisma.QuoteCreateManyInput;

const entityRef = { select: { id: true, type: true, canonicalName: true } } as const;

const quoteInclude = {
  speakerEntity: entityRef,
  viaEntity: entityRef,
  speakerMention: { select: { id: true, start: true, end: true, text: true } },
} as const;

export type QuoteRow = Prisma.QuoteGetPayload<{ include: typeof quoteInclude }>;
export type MentionRow = Prisma.MentionGetPayload<{ include: { entity: typeof entityRef } }>;

export class AnnotationRepository {
  constructor(private readonly db: DbClient) {}

  async insertMentions(rows: MentionInsert[]): Promise<void> {
    if (rows.length > 0) await this.db.mention.createMany({ data: rows });
  }

  async insertQuotes(rows: QuoteInsert[]): Promise<void> {
    if (rows.length > 0) await this.db.quote.createMany({ data: rows });
  }

  /** Quotes in text order after the (start, id) keyset position. */
  listQuotes(articleId: string, after: { start: number; id: string } | null, limit: number): Promise<QuoteRow[]> {
    return this.db.quote.findMany({
      where: {
        articleId,
        ...(after
          ? { OR: [{ start: { gt: after.start } }, { start: after.start, id: { gt: after.id } }] }
          : {}),
      },
      include: quoteInclude,
      orderBy: [{ start: 'asc' }, { id: 'asc' }],
      take: limit,
    });
  }

  /** Every mention of the article with its entity, in text order. */
  listMentions(articleId: string): Promise<MentionRow[]> {
    return this.db.mention.findMany({
      where: { articleId },
      include: { entity: entityRef },
      orderBy: [{ start: 'asc' }, { id: 'asc' }],
    });
  }
}
