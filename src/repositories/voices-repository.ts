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

const kindSums = Prisma.sql`
  sum(d."direct")::int AS "direct", sum(d."mixed")::int AS "mixed", sum(d."indirect")::int AS "indirect"`;

/**
 * The daily counts of the scope: DailyQuoteCount, which Postgres keeps equal to the counted quotes
 * (unreviewed and confirmed) of the articles of each day and source, by the quotes' source (see
 * the migration daily_quote_counts). A day is the UTC day of an article's publication time, or of
 * its ingest time when that is unknown; the period's days are a range of its primary key.
 */
function scopedCounts(scope: VoicesScope): Prisma.Sql {
  const from = scope.from.toISOString().slice(0, 10);
  const until = scope.until.toISOString().slice(0, 10);
  return Prisma.sql`"DailyQuoteCount" d
    WHERE d."day" >= ${from}::date AND d."day" < ${until}::date
      ${scope.source === null ? Prisma.empty : Prisma.sql`AND d."source" = ${scope.source}`}`;
}

/**
 * One row telling whether the source filter names a source that has articles: whether the first
 * source from it on, in the order of the (source, id) index, is it. Only an index on source gives
 * that order, so the answer is one probe whatever the source. (EXISTS left the choice to row
 * estimates: a plan kept for a prepared statement walked every article for a source with none.)
 */
function knownSource(scope: VoicesScope): Prisma.Sql {
  return scope.source === null
    ? Prisma.sql`SELECT true AS "sourceKnown"`
    : Prisma.sql`SELECT COALESCE((SELECT "source" FROM "Article" WHERE "source" >= ${scope.source} ORDER BY "source" LIMIT 1) = ${scope.source}, false) AS "sourceKnown"`;
}

/**
 * The Entity row of a speaker, for a LATERAL join: one primary-key probe per speaker of the
 * period, however many entities are stored. (A plain join is left to row estimates, and a plan
 * kept for a prepared statement guesses the period's speakers at a few dozen: it joined thousands
 * by a nested loop over all of them, seconds per answer.) LIMIT keeps the subquery from being
 * merged into the join.
 */
const entityOf = (speakerId: Prisma.Sql, condition: Prisma.Sql = Prisma.empty) =>
  Prisma.sql`(SELECT e."type", e."canonicalName", e."gender", e."genderSource" FROM "Entity" e
               WHERE e."id" = ${speakerId} ${condition} LIMIT 1)`;

/**
 * Who gets quoted, counted by Postgres: one statement per answer, each summing the period's daily
 * counts and joining the few speakers they name to Entity for type and gender (as they are now);
 * nothing is counted row by row in JavaScript.
 */
export class VoicesRepository {
  constructor(private readonly reader: SqlReader) {}

  /** The most quoted entities, at most `limit`; one row with id null when there are none. */
  speakers(scope: VoicesScope, types: string[] | null, limit: number): Promise<SpeakerRow[]> {
    return this.reader.rows<SpeakerRow>(Prisma.sql`
      WITH known AS (${knownSource(scope)}),
      counted AS (
        SELECT d."speakerEntityId" AS "id", sum(d."direct" + d."mixed" + d."indirect")::int AS "quotes",
               sum(d."articles")::int AS "articles", ${kindSums}
          FROM ${scopedCounts(scope)} AND d."sourceKind" = 'entity'
         GROUP BY d."speakerEntityId"
         -- Most quoted first: the ranking below then reads entities in this order (an incremental
         -- sort) and stops once it has its top, instead of probing every speaker of the period.
         ORDER BY "quotes" DESC
      ),
      top AS (
        SELECT c.*, e."type"::text AS "type", e."canonicalName", e."gender"::text AS "gender", e."genderSource"::text AS "genderSource"
          FROM counted c CROSS JOIN LATERAL ${entityOf(Prisma.sql`c."id"`)} e
         ${types === null ? Prisma.empty : Prisma.sql`WHERE e."type"::text IN (${Prisma.join(types)})`}
         ORDER BY c."quotes" DESC, e."canonicalName", c."id"
         LIMIT ${limit}
      )
      SELECT k."sourceKnown", t.* FROM known k LEFT JOIN top t ON true
       ORDER BY t."quotes" DESC, t."canonicalName", t."id"`);
  }

