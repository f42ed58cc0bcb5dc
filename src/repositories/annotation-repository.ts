import { Prisma } from '../generated/prisma/client.js';
import type { SqlReader } from '../db/sql-reader.js';
import type { DbClient } from './db-client.js';
import { jsonRecordset } from './json-rows.js';

export type MentionInsert = Prisma.MentionCreateManyInput;
export type QuoteInsert = Prisma.QuoteCreateManyInput;
export type QuoteUpdate = Prisma.QuoteUncheckedUpdateManyInput;
export type MentionUpdate = Prisma.MentionUncheckedUpdateManyInput;
export type QuotePlainRow = Prisma.QuoteGetPayload<object>;
export type MentionPlainRow = Prisma.MentionGetPayload<object>;
export type ReviewStatusValue = 'unreviewed' | 'confirmed' | 'rejected' | 'orphaned';
export type QuoteKindValue = QuotePlainRow['kind'];

/** Review statuses listed by default; `include` adds rejected and orphaned ones. */
export const visibleStatuses = (include: ReviewStatusValue[] = []): ReviewStatusValue[] => [
  'unreviewed',
  'confirmed',
  ...include,
];

const entityRef = { select: { id: true, type: true, canonicalName: true } } as const;
/** A mention's entity: its name, type and, for people, gender. */
const mentionEntityRef = { select: { ...entityRef.select, gender: true, genderSource: true } } as const;


/** What quotes across articles are narrowed by. */
export interface QuoteFilter {
  speakerEntityId?: string | undefined;
  kinds?: readonly QuoteKindValue[] | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
}

/** How many of the newest matching quotes a full-text search ranks. */
export const SEARCH_WINDOW = 1000;
// Written into the statement, not sent as a parameter: with `LIMIT $n` the prepared statement's
// generic plan guessed a handful of rows and walked the createdAt index calling the query for
// every quote (2.8 against 1.7 ms on the bench's 5,000 quotes, and the slower search's p99).
const SEARCH_WINDOW_LIMIT = Prisma.raw(String(SEARCH_WINDOW));

type EntityTypeValue = Prisma.EntityGetPayload<object>['type'];

/**
 * A quote with its speaker, speaker mention and relaying entity, their columns joined in flat
 * (null when the quote has none, or the joined row is gone): the row as the driver answers it.
 * The presenter reads it once; nesting the joined columns into objects on the row (three
 * properties added to a row of 37, a new shape per row, and objects the presenter copied again)
 * cost every quote read for nothing.
 */
export type QuoteRow = Prisma.QuoteGetPayload<object> & {
  speakerType: EntityTypeValue | null;
  speakerName: string | null;
  mentionStart: number | null;
  mentionEnd: number | null;
  mentionText: string | null;
  viaType: EntityTypeValue | null;
  viaName: string | null;
};
export type MentionRow = Prisma.MentionGetPayload<{ include: { entity: typeof mentionEntityRef } }>;

/** An entity an article names or quotes, with how often it is named and whether it is quoted. */
export interface ArticleEntitySummaryRow {
  id: string;
  type: EntityTypeValue;
  canonicalName: string;
  mentions: number;
  quoted: boolean;
}

/** A mention row with its entity's columns flattened in by a join. */
type JoinedMentionRow = MentionPlainRow & {
  entityType: MentionRow['entity']['type'];
  entityName: string;
  entityGender: MentionRow['entity']['gender'];
  entityGenderSource: MentionRow['entity']['genderSource'];
};

// Reads: one statement each on the page reader, the related rows joined in (Prisma's include was a
// statement per relation, and its query path cost these reads more CPU than Postgres did).

const columnsOf = (alias: string, fields: Record<string, string>) =>
  Prisma.raw(Object.values(fields).map((column) => `${alias}."${column}"`).join(', '));

/** A quote (`q`) with its speaker, speaker mention and relaying entity; FROM "Quote" q ${quoteJoins}. */
const joinedQuoteColumns = Prisma.sql`${columnsOf('q', Prisma.QuoteScalarFieldEnum)},
  se."type" AS "speakerType", se."canonicalName" AS "speakerName",
  sm."start" AS "mentionStart", sm."end" AS "mentionEnd", sm."text" AS "mentionText",
  ve."type" AS "viaType", ve."canonicalName" AS "viaName"`;
