-- CreateEnum
CREATE TYPE "QuoteSourceKind" AS ENUM ('entity', 'unnamed', 'none');

-- CreateTable
CREATE TABLE "DailyQuoteCount" (
    "day" DATE NOT NULL,
    "source" VARCHAR(200) NOT NULL,
    "sourceKind" "QuoteSourceKind" NOT NULL,
    "speakerEntityId" UUID NOT NULL,
    "direct" INTEGER NOT NULL,
    "mixed" INTEGER NOT NULL,
    "indirect" INTEGER NOT NULL,
    "articles" INTEGER NOT NULL,

    CONSTRAINT "DailyQuoteCount_pkey" PRIMARY KEY ("day","source","sourceKind","speakerEntityId")
);

-- Everything below is written by hand: Prisma keeps no functions or triggers.
--
-- DailyQuoteCount is kept exact by Postgres itself, so that every write path (ingest, batch and job
-- ingest, revisions, corrections, entity merges and deletions, article deletions) is covered
-- without the service knowing. Quote changes go through statement-level triggers with transition
-- tables: one pass per statement, whatever its row count. An article whose day or source changes
-- moves its counts. An article being deleted takes its counts away before its quotes go, so the
-- cascade that deletes them finds no article and changes nothing.

-- The UTC day an article counts on: its publication, or its ingest when that is unknown
CREATE FUNCTION "article_quote_day"("publishedAt" timestamptz, "createdAt" timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (COALESCE("publishedAt", "createdAt") AT TIME ZONE 'UTC')::date $$;

-- Who a quote is from, as DailyQuoteCount keys it
CREATE FUNCTION "quote_source_kind"("speakerEntityId" uuid, "sourceText" text) RETURNS "QuoteSourceKind"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN "speakerEntityId" IS NOT NULL THEN 'entity'
                    WHEN "sourceText" IS NOT NULL THEN 'unnamed'
                    ELSE 'none' END::"QuoteSourceKind" $$;

-- Adds deltas (a jsonb array of objects shaped like DailyQuoteCount rows) to the counts. The rows
-- are locked in key order, so two writers never wait for each other in a cycle, and a row whose
-- quotes fall to zero is removed.
CREATE FUNCTION "daily_quote_count_add"("deltas" jsonb) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  "emptied" jsonb;
BEGIN
  IF "deltas" IS NULL THEN
    RETURN;
  END IF;
  WITH "delta" AS (
    SELECT d.* FROM jsonb_to_recordset("deltas") AS d(
      "day" date, "source" varchar(200), "sourceKind" "QuoteSourceKind", "speakerEntityId" uuid,
      "direct" int, "mixed" int, "indirect" int, "articles" int)
     WHERE d."direct" <> 0 OR d."mixed" <> 0 OR d."indirect" <> 0 OR d."articles" <> 0
  ), "upserted" AS (
    INSERT INTO "DailyQuoteCount" AS c ("day", "source", "sourceKind", "speakerEntityId", "direct", "mixed", "indirect", "articles")
    SELECT * FROM "delta" ORDER BY "day", "source", "sourceKind", "speakerEntityId"
    ON CONFLICT ("day", "source", "sourceKind", "speakerEntityId") DO UPDATE
      SET "direct" = c."direct" + EXCLUDED."direct",
          "mixed" = c."mixed" + EXCLUDED."mixed",
          "indirect" = c."indirect" + EXCLUDED."indirect",
          "articles" = c."articles" + EXCLUDED."articles"
    RETURNING c."day", c."source", c."sourceKind", c."speakerEntityId", c."direct" + c."mixed" + c."indirect" AS "quotes"
  )
  SELECT jsonb_agg(u) INTO "emptied" FROM "upserted" u WHERE u."quotes" = 0;
  IF "emptied" IS NOT NULL THEN
    DELETE FROM "DailyQuoteCount" c
     USING jsonb_to_recordset("emptied") AS e("day" date, "source" varchar(200), "sourceKind" "QuoteSourceKind", "speakerEntityId" uuid)
     WHERE c."day" = e."day" AND c."source" = e."source" AND c."sourceKind" = e."sourceKind"
       AND c."speakerEntityId" = e."speakerEntityId" AND c."direct" + c."mixed" + c."indirect" = 0;
  END IF;
END $$;

-- Applies a statement's quote changes: "changes" is a jsonb array of the net change in counted
-- quotes (unreviewed and confirmed) per article and quote source, by kind. Whether an article
-- starts or stops quoting a source is told from its quotes as they are after the change, read
-- under a lock on the article: two transactions that change one article's quotes take turns, and
-- the second sees what the first committed. The article's day and source are read under that
-- lock too. Lookups go by index one article at a time (a statement changes few articles, and a
-- bulk insert many, so no plan is left to a row estimate).
CREATE FUNCTION "daily_quote_count_apply_quotes"("changes" jsonb) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  "articles" jsonb;
  "deltas" jsonb;
BEGIN
  SELECT jsonb_agg(a) INTO "articles" FROM (
    SELECT a."id", "article_quote_day"(a."publishedAt", a."createdAt") AS "day", COALESCE(a."source", '') AS "source"
      FROM "Article" a
     WHERE a."id" = ANY (ARRAY(SELECT DISTINCT (e->>'articleId')::uuid FROM jsonb_array_elements("changes") e))
     ORDER BY a."id" FOR NO KEY UPDATE
  ) a;
  SELECT jsonb_agg(k) INTO "deltas" FROM (
    SELECT a."day", a."source", c."sourceKind", c."speakerEntityId",
           sum(c."direct")::int AS "direct", sum(c."mixed")::int AS "mixed", sum(c."indirect")::int AS "indirect",
           sum((n."quotes" > 0)::int - (n."quotes" - c."direct" - c."mixed" - c."indirect" > 0)::int)::int AS "articles"
      FROM jsonb_to_recordset("changes") AS c(
             "articleId" uuid, "sourceKind" "QuoteSourceKind", "speakerEntityId" uuid, "direct" int, "mixed" int, "indirect" int)
      JOIN jsonb_to_recordset("articles") AS a("id" uuid, "day" date, "source" varchar(200)) ON a."id" = c."articleId"
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS "quotes" FROM "Quote" q
        WHERE q."articleId" = c."articleId" AND q."reviewStatus" IN ('unreviewed', 'confirmed')
          AND "quote_source_kind"(q."speakerEntityId", q."sourceText") = c."sourceKind"
          AND COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000') = c."speakerEntityId"
     ) n
     GROUP BY 1, 2, 3, 4
  ) k;
  PERFORM "daily_quote_count_add"("deltas");