  /** Quotes by the kind of their source: the speaker's entity type, UNNAMED or NONE. */
  sourceTypes(scope: VoicesScope): Promise<TypeRow[]> {
    return this.reader.rows<TypeRow>(Prisma.sql`
      WITH known AS (${knownSource(scope)}),
      bySource AS (
        SELECT d."sourceKind", d."speakerEntityId", ${kindSums}
          FROM ${scopedCounts(scope)}
         GROUP BY d."sourceKind", d."speakerEntityId"
      ),
      counted AS (
        SELECT CASE s."sourceKind" WHEN 'entity' THEN e."type"::text WHEN 'unnamed' THEN 'UNNAMED' ELSE 'NONE' END AS "type",
               sum(s."direct" + s."mixed" + s."indirect")::int AS "quotes",
               sum(s."direct")::int AS "direct", sum(s."mixed")::int AS "mixed", sum(s."indirect")::int AS "indirect"
          FROM bySource s LEFT JOIN LATERAL ${entityOf(Prisma.sql`s."speakerEntityId"`, Prisma.sql`AND s."sourceKind" = 'entity'`)} e ON true
         GROUP BY 1
      )
      SELECT k."sourceKnown", c.* FROM known k LEFT JOIN counted c ON true
       ORDER BY c."quotes" DESC, c."type"`);
  }

  /** Quotes of people by gender: always four rows, female, male, nonbinary, unknown. */
  genders(scope: VoicesScope): Promise<GenderRow[]> {
    return this.reader.rows<GenderRow>(Prisma.sql`
      WITH known AS (${knownSource(scope)}),
      bySpeaker AS (
        SELECT d."speakerEntityId" AS "id", sum(d."direct" + d."mixed" + d."indirect")::int AS "quotes"
          FROM ${scopedCounts(scope)} AND d."sourceKind" = 'entity'
         GROUP BY d."speakerEntityId"
      ),
      counted AS (
        SELECT COALESCE(e."gender"::text, 'unknown') AS "gender", sum(s."quotes")::int AS "quotes",
               count(*)::int AS "people", count(*) FILTER (WHERE e."genderSource" = 'editor')::int AS "editorSet"
          FROM bySpeaker s CROSS JOIN LATERAL ${entityOf(Prisma.sql`s."id"`, Prisma.sql`AND e."type" = 'PERSON'`)} e
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
      Prisma.sql`COALESCE(sum(s."quotes") FILTER (WHERE e."type" = 'PERSON' AND COALESCE(e."gender"::text, 'unknown') = ${gender}), 0)::int`;
    return this.reader.rows<TrendRow>(Prisma.sql`
      WITH known AS (${knownSource(scope)}),
      buckets AS (
        SELECT b::date AS "bucket"
          FROM generate_series(date_trunc(${interval}, ${scope.from.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
                               ${lastDay}::timestamptz AT TIME ZONE 'UTC', ('1 ' || ${interval})::interval) AS b
      ),
      bySpeaker AS (
        SELECT date_trunc(${interval}, d."day"::timestamp)::date AS "bucket", d."sourceKind", d."speakerEntityId",
               sum(d."direct" + d."mixed" + d."indirect")::int AS "quotes"
          FROM ${scopedCounts(scope)}
         GROUP BY 1, 2, 3
      ),
      counted AS (
        SELECT s."bucket", sum(s."quotes")::int AS "quotes", ${person('female')} AS "female", ${person('male')} AS "male",
               ${person('nonbinary')} AS "nonbinary", ${person('unknown')} AS "unknown"
          FROM bySpeaker s LEFT JOIN LATERAL ${entityOf(Prisma.sql`s."speakerEntityId"`, Prisma.sql`AND s."sourceKind" = 'entity'`)} e ON true
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
