import { Prisma } from '../generated/prisma/client.js';
import type { SqlReader } from '../db/sql-reader.js';
import { isDriverViolation, type DbClient } from './db-client.js';
import { jsonRecordset } from './json-rows.js';
import { keyedMentionsAndQuotesCtes, type KeyedMentionInsert, type KeyedQuoteInsert } from './annotation-repository.js';
import { entityResolutionCtes, prepareEntityKeys, type EntityKey } from './entity-repository.js';

export type ArticleRow = Prisma.ArticleGetPayload<object>;
/** An article without its text: what lists show. */
export type ArticleSummaryRow = Omit<ArticleRow, 'text'>;
/** A row of an article list: the summary and how many of its quotes and mentions are unreviewed. */
export type ArticleListRow = ArticleSummaryRow & { unreviewedQuotes: number; unreviewedMentions: number };
export type ArticleInsert = Prisma.ArticleCreateManyInput;
export type ParagraphInsert = Prisma.ParagraphCreateManyInput;
export type ParagraphRow = Prisma.ParagraphGetPayload<object>;
export type RevisionRow = Prisma.ArticleRevisionGetPayload<object>;
/** An earlier revision without its text and keys: what the list of revisions shows. */
export type RevisionSummaryRow = Pick<RevisionRow, 'revision' | 'contentHash' | 'headline' | 'pipelineVersion' | 'createdBy' | 'createdAt' | 'replacedAt'>;
/** The article's current text as a revision: its own columns. */
export type CurrentRevisionRow = Pick<ArticleRow, 'revision' | 'contentHash' | 'headline' | 'pipelineVersion' | 'createdAt'>;
export type ArticleTextUpdate = Prisma.ArticleUncheckedUpdateManyInput;

/** A new article with everything the pipeline found in it, for insertAnnotated. */
export interface AnnotatedArticleInsert {
  article: ArticleInsert & { pipelineVersion: string };
  paragraphs: ParagraphInsert[];
  entities: EntityKey[];
  mentions: KeyedMentionInsert[];
  quotes: KeyedQuoteInsert[];
}

/**
 * True when insertAnnotated stored nothing because an entity of the article could not be resolved
 * inside its statement (a concurrent ingest committed it, or a merge deleted it, while the statement
 * ran): the statement's guard turns that into a not-null violation. As pg and PGlite report it
 * (SQLSTATE 23502), and as Prisma's raw queries do inside a transaction (P2010 with the adapter's
 * `NullConstraintViolation`).
 */
export const isUnresolvedEntity = (error: unknown): boolean => isDriverViolation(error, '23502', 'NullConstraintViolation');

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
  /** Exclusive. */
  until?: Date | undefined;
}

/** Columns of ArticleRow, from the generated client so they follow the schema. */
const articleColumnNames = Object.values(Prisma.ArticleScalarFieldEnum);
const articleColumns = Prisma.raw(articleColumnNames.map((column) => `"${column}"`).join(', '));
const columnsOf = (fields: Record<string, string>) => Prisma.raw(Object.values(fields).map((column) => `"${column}"`).join(', '));
const paragraphColumns = columnsOf(Prisma.ParagraphScalarFieldEnum);
const revisionColumns = columnsOf(Prisma.ArticleRevisionScalarFieldEnum);
/** Every column of ArticleSummaryRow. */
const summaryColumns = Prisma.raw(
  articleColumnNames
    .filter((column) => column !== 'text')
    .map((column) => `a."${column}"`)
    .join(', '),
);