END $$;

-- Quotes inserted, updated or deleted, by any statement: the net change per article and source
CREATE FUNCTION "daily_quote_count_quotes_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  "changes" jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(g) INTO "changes" FROM (
      SELECT q."articleId", "quote_source_kind"(q."speakerEntityId", q."sourceText") AS "sourceKind",
             COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000') AS "speakerEntityId",
             count(*) FILTER (WHERE q."kind" = 'direct') AS "direct", count(*) FILTER (WHERE q."kind" = 'mixed') AS "mixed",
             count(*) FILTER (WHERE q."kind" = 'indirect') AS "indirect"
        FROM "new_quotes" q WHERE q."reviewStatus" IN ('unreviewed', 'confirmed') GROUP BY 1, 2, 3) g;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(g) INTO "changes" FROM (
      SELECT q."articleId", "quote_source_kind"(q."speakerEntityId", q."sourceText") AS "sourceKind",
             COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000') AS "speakerEntityId",
             -count(*) FILTER (WHERE q."kind" = 'direct') AS "direct", -count(*) FILTER (WHERE q."kind" = 'mixed') AS "mixed",
             -count(*) FILTER (WHERE q."kind" = 'indirect') AS "indirect"
        FROM "old_quotes" q WHERE q."reviewStatus" IN ('unreviewed', 'confirmed') GROUP BY 1, 2, 3) g;
  ELSE
    -- Most updates (spans, cues, versions) leave the counts alone: their net change is empty
    SELECT jsonb_agg(g) INTO "changes" FROM (
      SELECT q."articleId", "quote_source_kind"(q."speakerEntityId", q."sourceText") AS "sourceKind",
             COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000') AS "speakerEntityId",
             sum(CASE WHEN q."kind" = 'direct' THEN q."sign" ELSE 0 END) AS "direct",
             sum(CASE WHEN q."kind" = 'mixed' THEN q."sign" ELSE 0 END) AS "mixed",
             sum(CASE WHEN q."kind" = 'indirect' THEN q."sign" ELSE 0 END) AS "indirect"
        FROM (SELECT n."articleId", n."speakerEntityId", n."sourceText", n."kind", 1 AS "sign"
                FROM "new_quotes" n WHERE n."reviewStatus" IN ('unreviewed', 'confirmed')
              UNION ALL
              SELECT o."articleId", o."speakerEntityId", o."sourceText", o."kind", -1
                FROM "old_quotes" o WHERE o."reviewStatus" IN ('unreviewed', 'confirmed')) q
       GROUP BY 1, 2, 3
      HAVING sum(CASE WHEN q."kind" = 'direct' THEN q."sign" ELSE 0 END) <> 0
          OR sum(CASE WHEN q."kind" = 'mixed' THEN q."sign" ELSE 0 END) <> 0
          OR sum(CASE WHEN q."kind" = 'indirect' THEN q."sign" ELSE 0 END) <> 0) g;
  END IF;
  IF "changes" IS NOT NULL THEN
    PERFORM "daily_quote_count_apply_quotes"("changes");
  END IF;
  RETURN NULL;