const quoteJoins = Prisma.sql`
  LEFT JOIN "Entity" se ON se."id" = q."speakerEntityId"
  LEFT JOIN "Mention" sm ON sm."id" = q."speakerMentionId"
  LEFT JOIN "Entity" ve ON ve."id" = q."viaEntityId"`;

/** A mention (`m`) with its entity (`e`). */
const joinedMentionColumns = Prisma.sql`${columnsOf('m', Prisma.MentionScalarFieldEnum)},
  e."type" AS "entityType", e."canonicalName" AS "entityName", e."gender" AS "entityGender", e."genderSource" AS "entityGenderSource"`;

function nestMention(row: JoinedMentionRow): MentionRow {
  const mention = row as MentionRow & JoinedMentionRow;
  mention.entity = {
    id: row.entityId,
    type: row.entityType,
    canonicalName: row.entityName,
    gender: row.entityGender,
    genderSource: row.entityGenderSource,
  };
  return mention;
}

// Bulk inserts are one statement over a JSON recordset (src/repositories/json-rows.ts).

const mentionColumns = {
  id: 'uuid', articleId: 'uuid', entityId: 'uuid', start: 'int', end: 'int', text: 'text', kind: 'text',
  prefix: 'text', suffix: 'text', origin: 'text', pipelineVersion: 'text', reviewStatus: 'text', updatedBy: 'text',
} as const;

function insertMentionsSql(rows: MentionInsert[]): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO "Mention" ("id", "articleId", "entityId", "start", "end", "text", "kind", "prefix", "suffix",
                             "origin", "pipelineVersion", "reviewStatus", "updatedBy", "updatedAt")
      SELECT m.id, m."articleId", m."entityId", m.start, m."end", m.text, m.kind::"MentionKind",
             COALESCE(m.prefix, ''), COALESCE(m.suffix, ''), COALESCE(m.origin, 'machine')::"Origin", m."pipelineVersion",
             COALESCE(m."reviewStatus", 'unreviewed')::"ReviewStatus", m."updatedBy", now()
        FROM ${jsonRecordset(rows, 'm', mentionColumns)}`;
}

const quoteColumns = {
  id: 'uuid', articleId: 'uuid', paragraphIndex: 'int', start: 'int', end: 'int', text: 'text', kind: 'text',
  speakerEntityId: 'uuid', speakerMentionId: 'uuid', viaEntityId: 'uuid', sourceText: 'text', sourceStart: 'int',
  sourceEnd: 'int', viaText: 'text', viaStart: 'int', viaEnd: 'int', cueStart: 'int', cueEnd: 'int', cueText: 'text', rule: 'text', confidence: 'float8', prefix: 'text',
  suffix: 'text', origin: 'text', pipelineVersion: 'text', reviewStatus: 'text', updatedBy: 'text',
} as const;

function insertQuotesSql(rows: QuoteInsert[]): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO "Quote" ("id", "articleId", "paragraphIndex", "start", "end", "text", "kind", "speakerEntityId",
                           "speakerMentionId", "viaEntityId", "sourceText", "sourceStart", "sourceEnd", "viaText", "viaStart",
                           "viaEnd", "cueStart", "cueEnd", "cueText", "rule", "confidence", "prefix", "suffix", "origin",
                           "pipelineVersion", "reviewStatus", "updatedBy", "updatedAt")
      SELECT q.id, q."articleId", q."paragraphIndex", q.start, q."end", q.text, q.kind::"QuoteKind", q."speakerEntityId",
             q."speakerMentionId", q."viaEntityId", q."sourceText", q."sourceStart", q."sourceEnd", q."viaText", q."viaStart",
             q."viaEnd", q."cueStart", q."cueEnd", q."cueText", q.rule, q.confidence,
             COALESCE(q.prefix, ''), COALESCE(q.suffix, ''), COALESCE(q.origin, 'machine')::"Origin", q."pipelineVersion",
             COALESCE(q."reviewStatus", 'unreviewed')::"ReviewStatus", q."updatedBy", now()
        FROM ${jsonRecordset(rows, 'q', quoteColumns)}`;
}

/**
 * A new article's mention, naming its entity by key (`entityType`, `entityName`: the normalized
 * name) rather than by id: the statement that stores the article resolves the entities itself.
 */