/** The article's INSERT ... RETURNING, for a common table expression; `entityCount` is its SQL value. */
function insertArticleSql(a: ArticleInsert, entityCount: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
        INSERT INTO "Article" ("id", "contentHash", "source", "externalId", "url", "publishedAt", "language", "format",
                               "headline", "sourceLine", "standfirst", "datelineText", "datelinePlace", "datelineAgency",
                               "byline", "text", "pipelineVersion", "paragraphCount", "quoteCount", "entityCount",
                               "mentionCount", "updatedAt")
        VALUES (${a.id}::uuid, ${a.contentHash}, ${a.source ?? null}, ${a.externalId ?? null}, ${a.url ?? null},
                ${a.publishedAt ?? null}::timestamptz, ${a.language ?? null}, ${a.format}::"ArticleFormat",
                ${a.headline ?? null}, ${a.sourceLine ?? null}, ${a.standfirst ?? null}, ${a.datelineText ?? null},
                ${a.datelinePlace ?? null}, ${a.datelineAgency ?? null}, ${a.byline ?? null}, ${a.text},
                ${a.pipelineVersion}, ${a.paragraphCount}, ${a.quoteCount}, ${entityCount}, ${a.mentionCount}, now())
        RETURNING ${articleColumns}`;
}

/** One statement over a JSON recordset, whatever the number of paragraphs (src/repositories/json-rows.ts). */
function insertParagraphsSql(rows: ParagraphInsert[]): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO "Paragraph" ("id", "articleId", "index", "role", "start", "end")
      SELECT p.id, p."articleId", p.index, p.role::"ParagraphRole", p.start, p."end"
        FROM ${jsonRecordset(rows, 'p', { id: 'uuid', articleId: 'uuid', index: 'int', role: 'text', start: 'int', end: 'int' })}`;
}

export class ArticleRepository {
  constructor(
    private readonly db: DbClient,
    private readonly reader: SqlReader,
  ) {}

  // Looking an article up by a key is on every read of one article and every ingest (the
  // duplicate check): one statement on the page reader.

  findById(id: string): Promise<ArticleRow | null> {
    return this.findOne(Prisma.sql`"id" = ${id}::uuid`);
  }

  findByContentHash(contentHash: string): Promise<ArticleRow | null> {
    return this.findOne(Prisma.sql`"contentHash" = ${contentHash}`);
  }

  findBySourceExternalId(source: string, externalId: string): Promise<ArticleRow | null> {
    return this.findOne(Prisma.sql`"source" = ${source} AND "externalId" = ${externalId}`);
  }