END $$;

-- Articles whose day or source changed move their quotes' counts (most updates change neither)
CREATE FUNCTION "daily_quote_count_articles_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  "moved" jsonb;
  "deltas" jsonb;
BEGIN
  SELECT jsonb_agg(m) INTO "moved" FROM (
    SELECT n."id",
           "article_quote_day"(o."publishedAt", o."createdAt") AS "oldDay", COALESCE(o."source", '') AS "oldSource",
           "article_quote_day"(n."publishedAt", n."createdAt") AS "newDay", COALESCE(n."source", '') AS "newSource"
      FROM "old_articles" o JOIN "new_articles" n ON n."id" = o."id"
     WHERE "article_quote_day"(o."publishedAt", o."createdAt") <> "article_quote_day"(n."publishedAt", n."createdAt")
        OR COALESCE(o."source", '') <> COALESCE(n."source", '')
  ) m;
  IF "moved" IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT jsonb_agg(k) INTO "deltas" FROM (
    SELECT side."day", side."source", s."sourceKind", s."speakerEntityId",
           sum(side."sign" * s."direct")::int AS "direct", sum(side."sign" * s."mixed")::int AS "mixed",
           sum(side."sign" * s."indirect")::int AS "indirect", sum(side."sign")::int AS "articles"
      FROM jsonb_to_recordset("moved") AS m("id" uuid, "oldDay" date, "oldSource" varchar(200), "newDay" date, "newSource" varchar(200))
     CROSS JOIN LATERAL (
       SELECT "quote_source_kind"(q."speakerEntityId", q."sourceText") AS "sourceKind",
              COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000') AS "speakerEntityId",
              count(*) FILTER (WHERE q."kind" = 'direct') AS "direct", count(*) FILTER (WHERE q."kind" = 'mixed') AS "mixed",
              count(*) FILTER (WHERE q."kind" = 'indirect') AS "indirect"
         FROM "Quote" q
        WHERE q."articleId" = m."id" AND q."reviewStatus" IN ('unreviewed', 'confirmed')
        GROUP BY 1, 2
     ) s
     CROSS JOIN LATERAL (VALUES (m."oldDay", m."oldSource", -1), (m."newDay", m."newSource", 1)) AS side("day", "source", "sign")
     GROUP BY 1, 2, 3, 4
  ) k;
  PERFORM "daily_quote_count_add"("deltas");
  RETURN NULL;