export interface KeyedMentionInsert {
  id: string;
  entityType: string;
  entityName: string;
  start: number;
  end: number;
  text: string;
  kind: MentionPlainRow['kind'];
  prefix: string;
  suffix: string;
}

/** A new article's quote, naming its speaker and relaying entity by key, as KeyedMentionInsert does. */
export type KeyedQuoteInsert = Omit<QuoteInsert, 'articleId' | 'speakerEntityId' | 'viaEntityId' | 'pipelineVersion' | 'origin' | 'reviewStatus' | 'updatedBy' | 'createdAt' | 'updatedAt' | 'version'> & {
  speakerType: string | null;
  speakerName: string | null;
  viaType: string | null;
  viaName: string | null;
};

/**
 * The mentions and quotes of a new article as two data-modifying common table expressions
 * (`mentions`, `quotes`) of the statement that stores it: their entities are looked up by key in
 * its `resolved` (src/repositories/entity-repository.ts), the article id and pipeline version are
 * parameters. A key missing from `resolved` leaves a mention's entity NULL, a not-null violation.
 * The columns are those insertMentionsSql and insertQuotesSql write for a machine annotation.
 */
export function keyedMentionsAndQuotesCtes(
  articleId: string,
  pipelineVersion: string,
  mentions: KeyedMentionInsert[],
  quotes: KeyedQuoteInsert[],
): Prisma.Sql {
  return Prisma.sql`
      mentions AS (
        INSERT INTO "Mention" ("id", "articleId", "entityId", "start", "end", "text", "kind", "prefix", "suffix",
                               "origin", "pipelineVersion", "reviewStatus", "updatedBy", "updatedAt")
        SELECT m.id, ${articleId}::uuid, r."id", m.start, m."end", m.text, m.kind::"MentionKind",
               COALESCE(m.prefix, ''), COALESCE(m.suffix, ''), 'machine'::"Origin", ${pipelineVersion}::text,
               'unreviewed'::"ReviewStatus", NULL, now()
          FROM ${jsonRecordset(mentions, 'm', {
            id: 'uuid', entityType: 'text', entityName: 'text', start: 'int', end: 'int', text: 'text', kind: 'text', prefix: 'text', suffix: 'text',
          })}
          LEFT JOIN resolved r ON r."type" = m."entityType" AND r."normalizedName" = m."entityName"
      ), quotes AS (
        INSERT INTO "Quote" ("id", "articleId", "paragraphIndex", "start", "end", "text", "kind", "speakerEntityId",
                             "speakerMentionId", "viaEntityId", "sourceText", "sourceStart", "sourceEnd", "viaText", "viaStart",
                             "viaEnd", "cueStart", "cueEnd", "cueText", "rule", "confidence", "prefix", "suffix", "origin",
                             "pipelineVersion", "reviewStatus", "updatedBy", "updatedAt")
        SELECT q.id, ${articleId}::uuid, q."paragraphIndex", q.start, q."end", q.text, q.kind::"QuoteKind", rs."id",
               q."speakerMentionId", rv."id", q."sourceText", q."sourceStart", q."sourceEnd", q."viaText", q."viaStart",
               q."viaEnd", q."cueStart", q."cueEnd", q."cueText", q.rule, q.confidence,
               COALESCE(q.prefix, ''), COALESCE(q.suffix, ''), 'machine'::"Origin", ${pipelineVersion}::text,
               'unreviewed'::"ReviewStatus", NULL, now()
          FROM ${jsonRecordset(quotes, 'q', {
            id: 'uuid', paragraphIndex: 'int', start: 'int', end: 'int', text: 'text', kind: 'text',
            speakerType: 'text', speakerName: 'text', speakerMentionId: 'uuid', viaType: 'text', viaName: 'text',
            sourceText: 'text', sourceStart: 'int', sourceEnd: 'int', viaText: 'text', viaStart: 'int', viaEnd: 'int',
            cueStart: 'int', cueEnd: 'int', cueText: 'text', rule: 'text', confidence: 'float8', prefix: 'text', suffix: 'text',
          })}
          LEFT JOIN resolved rs ON rs."type" = q."speakerType" AND rs."normalizedName" = q."speakerName"
          LEFT JOIN resolved rv ON rv."type" = q."viaType" AND rv."normalizedName" = q."viaName"
      )`;
}

