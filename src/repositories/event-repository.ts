import { uuidv7 } from 'uuidv7';
import { Prisma, type EventTarget } from '../generated/prisma/client.js';
import type { SqlReader } from '../db/sql-reader.js';
import { prismaReader, type DbClient } from './db-client.js';

export type EventRow = Prisma.AnnotationEventGetPayload<object>;

export interface NewEvent {
  articleId: string | null;
  targetType: EventTarget;
  targetId: string;
  action: string;
  actor: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const json = (value: Record<string, unknown> | null): Prisma.InputJsonValue | typeof Prisma.DbNull =>
  value === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

const eventColumns = Prisma.raw(Object.values(Prisma.AnnotationEventScalarFieldEnum).map((column) => `"${column}"`).join(', '));

/** The change history: append-only. */
export class EventRepository {
  constructor(
    private readonly db: DbClient,
    private readonly reader: SqlReader = prismaReader(db),
  ) {}

  async append(events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.annotationEvent.createMany({
      data: events.map((event) => ({
        id: uuidv7(),
        ...event,
        before: json(event.before),
        after: json(event.after),
      })),
    });
  }

  findById(id: string): Promise<EventRow | null> {
    return this.db.annotationEvent.findUnique({ where: { id } });
  }

  /** Oldest first after the id cursor; for one article, or one annotation of it. One statement on the page reader. */
  list(filter: { articleId: string; targetId?: string }, afterId: string | undefined, limit: number): Promise<EventRow[]> {
    return this.reader.rows(Prisma.sql`
      SELECT ${eventColumns} FROM "AnnotationEvent"
       WHERE "articleId" = ${filter.articleId}::uuid
         ${filter.targetId ? Prisma.sql`AND "targetId" = ${filter.targetId}::uuid` : Prisma.empty}
         ${afterId ? Prisma.sql`AND "id" > ${afterId}::uuid` : Prisma.empty}
       ORDER BY "id" LIMIT ${limit}`);
  }
}
