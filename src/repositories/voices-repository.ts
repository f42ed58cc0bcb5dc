import { Prisma } from '../generated/prisma/client.js';
import type { SqlReader } from '../db/sql-reader.js';

/** The articles an aggregate covers: dated in [from, until), optionally one source. */
export interface VoicesScope {
  from: Date;
  /** Exclusive. */
  until: Date;
  source: string | null;
}

/** Every aggregate row says whether the source filter names a known source (null without one). */
interface Known {
  sourceKnown: boolean;
}

interface KindCounts {
  direct: number;
  mixed: number;
  indirect: number;
}

export type SpeakerRow = Known &
  ({ id: null } | ({
    id: string;
    type: string;
    canonicalName: string;
    gender: string | null;
    genderSource: string | null;
    quotes: number;
    articles: number;
  } & KindCounts));

export type TypeRow = Known & ({ type: null } | ({ type: string; quotes: number } & KindCounts));
export type GenderRow = Known & { gender: string; quotes: number; people: number; editorSet: number };
export type TrendRow = Known & {
  bucket: string;
  quotes: number;
  female: number;
  male: number;
  nonbinary: number;
  unknown: number;
};
export interface SourceRow {
  source: string;
  articles: number;
}

// Quotes that count: what editors have not rejected and what still has its text.
const COUNTED = Prisma.sql`q."reviewStatus" IN ('unreviewed', 'confirmed')`;

const kindCounts = Prisma.sql`
  count(*) FILTER (WHERE q."kind" = 'direct')::int AS "direct",
  count(*) FILTER (WHERE q."kind" = 'mixed')::int AS "mixed",
  count(*) FILTER (WHERE q."kind" = 'indirect')::int AS "indirect"`;

/**
 * The quotes of the scope's articles. An article's date is its publication time, or its ingest
 * time when the publication time is unknown; both columns are indexed, so a short period reads
 * only its own articles.
 */
function scopedQuotes(scope: VoicesScope, joins: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const from = scope.from.toISOString();
  const until = scope.until.toISOString();
  return Prisma.sql`"Article" a JOIN "Quote" q ON q."articleId" = a."id" ${joins}
    WHERE ((a."publishedAt" >= ${from}::timestamptz AND a."publishedAt" < ${until}::timestamptz)
        OR (a."publishedAt" IS NULL AND a."createdAt" >= ${from}::timestamptz AND a."createdAt" < ${until}::timestamptz))
      ${scope.source === null ? Prisma.empty : Prisma.sql`AND a."source" = ${scope.source}`}
      AND ${COUNTED}`;
}

/** One row telling whether the source filter names a source that has articles. */
function knownSource(scope: VoicesScope): Prisma.Sql {
  return scope.source === null
    ? Prisma.sql`SELECT true AS "sourceKnown"`
    : Prisma.sql`SELECT EXISTS (SELECT 1 FROM "Article" WHERE "source" = ${scope.source}) AS "sourceKnown"`;
}

/**
 * Who gets quoted, counted by Postgres: one statement per answer, each starting from the scope's
 * articles and grouping their quotes; nothing is counted row by row in JavaScript.
 */
export class VoicesRepository {
  constructor(private readonly reader: SqlReader) {}

  /** The most quoted entities, at most `limit`; one row with id null when there are none. */
  speakers(scope: VoicesScope, types: string[] | null, limit: number): Promise<SpeakerRow[]> {
    return this.reader.rows<SpeakerRow>(Prisma.sql`
      WITH known AS (${knownSource(scope)}),
      counted AS (
        SELECT q."speakerEntityId" AS "id", count(*)::int AS "quotes", count(DISTINCT q."articleId")::int AS "articles", ${kindCounts}
          FROM ${scopedQuotes(scope)} AND q."speakerEntityId" IS NOT NULL
         GROUP BY q."speakerEntityId"
      ),
      top AS (
        SELECT c.*, e."type"::text AS "type", e."canonicalName", e."gender"::text AS "gender", e."genderSource"::text AS "genderSource"
          FROM counted c JOIN "Entity" e ON e."id" = c."id"
         ${types === null ? Prisma.empty : Prisma.sql`WHERE e."type"::text IN (${Prisma.join(types)})`}
         ORDER BY c."quotes" DESC, e."canonicalName", e."id"
         LIMIT ${limit}
      )
      SELECT k."sourceKnown", t.* FROM known k LEFT JOIN top t ON true
       ORDER BY t."quotes" DESC, t."canonicalName", t."id"`);
  }