END $$;

-- An article about to be deleted takes its quotes' counts away (row trigger: its quotes are still there)
CREATE FUNCTION "daily_quote_count_article_deleting"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  "deltas" jsonb;
BEGIN
  SELECT jsonb_agg(k) INTO "deltas" FROM (
    SELECT "article_quote_day"(OLD."publishedAt", OLD."createdAt") AS "day", COALESCE(OLD."source", '') AS "source",
           "quote_source_kind"(q."speakerEntityId", q."sourceText") AS "sourceKind",
           COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000') AS "speakerEntityId",
           -count(*) FILTER (WHERE q."kind" = 'direct') AS "direct", -count(*) FILTER (WHERE q."kind" = 'mixed') AS "mixed",
           -count(*) FILTER (WHERE q."kind" = 'indirect') AS "indirect", -1 AS "articles"
      FROM "Quote" q
     WHERE q."articleId" = OLD."id" AND q."reviewStatus" IN ('unreviewed', 'confirmed')
     GROUP BY 3, 4
  ) k;
  PERFORM "daily_quote_count_add"("deltas");
  RETURN OLD;
END $$;

-- Quote emptied at once
CREATE FUNCTION "daily_quote_count_quotes_truncated"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DailyQuoteCount";
  RETURN NULL;
END $$;

CREATE TRIGGER "daily_quote_count_quotes_inserted" AFTER INSERT ON "Quote"
  REFERENCING NEW TABLE AS "new_quotes"
  FOR EACH STATEMENT EXECUTE FUNCTION "daily_quote_count_quotes_changed"();
CREATE TRIGGER "daily_quote_count_quotes_updated" AFTER UPDATE ON "Quote"
  REFERENCING OLD TABLE AS "old_quotes" NEW TABLE AS "new_quotes"
  FOR EACH STATEMENT EXECUTE FUNCTION "daily_quote_count_quotes_changed"();
CREATE TRIGGER "daily_quote_count_quotes_deleted" AFTER DELETE ON "Quote"
  REFERENCING OLD TABLE AS "old_quotes"
  FOR EACH STATEMENT EXECUTE FUNCTION "daily_quote_count_quotes_changed"();
CREATE TRIGGER "daily_quote_count_quotes_truncated" AFTER TRUNCATE ON "Quote"
  FOR EACH STATEMENT EXECUTE FUNCTION "daily_quote_count_quotes_truncated"();
CREATE TRIGGER "daily_quote_count_articles_updated" AFTER UPDATE ON "Article"
  REFERENCING OLD TABLE AS "old_articles" NEW TABLE AS "new_articles"
  FOR EACH STATEMENT EXECUTE FUNCTION "daily_quote_count_articles_changed"();
CREATE TRIGGER "daily_quote_count_article_deleting" BEFORE DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "daily_quote_count_article_deleting"();

-- Backfill, after the triggers exist: creating them locked out writers of Quote and Article until
-- this migration commits, so no quote is missed or counted twice
INSERT INTO "DailyQuoteCount" ("day", "source", "sourceKind", "speakerEntityId", "direct", "mixed", "indirect", "articles")
SELECT "article_quote_day"(a."publishedAt", a."createdAt"), COALESCE(a."source", ''),
       "quote_source_kind"(q."speakerEntityId", q."sourceText"),
       COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000'),
       count(*) FILTER (WHERE q."kind" = 'direct'), count(*) FILTER (WHERE q."kind" = 'mixed'),
       count(*) FILTER (WHERE q."kind" = 'indirect'), count(DISTINCT q."articleId")
  FROM "Quote" q JOIN "Article" a ON a."id" = q."articleId"
 WHERE q."reviewStatus" IN ('unreviewed', 'confirmed')
 GROUP BY 1, 2, 3, 4;