/**
 * `q."kind"` among `kinds`, compared as the enum itself (not cast to text) so that the indexes that
 * lead with the kind serve it.
 */
function kindCondition(kinds: readonly QuoteKindValue[]): Prisma.Sql {
  return Prisma.sql`q."kind" IN (${Prisma.join(kinds.map((kind) => Prisma.sql`${kind}::"QuoteKind"`))})`;
}

/** The filter's conditions on quotes `q`. */
function quoteFilterConditions(filter: QuoteFilter): Prisma.Sql[] {
  return [
    ...(filter.speakerEntityId ? [Prisma.sql`q."speakerEntityId" = ${filter.speakerEntityId}::uuid`] : []),
    ...(filter.kinds?.length ? [kindCondition(filter.kinds)] : []),
    ...(filter.since ? [Prisma.sql`q."createdAt" >= ${filter.since}::timestamptz`] : []),
    ...(filter.until ? [Prisma.sql`q."createdAt" < ${filter.until}::timestamptz`] : []),
  ];
}

export class AnnotationRepository {
  constructor(
    private readonly db: DbClient,
    private readonly reader: SqlReader,
  ) {}

  async insertMentions(rows: MentionInsert[]): Promise<void> {
    if (rows.length > 0) await this.db.$executeRaw(insertMentionsSql(rows));
  }

  async insertQuotes(rows: QuoteInsert[]): Promise<void> {
    if (rows.length > 0) await this.db.$executeRaw(insertQuotesSql(rows));
  }

  /**
   * A new article's mentions and quotes in one statement (one round trip fewer per ingest). The
   * quotes' speaker mentions are among the mentions: foreign keys are checked at the statement's end.
   */
  async insertMentionsAndQuotes(mentions: MentionInsert[], quotes: QuoteInsert[]): Promise<void> {
    await this.db.$executeRaw`WITH mentions AS (${insertMentionsSql(mentions)}) ${insertQuotesSql(quotes)}`;
  }

  /**
   * Quotes in text order after the (start, id) keyset position, with speaker, speaker mention and
   * relaying entity joined in one statement, on the page reader (the hottest read of the API).
   * `kinds` narrows to those kinds (an article's quotes are few: the (articleId, start) index walks them).
   */
  async listQuotes(
    articleId: string,
    after: { start: number; id: string } | null,
    limit: number,
    statuses: ReviewStatusValue[] = visibleStatuses(),
    kinds?: readonly QuoteKindValue[],
  ): Promise<QuoteRow[]> {
    const keyset = after
      ? Prisma.sql`AND (q."start" > ${after.start} OR (q."start" = ${after.start} AND q."id" > ${after.id}::uuid))`
      : Prisma.empty;
    const kind = kinds?.length ? Prisma.sql`AND ${kindCondition(kinds)}` : Prisma.empty;
    return this.reader.rows<QuoteRow>(Prisma.sql`
      SELECT ${joinedQuoteColumns}
        FROM "Quote" q ${quoteJoins}
       WHERE q."articleId" = ${articleId}::uuid
         AND q."reviewStatus"::text IN (${Prisma.join(statuses)})
         ${kind}
         ${keyset}
       ORDER BY q."start", q."id"
       LIMIT ${limit}`);
  }

  /** Every mention of the article with its entity, in text order. */
  async listMentions(articleId: string, statuses: ReviewStatusValue[] = visibleStatuses()): Promise<MentionRow[]> {
    const rows = await this.reader.rows<JoinedMentionRow>(Prisma.sql`
      SELECT ${joinedMentionColumns}
        FROM "Mention" m JOIN "Entity" e ON e."id" = m."entityId"
       WHERE m."articleId" = ${articleId}::uuid AND m."reviewStatus"::text IN (${Prisma.join(statuses)})
       ORDER BY m."start", m."id"`);
    return rows.map(nestMention);
  }

  async findQuote(articleId: string, id: string): Promise<QuoteRow | null> {
    const rows = await this.reader.rows<QuoteRow>(Prisma.sql`
      SELECT ${joinedQuoteColumns} FROM "Quote" q ${quoteJoins} WHERE q."id" = ${id}::uuid AND q."articleId" = ${articleId}::uuid`);
    return rows[0] ?? null;
  }