  /**
   * The article row, locked until the transaction ends: every change of an article or its
   * annotations takes this lock first, so they run one after the other and always in the same
   * lock order (no lost revision, no deadlock between a revision and a correction).
   */
  async lockForUpdate(id: string): Promise<ArticleRow | null> {
    const rows = await this.db.$queryRaw<ArticleRow[]>`SELECT ${articleColumns} FROM "Article" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  private async findOne(condition: Prisma.Sql): Promise<ArticleRow | null> {
    const rows = await this.reader.rows<ArticleRow>(Prisma.sql`SELECT ${articleColumns} FROM "Article" WHERE ${condition}`);
    return rows[0] ?? null;
  }

  /**
   * Newest first, without the text, with the unreviewed counts (counted only for the rows of the
   * page); returns at most `limit` rows. One statement, on the page reader.
   */
  list(filter: ArticleListFilter): Promise<ArticleListRow[]> {
    const conditions = [
      ...(filter.q ? [Prisma.sql`a."searchVector" @@ websearch_to_tsquery('english', ${filter.q})`] : []),
      ...(filter.beforeId ? [Prisma.sql`a."id" < ${filter.beforeId}::uuid`] : []),
      ...(filter.source ? [Prisma.sql`a."source" = ${filter.source}`] : []),
      ...(filter.since ? [Prisma.sql`a."createdAt" >= ${filter.since}`] : []),
      ...(filter.until ? [Prisma.sql`a."createdAt" < ${filter.until}`] : []),
      ...(filter.entityId
        ? [Prisma.sql`EXISTS (SELECT 1 FROM "Mention" m WHERE m."articleId" = a."id" AND m."entityId" = ${filter.entityId}::uuid)`]
        : []),
    ];
    return this.reader.rows<ArticleListRow>(Prisma.sql`
      SELECT a.*,
             (SELECT count(*)::int FROM "Quote" q WHERE q."articleId" = a."id" AND q."reviewStatus" = 'unreviewed') AS "unreviewedQuotes",
             (SELECT count(*)::int FROM "Mention" m WHERE m."articleId" = a."id" AND m."reviewStatus" = 'unreviewed') AS "unreviewedMentions"
        FROM (SELECT ${summaryColumns} FROM "Article" a
               ${conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty}
               ORDER BY a."id" DESC LIMIT ${filter.limit}) a
       ORDER BY a."id" DESC`);
  }

  /** The newest articles naming an entity. */
  listNamingEntity(entityId: string, limit: number): Promise<Pick<ArticleRow, 'id' | 'headline' | 'createdAt'>[]> {
    return this.reader.rows(Prisma.sql`
      SELECT a."id", a."headline", a."createdAt" FROM "Article" a
       WHERE EXISTS (SELECT 1 FROM "Mention" m WHERE m."articleId" = a."id" AND m."entityId" = ${entityId}::uuid)
       ORDER BY a."id" DESC LIMIT ${limit}`);
  }

  /**
   * Stores the article and its paragraphs in one statement; returns the stored row (defaults and
   * timestamps filled in). The paragraphs' foreign key is checked at the statement's end.
   */
  async insert(article: ArticleInsert, paragraphs: ParagraphInsert[]): Promise<ArticleRow> {
    const a = article;
    const rows = await this.db.$queryRaw<ArticleRow[]>`
      WITH article AS (
${insertArticleSql(a, Prisma.sql`${a.entityCount}`)}
      ), paragraphs AS (${insertParagraphsSql(paragraphs)})
      SELECT * FROM article`;
    const row = rows[0];
    if (!row) throw new Error(`article ${a.id} was not returned by its insert`);
    return row;
  }

  /**
   * Stores a new article with its paragraphs, entities (found or created, with their aliases and
   * gender estimates), mentions and quotes in one statement, which is atomic on its own: one round
   * trip and no transaction to open and commit, where insert, EntityRepository.resolve and
   * AnnotationRepository.insertMentionsAndQuotes take three inside one. It writes what those write.
   * Returns the stored article row. Goes to the driver (the page reader: the pool, PGlite, or
   * Prisma's raw query inside a transaction), past Prisma's query path.
   *
   * Every entity key must be resolved inside the statement: the article's entity count is NULL
   * otherwise (a not-null violation, isUnresolvedEntity), so nothing is stored, and the caller
   * takes the path of several statements, whose EntityRepository.resolve reads entities committed
   * meanwhile. Foreign keys (mentions to entities and the article, quotes to mentions) are checked
   * at the statement's end, when every row is there. A unique violation means the article is
   * already stored.
   */
  async insertAnnotated(input: AnnotatedArticleInsert): Promise<ArticleRow> {
    const { article: a, paragraphs, mentions, quotes } = input;
    const { sorted, aliasRows } = prepareEntityKeys(input.entities);
    const rows = await this.reader.rows<ArticleRow>(Prisma.sql`
      WITH ${entityResolutionCtes(sorted, aliasRows)},
      article AS (
${insertArticleSql(a, Prisma.sql`(SELECT CASE WHEN count(*) = ${sorted.length}::int THEN ${a.entityCount}::int END FROM resolved)`)}
      ), paragraphs AS (${insertParagraphsSql(paragraphs)}),
      ${keyedMentionsAndQuotesCtes(a.id, a.pipelineVersion, mentions, quotes)}
      SELECT * FROM article`);
    const row = rows[0];
    if (!row) throw new Error(`article ${a.id} was not returned by its insert`);
    return row;
  }

  private async insertParagraphs(rows: ParagraphInsert[]): Promise<void> {
    if (rows.length > 0) await this.db.$executeRaw(insertParagraphsSql(rows));
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

  // Reads of paragraphs, revisions and existence: one statement each on the page reader (Prisma's
  // query path cost these reads more CPU than the query itself: docs/benchmarks.md).

  async exists(id: string): Promise<boolean> {
    const rows = await this.reader.rows<{ found: boolean }>(Prisma.sql`SELECT EXISTS (SELECT 1 FROM "Article" WHERE "id" = ${id}::uuid) AS "found"`);
    return rows[0]?.found === true;
  }

  listAllParagraphs(articleId: string): Promise<ParagraphRow[]> {
    return this.reader.rows(Prisma.sql`SELECT ${paragraphColumns} FROM "Paragraph" WHERE "articleId" = ${articleId}::uuid ORDER BY "index"`);
  }

  listParagraphs(articleId: string, afterIndex: number, limit: number): Promise<ParagraphRow[]> {
    return this.reader.rows(Prisma.sql`
      SELECT ${paragraphColumns} FROM "Paragraph"
       WHERE "articleId" = ${articleId}::uuid AND "index" > ${afterIndex} ORDER BY "index" LIMIT ${limit}`);
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

  /**
   * An article's earlier revisions (without their texts), oldest first, and its current one; null
   * when there is no such article. One statement (a look-up of the article and then its revisions
   * was two round trips, and read every text: 0.55x of the raw read in `npm run bench`).
   */
  async listRevisionsWithCurrent(articleId: string): Promise<{ earlier: RevisionSummaryRow[]; current: CurrentRevisionRow } | null> {
    const rows = await this.reader.rows<RevisionSummaryRow & { current: boolean }>(Prisma.sql`
      SELECT "revision", false AS "current", "contentHash", "headline", "pipelineVersion", "createdBy", "createdAt", "replacedAt"
        FROM "ArticleRevision" WHERE "articleId" = ${articleId}::uuid
      UNION ALL
      SELECT "revision", true, "contentHash", "headline", "pipelineVersion", NULL, "createdAt", NULL
        FROM "Article" WHERE "id" = ${articleId}::uuid
      ORDER BY "current", "revision"`);
    const current = rows.at(-1);
    if (!current?.current) return null;
    return { earlier: rows.slice(0, -1), current };
  }

  /**
   * Revision `revision` of an article and its current revision, in one statement; null when there
   * is no such article. When `revision` is the current one, `current.text` is its text and
   * `revision` the one before it (for when it became current), without text; otherwise
   * `revision` is that earlier revision with its text (null if the article has none such).
   */
  async findRevisionWithCurrent(
    articleId: string,
    revision: number,
  ): Promise<{ current: CurrentRevisionRow & { text: string | null }; revision: (RevisionSummaryRow & { text: string | null }) | null } | null> {
    const rows = await this.reader.rows<
      { cRevision: number; cContentHash: string; cHeadline: string | null; cPipelineVersion: string; cCreatedAt: Date; cText: string | null } & {
        [K in keyof RevisionSummaryRow]: RevisionSummaryRow[K] | null;
      } & { text: string | null }
    >(Prisma.sql`
      SELECT a."revision" AS "cRevision", a."contentHash" AS "cContentHash", a."headline" AS "cHeadline",
             a."pipelineVersion" AS "cPipelineVersion", a."createdAt" AS "cCreatedAt",
             CASE WHEN a."revision" = ${revision}::int THEN a."text" END AS "cText",
             r."revision", r."contentHash", r."headline", r."pipelineVersion", r."createdBy", r."createdAt", r."replacedAt",
             CASE WHEN a."revision" <> ${revision}::int THEN r."text" END AS "text"
        FROM "Article" a
        LEFT JOIN "ArticleRevision" r ON r."articleId" = a."id"
         AND r."revision" = CASE WHEN a."revision" = ${revision}::int THEN ${revision}::int - 1 ELSE ${revision}::int END
       WHERE a."id" = ${articleId}::uuid`);
    const row = rows[0];
    if (!row) return null;
    const current = {
      revision: row.cRevision,
      contentHash: row.cContentHash,
      headline: row.cHeadline,
      pipelineVersion: row.cPipelineVersion,
      createdAt: row.cCreatedAt,
      text: row.cText,
    };
    if (row.revision === null) return { current, revision: null };
    return {
      current,
      revision: {
        revision: row.revision,
        contentHash: row.contentHash!,
        headline: row.headline,
        pipelineVersion: row.pipelineVersion!,
        createdBy: row.createdBy,
        createdAt: row.createdAt!,
        replacedAt: row.replacedAt!,
        text: row.text,
      },
    };
  }

  async findRevision(articleId: string, revision: number): Promise<RevisionRow | null> {
    const rows = await this.reader.rows<RevisionRow>(Prisma.sql`
      SELECT ${revisionColumns} FROM "ArticleRevision" WHERE "articleId" = ${articleId}::uuid AND "revision" = ${revision}`);
    return rows[0] ?? null;
  }
}