  /** Quotes by the kind of their source: the speaker's entity type, UNNAMED or NONE. */
  sourceTypes(scope: VoicesScope): Promise<TypeRow[]> {
    return this.reader.rows<TypeRow>(Prisma.sql`
      WITH known AS (${knownSource(scope)}),
      counted AS (
        SELECT CASE WHEN e."id" IS NOT NULL THEN e."type"::text WHEN q."sourceText" IS NOT NULL THEN 'UNNAMED' ELSE 'NONE' END AS "type",
               count(*)::int AS "quotes", ${kindCounts}
          FROM ${scopedQuotes(scope, Prisma.sql`LEFT JOIN "Entity" e ON e."id" = q."speakerEntityId"`)}
         GROUP BY 1
      )
      SELECT k."sourceKnown", c.* FROM known k LEFT JOIN counted c ON true
       ORDER BY c."quotes" DESC, c."type"`);
  }

  /** Quotes of people by gender: always four rows, female, male, nonbinary, unknown. */
  genders(scope: VoicesScope): Promise<GenderRow[]> {
    return this.reader.rows<GenderRow>(Prisma.sql`
      WITH known AS (${knownSource(scope)}),
      counted AS (
        SELECT COALESCE(e."gender"::text, 'unknown') AS "gender", count(*)::int AS "quotes",
               count(DISTINCT e."id")::int AS "people",
               count(DISTINCT e."id") FILTER (WHERE e."genderSource" = 'editor')::int AS "editorSet"
          FROM ${scopedQuotes(scope, Prisma.sql`JOIN "Entity" e ON e."id" = q."speakerEntityId" AND e."type" = 'PERSON'`)}
         GROUP BY 1
      )
      SELECT k."sourceKnown", g."gender", COALESCE(c."quotes", 0) AS "quotes", COALESCE(c."people", 0) AS "people",
             COALESCE(c."editorSet", 0) AS "editorSet"
        FROM known k
       CROSS JOIN (VALUES ('female', 1), ('male', 2), ('nonbinary', 3), ('unknown', 4)) AS g("gender", "position")
        LEFT JOIN counted c ON c."gender" = g."gender"
       ORDER BY g."position"`);
  }

  /** Quotes per bucket (day, week or month of the article's date, UTC), every bucket of the period. */
  trend(scope: VoicesScope, interval: 'day' | 'week' | 'month'): Promise<TrendRow[]> {
    const lastDay = new Date(scope.until.getTime() - 86_400_000).toISOString();
    const person = (gender: string) =>
      Prisma.sql`count(*) FILTER (WHERE e."type" = 'PERSON' AND COALESCE(e."gender"::text, 'unknown') = ${gender})::int`;
    return this.reader.rows<TrendRow>(Prisma.sql`
      WITH known AS (${knownSource(scope)}),
      buckets AS (
        SELECT b::date AS "bucket"
          FROM generate_series(date_trunc(${interval}, ${scope.from.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
                               ${lastDay}::timestamptz AT TIME ZONE 'UTC', ('1 ' || ${interval})::interval) AS b
      ),
      counted AS (
        SELECT date_trunc(${interval}, COALESCE(a."publishedAt", a."createdAt") AT TIME ZONE 'UTC')::date AS "bucket",
               count(*)::int AS "quotes", ${person('female')} AS "female", ${person('male')} AS "male",
               ${person('nonbinary')} AS "nonbinary", ${person('unknown')} AS "unknown"
          FROM ${scopedQuotes(scope, Prisma.sql`LEFT JOIN "Entity" e ON e."id" = q."speakerEntityId"`)}
         GROUP BY 1
      )
      SELECT k."sourceKnown", to_char(b."bucket", 'YYYY-MM-DD') AS "bucket", COALESCE(c."quotes", 0) AS "quotes",
             COALESCE(c."female", 0) AS "female", COALESCE(c."male", 0) AS "male",
             COALESCE(c."nonbinary", 0) AS "nonbinary", COALESCE(c."unknown", 0) AS "unknown"
        FROM known k CROSS JOIN buckets b LEFT JOIN counted c ON c."bucket" = b."bucket"
       ORDER BY b."bucket"`);
  }

  /** Sources with their article counts, by name; at most `limit`. */
  sources(limit: number): Promise<SourceRow[]> {
    return this.reader.rows<SourceRow>(Prisma.sql`
      SELECT "source", count(*)::int AS "articles" FROM "Article"
       WHERE "source" IS NOT NULL GROUP BY "source" ORDER BY "source" LIMIT ${limit}`);
  }
}