  async findMention(articleId: string, id: string): Promise<MentionRow | null> {
    const rows = await this.reader.rows<JoinedMentionRow>(Prisma.sql`
      SELECT ${joinedMentionColumns}
        FROM "Mention" m JOIN "Entity" e ON e."id" = m."entityId"
       WHERE m."id" = ${id}::uuid AND m."articleId" = ${articleId}::uuid`);
    return rows[0] ? nestMention(rows[0]) : null;
  }

  /**
   * Every entity the article's visible mentions name or its visible quotes of any kind have as
   * source, with its number of mentions and whether it is quoted, most named first (then by first
   * mention): counted by Postgres.
   */
  entitySummary(articleId: string): Promise<ArticleEntitySummaryRow[]> {
    return this.reader.rows<ArticleEntitySummaryRow>(Prisma.sql`
      WITH named AS (
        SELECT m."entityId" AS "id", count(*)::int AS "mentions", min(m."start") AS "first"
          FROM "Mention" m
         WHERE m."articleId" = ${articleId}::uuid AND m."reviewStatus" IN ('unreviewed', 'confirmed')
         GROUP BY m."entityId"
      ), quoted AS (
        SELECT DISTINCT q."speakerEntityId" AS "id"
          FROM "Quote" q
         WHERE q."articleId" = ${articleId}::uuid AND q."reviewStatus" IN ('unreviewed', 'confirmed')
           AND q."speakerEntityId" IS NOT NULL
      )
      SELECT e."id", e."type", e."canonicalName", COALESCE(n."mentions", 0) AS "mentions", (qd."id" IS NOT NULL) AS "quoted"
        FROM (SELECT "id" FROM named UNION SELECT "id" FROM quoted) ids
        JOIN "Entity" e ON e."id" = ids."id"
        LEFT JOIN named n ON n."id" = e."id"
        LEFT JOIN quoted qd ON qd."id" = e."id"
       ORDER BY "mentions" DESC, n."first" NULLS LAST, e."id"`);
  }

  /**
   * The words of the unnamed sources of the article's visible quotes, each once (by case-folded
   * text); like the API, only sources whose words are still in the text (a revision may lose them).
   */
  async unnamedSources(articleId: string): Promise<string[]> {
    const rows = await this.reader.rows<{ sourceText: string }>(Prisma.sql`
      SELECT DISTINCT ON (lower(q."sourceText")) q."sourceText"
        FROM "Quote" q
       WHERE q."articleId" = ${articleId}::uuid AND q."reviewStatus" IN ('unreviewed', 'confirmed')
         AND q."speakerEntityId" IS NULL AND q."sourceText" IS NOT NULL AND q."sourceStart" IS NOT NULL
       ORDER BY lower(q."sourceText"), q."start"`);
    return rows.map((row) => row.sourceText);
  }

  /** Every quote and mention of the article, whatever its status (for revisions). */
  async allOf(articleId: string): Promise<{ quotes: QuotePlainRow[]; mentions: MentionPlainRow[] }> {
    const quotes = await this.db.quote.findMany({ where: { articleId }, orderBy: { start: 'asc' } });
    const mentions = await this.db.mention.findMany({ where: { articleId }, orderBy: { start: 'asc' } });
    return { quotes, mentions };
  }

  /** Applies the change only when the row still has `version`; false when it did not (stale or gone). */
  async updateQuote(id: string, version: number, data: QuoteUpdate): Promise<boolean> {
    const { count } = await this.db.quote.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    return count === 1;
  }

  async updateMention(id: string, version: number, data: MentionUpdate): Promise<boolean> {
    const { count } = await this.db.mention.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    return count === 1;
  }

  async deleteQuote(id: string, version: number): Promise<boolean> {
    const { count } = await this.db.quote.deleteMany({ where: { id, version } });
    return count === 1;
  }

  async deleteMention(id: string, version: number): Promise<boolean> {
    const { count } = await this.db.mention.deleteMany({ where: { id, version } });
    return count === 1;
  }

  /** Quotes that name this mention as their speaker's mention. */
  async detachSpeakerMention(mentionId: string): Promise<void> {
    await this.db.quote.updateMany({ where: { speakerMentionId: mentionId }, data: { speakerMentionId: null } });
  }

