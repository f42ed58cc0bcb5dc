-- Everything here is written by hand (Prisma keeps no functions or triggers).
--
-- The voices counts take quotations, not every attribution: an attribution nested in a quotation
-- ("I think we have learned a lot," the coach said: the rule first-person-in-quotation) is the
-- same speaker in the same quoted words, and counting it would count that quotation twice. It
-- stays a quote of its own everywhere else (lists, search, exports, corrections).
--
-- "quote_counted" says which quotes count; the trigger functions of daily_quote_counts are the
-- same with it in place of their review-status test, and the counts are made again from the
-- quotes (under a SHARE lock on Quote and Article, so that no writer changes them, or the counts
-- through the old functions, until this migration commits).

CREATE FUNCTION "quote_counted"("reviewStatus" "ReviewStatus", "rule" text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT "reviewStatus" IN ('unreviewed', 'confirmed') AND "rule" IS DISTINCT FROM 'first-person-in-quotation' $$;

CREATE OR REPLACE FUNCTION "daily_quote_count_apply_quotes"("changes" jsonb) RETURNS void
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
        WHERE q."articleId" = c."articleId" AND "quote_counted"(q."reviewStatus", q."rule")
          AND "quote_source_kind"(q."speakerEntityId", q."sourceText") = c."sourceKind"
          AND COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000') = c."speakerEntityId"
     ) n
     GROUP BY 1, 2, 3, 4
  ) k;
  PERFORM "daily_quote_count_add"("deltas");
END $$;

-- Quotes inserted, updated or deleted, by any statement: the net change per article and source
CREATE OR REPLACE FUNCTION "daily_quote_count_quotes_changed"() RETURNS trigger
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
        FROM "new_quotes" q WHERE "quote_counted"(q."reviewStatus", q."rule") GROUP BY 1, 2, 3) g;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(g) INTO "changes" FROM (
      SELECT q."articleId", "quote_source_kind"(q."speakerEntityId", q."sourceText") AS "sourceKind",
             COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000') AS "speakerEntityId",
             -count(*) FILTER (WHERE q."kind" = 'direct') AS "direct", -count(*) FILTER (WHERE q."kind" = 'mixed') AS "mixed",
             -count(*) FILTER (WHERE q."kind" = 'indirect') AS "indirect"
        FROM "old_quotes" q WHERE "quote_counted"(q."reviewStatus", q."rule") GROUP BY 1, 2, 3) g;
  ELSE
    -- Most updates (spans, cues, versions) leave the counts alone: their net change is empty
    SELECT jsonb_agg(g) INTO "changes" FROM (
      SELECT q."articleId", "quote_source_kind"(q."speakerEntityId", q."sourceText") AS "sourceKind",
             COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000') AS "speakerEntityId",
             sum(CASE WHEN q."kind" = 'direct' THEN q."sign" ELSE 0 END) AS "direct",
             sum(CASE WHEN q."kind" = 'mixed' THEN q."sign" ELSE 0 END) AS "mixed",
             sum(CASE WHEN q."kind" = 'indirect' THEN q."sign" ELSE 0 END) AS "indirect"
        FROM (SELECT n."articleId", n."speakerEntityId", n."sourceText", n."kind", 1 AS "sign"
                FROM "new_quotes" n WHERE "quote_counted"(n."reviewStatus", n."rule")
              UNION ALL
              SELECT o."articleId", o."speakerEntityId", o."sourceText", o."kind", -1
                FROM "old_quotes" o WHERE "quote_counted"(o."reviewStatus", o."rule")) q
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
CREATE OR REPLACE FUNCTION "daily_quote_count_articles_changed"() RETURNS trigger
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
        WHERE q."articleId" = m."id" AND "quote_counted"(q."reviewStatus", q."rule")
        GROUP BY 1, 2
     ) s
     CROSS JOIN LATERAL (VALUES (m."oldDay", m."oldSource", -1), (m."newDay", m."newSource", 1)) AS side("day", "source", "sign")
     GROUP BY 1, 2, 3, 4
  ) k;
  PERFORM "daily_quote_count_add"("deltas");
  RETURN NULL;
END $$;

-- An article about to be deleted takes its quotes' counts away (row trigger: its quotes are still there)
CREATE OR REPLACE FUNCTION "daily_quote_count_article_deleting"() RETURNS trigger
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
     WHERE q."articleId" = OLD."id" AND "quote_counted"(q."reviewStatus", q."rule")
     GROUP BY 3, 4
  ) k;
  PERFORM "daily_quote_count_add"("deltas");
  RETURN OLD;
END $$;

-- The counts again, from the quotes that count
LOCK TABLE "Quote", "Article" IN SHARE MODE;
DELETE FROM "DailyQuoteCount";
INSERT INTO "DailyQuoteCount" ("day", "source", "sourceKind", "speakerEntityId", "direct", "mixed", "indirect", "articles")
SELECT "article_quote_day"(a."publishedAt", a."createdAt"), COALESCE(a."source", ''),
       "quote_source_kind"(q."speakerEntityId", q."sourceText"),
       COALESCE(q."speakerEntityId", '00000000-0000-0000-0000-000000000000'),
       count(*) FILTER (WHERE q."kind" = 'direct'), count(*) FILTER (WHERE q."kind" = 'mixed'),
       count(*) FILTER (WHERE q."kind" = 'indirect'), count(DISTINCT q."articleId")
  FROM "Quote" q JOIN "Article" a ON a."id" = q."articleId"
 WHERE "quote_counted"(q."reviewStatus", q."rule")
 GROUP BY 1, 2, 3, 4;