  /** The quotes whose speaker is named by this mention. */
  findQuotesBySpeakerMention(mentionId: string): Promise<QuotePlainRow[]> {
    return this.db.quote.findMany({ where: { speakerMentionId: mentionId }, orderBy: { start: 'asc' } });
  }

  /** A mention of this entity at exactly this span that is not rejected or orphaned. */
  findLiveMentionAt(articleId: string, span: { start: number; end: number }, entityId: string): Promise<MentionRow | null> {
    return this.db.mention.findFirst({
      where: { articleId, start: span.start, end: span.end, entityId, reviewStatus: { in: visibleStatuses() } },
      include: { entity: mentionEntityRef },
    });
  }

  /** Counts of the annotations an article shows by default. */
  async visibleCounts(articleId: string): Promise<{ quotes: number; mentions: number; entities: number }> {
    // Sequential on purpose: inside a transaction the queries share one connection.
    const where = { articleId, reviewStatus: { in: visibleStatuses() } };
    const quotes = await this.db.quote.count({ where });
    const mentions = await this.db.mention.count({ where });
    const entities = await this.db.mention.groupBy({ by: ['entityId'], where });
    return { quotes, mentions, entities: entities.length };
  }

  /**
   * Quotes newest first, optionally of one speaker, of some kinds and in a time window; keyset on
   * (createdAt, id). One kind walks the (kind, createdAt, id) or (speakerEntityId, kind, createdAt, id)
   * index; several kinds leave at most one out, so the newest-first index with a filter serves them.
   */
  async listRecentQuotes(
    filter: QuoteFilter,
    after: { createdAt: Date; id: string } | null,
    limit: number,
  ): Promise<QuoteRow[]> {
    const conditions = [
      Prisma.sql`q."reviewStatus" IN ('unreviewed', 'confirmed')`,
      ...quoteFilterConditions(filter),
      ...(after ? [Prisma.sql`(q."createdAt", q."id") < (${after.createdAt}::timestamptz, ${after.id}::uuid)`] : []),
    ];
    return this.reader.rows<QuoteRow>(Prisma.sql`
      SELECT ${joinedQuoteColumns}
        FROM "Quote" q ${quoteJoins}
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY q."createdAt" DESC, q."id" DESC
       LIMIT ${limit}`);
  }

  /**
   * Full-text search over quote text, best match first; keyset on (rank, id). Only the newest
   * SEARCH_WINDOW matches are ranked, so the cost stays flat as the archive grows (a search that
   * must rank all of history belongs in a search engine: docs/scaling.md).
   */
  async searchQuotes(
    filter: QuoteFilter & { q: string },
    after: { rank: number; id: string } | null,
    limit: number,
  ): Promise<(QuoteRow & { rank: number })[]> {
    const conditions = [
      Prisma.sql`q."searchVector" @@ query`,
      Prisma.sql`q."reviewStatus" IN ('unreviewed', 'confirmed')`,
      ...quoteFilterConditions(filter),
    ];
    const cursor = after
      ? Prisma.sql`WHERE ("rank" < ${after.rank} OR ("rank" = ${after.rank} AND "id" > ${after.id}::uuid))`
      : Prisma.empty;
    // The ranked page and its quotes with what they join, in one statement.
    return this.reader.rows<QuoteRow & { rank: number }>(Prisma.sql`
      WITH recent AS (
        SELECT q."id", q."searchVector", query
          FROM "Quote" q, websearch_to_tsquery('english', ${filter.q}) query
         WHERE ${Prisma.join(conditions, ' AND ')}
         ORDER BY q."createdAt" DESC, q."id" DESC
         LIMIT ${SEARCH_WINDOW_LIMIT}
      ), hits AS (
        SELECT "id", ts_rank("searchVector", query)::float8 AS "rank" FROM recent
      ), page AS (
        SELECT "id", "rank" FROM hits ${cursor} ORDER BY "rank" DESC, "id" LIMIT ${limit}
      )
      SELECT ${joinedQuoteColumns}, p."rank"
        FROM page p JOIN "Quote" q ON q."id" = p."id" ${quoteJoins}
       ORDER BY p."rank" DESC, p."id"`);
  }
}
