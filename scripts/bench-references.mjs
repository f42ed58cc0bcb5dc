// @ts-check
// The reference routes of `npm run bench`: for every GET operation of the API, a route on the same
// Fastify app that reads the same rows with plain SQL on a raw `pg` pool and answers them as they
// come (no schema, no ORM, no shaping beyond what one statement gives). They measure what the
// hardware allows for that read; scripts/bench-operations.ts pairs each operation with its
// reference and checks that both give the same rows before anything is measured.
//
// Each reference runs as many statements as the rows need (a one-row read is one statement; a
// document made of several row sets, like a ninjs export, runs one statement per set), sent
// unnamed like a plain pool.query, or named with BENCH_REFERENCE_PREPARED=1.

const VISIBLE = `('unreviewed', 'confirmed')`;
const DAY_MS = 86_400_000;

const quoteColumns = `q."id", q."articleId", q."paragraphIndex", q."start", q."end", q."text", q."kind",
  q."speakerEntityId", q."speakerMentionId", q."viaEntityId", q."sourceText", q."sourceStart", q."sourceEnd",
  q."viaText", q."viaStart", q."viaEnd", q."cueStart", q."cueEnd", q."cueText", q."rule", q."confidence", q."version", q."prefix", q."suffix",
  q."origin", q."pipelineVersion", q."reviewStatus", q."updatedBy", q."createdAt", q."updatedAt",
  se."type" AS "speakerType", se."canonicalName" AS "speakerName",
  sm."start" AS "mentionStart", sm."end" AS "mentionEnd", sm."text" AS "mentionText",
  ve."type" AS "viaType", ve."canonicalName" AS "viaName"`;
const quoteJoins = `LEFT JOIN "Entity" se ON se."id" = q."speakerEntityId"
  LEFT JOIN "Mention" sm ON sm."id" = q."speakerMentionId"
  LEFT JOIN "Entity" ve ON ve."id" = q."viaEntityId"`;
const mentionColumns = `m."id", m."articleId", m."entityId", m."start", m."end", m."text", m."kind", m."version",
  m."prefix", m."suffix", m."origin", m."pipelineVersion", m."reviewStatus", m."updatedBy", m."createdAt", m."updatedAt",
  e."type" AS "entityType", e."canonicalName" AS "entityName", e."gender" AS "entityGender", e."genderSource" AS "entityGenderSource"`;
const summaryColumns = `a."id", a."revision", a."version", a."format", a."headline", a."source", a."standfirst",
  a."datelineText", a."datelinePlace", a."datelineAgency", a."byline", a."externalId", a."url", a."publishedAt",
  a."language", a."contentHash", a."pipelineVersion", a."paragraphCount", a."quoteCount", a."entityCount",
  a."mentionCount", a."createdAt", a."updatedAt"`;
const eventColumns = `"id", "articleId", "targetType", "targetId", "action", "actor", "before", "after", "createdAt"`;

/**
 * A voices period: the same default (the 30 days up to today, UTC) as the service; as times and as
 * the days of the daily rollup.
 */
function period(/** @type {Record<string, string | undefined>} */ query) {
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const to = query.to ? new Date(`${query.to}T00:00:00Z`) : today;
  const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date(to.getTime() - 29 * DAY_MS);
  const until = new Date(to.getTime() + DAY_MS);
  return { from: from.toISOString(), until: until.toISOString(), fromDay: from.toISOString().slice(0, 10), untilDay: until.toISOString().slice(0, 10) };
}
const scopedCounts = `"DailyQuoteCount" d WHERE d."day" >= $1::date AND d."day" < $2::date`;
const kindSums = `sum(d."direct")::int AS "direct", sum(d."mixed")::int AS "mixed", sum(d."indirect")::int AS "indirect"`;

/**
 * Registers GET /bench/reference/<operationId>[/...] on `app`.
 * @param {import('fastify').FastifyInstance} app
 * @param {import('pg').Pool} pool
 * @param {{ named: boolean }} options
 */
export function registerReferences(app, pool, options) {
  /** @type {(name: string, text: string, values?: unknown[]) => Promise<any[]>} */
  const rows = async (name, text, values = []) =>
    (await pool.query({ name: options.named ? `reference_${name}` : undefined, text, values })).rows;
  const limitOf = (/** @type {any} */ request, /** @type {number} */ fallback) => Number(request.query.limit ?? fallback);
  /** @type {(path: string, handler: (params: any, query: any) => Promise<unknown>) => void} */
  const get = (path, handler) =>
    // Hidden: the document the app serves is the API's, which the bench checks for coverage.
    app.get(`/bench/reference/${path}`, { schema: { hide: true } }, async (request) => handler(request.params, request.query));

  get('getHealth', async () => ({ status: 'ok' }));

  get('getReadiness', async () => {
    await rows('ready', 'SELECT 1');
    return { status: 'ready', storage: 'postgres' };
  });

  get('listApiKeys', async (_params, query) => {
    const limit = limitOf({ query }, 100);
    const items = await rows(
      'api_keys',
      `SELECT "id", "name", "prefix", "scopes"::text[] AS "scopes", "createdAt" FROM "ApiKey"
        WHERE "revokedAt" IS NULL ORDER BY "id" DESC LIMIT $1`,
      [limit + 1],
    );
    return { items: items.slice(0, limit), nextCursor: null };
  });

  get('listArticles', async (_params, query) => {
    const limit = limitOf({ query }, 50);
    const items = await rows(
      'articles',
      `SELECT a.*,
              (SELECT count(*)::int FROM "Quote" q WHERE q."articleId" = a."id" AND q."reviewStatus" = 'unreviewed') AS "unreviewedQuotes",
              (SELECT count(*)::int FROM "Mention" m WHERE m."articleId" = a."id" AND m."reviewStatus" = 'unreviewed') AS "unreviewedMentions"
         FROM (SELECT ${summaryColumns} FROM "Article" a ORDER BY a."id" DESC LIMIT $1) a
        ORDER BY a."id" DESC`,
      [limit + 1],
    );
    return { items: items.slice(0, limit), nextCursor: null };
  });

  const articleRow = async (/** @type {string} */ id) =>
    (await rows('article', `SELECT ${summaryColumns}, a."text" FROM "Article" a WHERE a."id" = $1`, [id]))[0];

  get('getArticle/:id', async ({ id }) => articleRow(id));

  // The ninjs export: the article, the entities its visible mentions name or its visible quotes
  // have as source (with their mention counts), its unnamed sources and its paragraphs.
  get('getArticle/:id/ninjs', async ({ id }) => {
    const article = await articleRow(id);
    const entities = await rows(
      'ninjs_entities',
      `WITH named AS (
         SELECT m."entityId" AS "id", count(*)::int AS "mentions", min(m."start") AS "first" FROM "Mention" m
          WHERE m."articleId" = $1 AND m."reviewStatus" IN ${VISIBLE} GROUP BY m."entityId"
       ), quoted AS (
         SELECT DISTINCT q."speakerEntityId" AS "id" FROM "Quote" q
          WHERE q."articleId" = $1 AND q."reviewStatus" IN ${VISIBLE} AND q."speakerEntityId" IS NOT NULL
       )
       SELECT e."id", e."type", e."canonicalName", COALESCE(n."mentions", 0) AS "mentions", (qd."id" IS NOT NULL) AS "quoted"
         FROM (SELECT "id" FROM named UNION SELECT "id" FROM quoted) ids
         JOIN "Entity" e ON e."id" = ids."id"
         LEFT JOIN named n ON n."id" = e."id"
         LEFT JOIN quoted qd ON qd."id" = e."id"
        ORDER BY "mentions" DESC, n."first" NULLS LAST, e."id"`,
      [id],
    );
    const unnamedSources = await rows(
      'ninjs_unnamed',
      `SELECT DISTINCT ON (lower(q."sourceText")) q."sourceText" FROM "Quote" q
        WHERE q."articleId" = $1 AND q."reviewStatus" IN ${VISIBLE}
          AND q."speakerEntityId" IS NULL AND q."sourceText" IS NOT NULL AND q."sourceStart" IS NOT NULL
        ORDER BY lower(q."sourceText"), q."start"`,
      [id],
    );
    const paragraphs = await rows(
      'ninjs_paragraphs',
      `SELECT "index", "start", "end" FROM "Paragraph" WHERE "articleId" = $1 ORDER BY "index"`,
      [id],
    );
    return { article, entities, unnamedSources, paragraphs };
  });

  get('listArticleRevisions/:id', async ({ id }) => ({
    items: await rows(
      'revisions',
      `SELECT "revision", false AS "current", "contentHash", "headline", "pipelineVersion", "createdBy", "createdAt", "replacedAt"
         FROM "ArticleRevision" WHERE "articleId" = $1
       UNION ALL
       SELECT "revision", true, "contentHash", "headline", "pipelineVersion", NULL, "createdAt", NULL
         FROM "Article" WHERE "id" = $1
       ORDER BY "revision"`,
      [id],
    ),
  }));

  get('getArticleRevision/:id/:revision', async ({ id, revision }) =>
    (
      await rows(
        'revision',
        `SELECT "revision", "contentHash", "headline", "pipelineVersion", "createdBy", "createdAt", "replacedAt", "text"
           FROM "ArticleRevision" WHERE "articleId" = $1 AND "revision" = $2`,
        [id, Number(revision)],
      )
    )[0],
  );

  // The W3C export: the article (for its text), its visible quotes and mentions.
  get('exportArticleAnnotations/:id', async ({ id }) => {
    const article = await articleRow(id);
    const quotes = await rows(
      'export_quotes',
      `SELECT ${quoteColumns} FROM "Quote" q ${quoteJoins}
        WHERE q."articleId" = $1 AND q."reviewStatus" IN ${VISIBLE} ORDER BY q."start", q."id"`,
      [id],
    );
    const mentions = await rows(
      'export_mentions',
      `SELECT ${mentionColumns} FROM "Mention" m JOIN "Entity" e ON e."id" = m."entityId"
        WHERE m."articleId" = $1 AND m."reviewStatus" IN ${VISIBLE} ORDER BY m."start", m."id"`,
      [id],
    );
    return { article, quotes, mentions };
  });

  get('getIngestJob/:id', async ({ id }) => {
    const job = (await rows('ingest_job', `SELECT * FROM "IngestJob" WHERE "id" = $1`, [id]))[0];
    const failed =
      job.failed > 0
        ? await rows(
            'ingest_job_failed',
            `SELECT "index", "line", "problem" FROM "IngestJobItem" WHERE "jobId" = $1 AND "status" = 'failed' ORDER BY "index" LIMIT 100`,
            [id],
          )
        : [];
    return { ...job, errors: failed };
  });

  get('listIngestJobItems/:id', async ({ id }, query) => {
    const limit = limitOf({ query }, 100);
    const items = await rows(
      'ingest_job_items',
      `SELECT "index", "line", "status", "articleId", "problem" FROM "IngestJobItem"
        WHERE "jobId" = $1 AND "index" > -1 ORDER BY "index" LIMIT $2`,
      [id, limit + 1],
    );
    return { items: items.slice(0, limit), nextCursor: null };
  });

  // Paragraphs with their text: the article's text and the paragraphs' offsets, two statements,
  // the texts cut here by code points (substr in SQL decompressed the text once per paragraph:
  // 1 ms of Postgres for the fixture's 35).
  get('listArticleParagraphs/:id', async ({ id }, query) => {
    const limit = limitOf({ query }, 100);
    const [article] = await rows('paragraphs_text', `SELECT "text" FROM "Article" WHERE "id" = $1`, [id]);
    const paragraphs = await rows(
      'paragraphs',
      `SELECT "index", "role", "start", "end" FROM "Paragraph" WHERE "articleId" = $1 AND "index" > -1 ORDER BY "index" LIMIT $2`,
      [id, limit + 1],
    );
    const codePoints = Array.from(/** @type {string} */ (article.text));
    const items = paragraphs.slice(0, limit).map((p) => ({ ...p, text: codePoints.slice(p.start, p.end).join('') }));
    return { items, nextCursor: null };
  });

  get('listArticleQuotes/:id', async ({ id }, query) => {
    const limit = limitOf({ query }, 100);
    const items = await rows(
      'quotes',
      `SELECT ${quoteColumns} FROM "Quote" q ${quoteJoins}
        WHERE q."articleId" = $1 AND q."reviewStatus" IN ${VISIBLE} ORDER BY q."start", q."id" LIMIT $2`,
      [id, limit + 1],
    );
    return { items: items.slice(0, limit), nextCursor: null };
  });

  // The mentions with their entities; the API groups them by entity.
  get('listArticleEntities/:id', async ({ id }) => ({
    items: await rows(
      'article_mentions',
      `SELECT ${mentionColumns} FROM "Mention" m JOIN "Entity" e ON e."id" = m."entityId"
        WHERE m."articleId" = $1 AND m."reviewStatus" IN ${VISIBLE} ORDER BY m."start", m."id"`,
      [id],
    ),
  }));

  get('getArticleQuote/:id/:quoteId', async ({ id, quoteId }) =>
    (await rows('quote', `SELECT ${quoteColumns} FROM "Quote" q ${quoteJoins} WHERE q."id" = $1 AND q."articleId" = $2`, [quoteId, id]))[0],
  );

  get('getArticleMention/:id/:mentionId', async ({ id, mentionId }) =>
    (
      await rows(
        'mention',
        `SELECT ${mentionColumns} FROM "Mention" m JOIN "Entity" e ON e."id" = m."entityId" WHERE m."id" = $1 AND m."articleId" = $2`,
        [mentionId, id],
      )
    )[0],
  );

  const history = (/** @type {string} */ name, /** @type {boolean} */ oneTarget) =>
    async (/** @type {any} */ params, /** @type {any} */ query) => {
      const limit = limitOf({ query }, 100);
      const items = await rows(
        name,
        `SELECT ${eventColumns} FROM "AnnotationEvent"
          WHERE "articleId" = $1 ${oneTarget ? `AND "targetId" = $3` : ''} ORDER BY "id" LIMIT $2`,
        [params.id, limit + 1, ...(oneTarget ? [params.quoteId ?? params.mentionId] : [])],
      );
      return { items: items.slice(0, limit), nextCursor: null };
    };
  get('listArticleQuoteHistory/:id/:quoteId', history('quote_history', true));
  get('listArticleMentionHistory/:id/:mentionId', history('mention_history', true));
  get('listArticleHistory/:id', history('article_history', false));

  // Name search as the service ranks it (prefix matches first, then trigram word similarity),
  // with each entity's row and aliases in the same statement.
  get('listEntities', async (_params, query) => {
    const limit = limitOf({ query }, 50);
    const q = String(query.q ?? '').normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
    const prefix = `${q.replace(/[\\%_]/g, '\\$&')}%`;
    const items = await rows(
      'entities',
      `WITH names AS (
         SELECT e."id", e."normalizedName" AS name FROM "Entity" e WHERE e."type" = $4::"EntityType"
           AND (e."normalizedName" LIKE $1 OR $2 <% e."normalizedName")
         UNION ALL
         SELECT e."id", a."normalized" AS name FROM "EntityAlias" a JOIN "Entity" e ON e."id" = a."entityId"
          WHERE e."type" = $4::"EntityType" AND (a."normalized" LIKE $1 OR $2 <% a."normalized")
       ), scored AS (
         SELECT "id", MAX(CASE WHEN name LIKE $1 THEN 2 ELSE 1 END + word_similarity($2, name))::float8 AS "score"
           FROM names GROUP BY "id"
         ORDER BY "score" DESC, "id" LIMIT $3
       )
       SELECT e."id", e."version", e."type", e."canonicalName", e."gender", e."genderSource", e."createdAt", e."updatedAt",
              ARRAY(SELECT al."alias" FROM "EntityAlias" al WHERE al."entityId" = e."id" ORDER BY al."alias" LIMIT 50) AS "aliases",
              s."score"
         FROM scored s JOIN "Entity" e ON e."id" = s."id"
        ORDER BY s."score" DESC, s."id"`,
      [prefix, q, limit + 1, query.type],
    );
    return { items: items.slice(0, limit), nextCursor: null };
  });

  get('getEntity/:id', async ({ id }) => {
    const entity = (
      await rows(
        'entity',
        `SELECT e."id", e."version", e."type", e."canonicalName", e."gender", e."genderSource", e."createdAt", e."updatedAt",
                ARRAY(SELECT al."alias" FROM "EntityAlias" al WHERE al."entityId" = e."id" ORDER BY al."alias" LIMIT 200) AS "aliases",
                (SELECT count(*)::int FROM "Mention" m WHERE m."entityId" = e."id") AS "mentions",
                (SELECT count(DISTINCT m."articleId")::int FROM "Mention" m WHERE m."entityId" = e."id") AS "articleCount",
                (SELECT count(*)::int FROM "Quote" q WHERE q."speakerEntityId" = e."id") AS "quotes"
           FROM "Entity" e WHERE e."id" = $1`,
        [id],
      )
    )[0];
    const articles = await rows(
      'entity_articles',
      `SELECT a."id", a."headline", a."createdAt" FROM "Article" a
        WHERE EXISTS (SELECT 1 FROM "Mention" m WHERE m."articleId" = a."id" AND m."entityId" = $1)
        ORDER BY a."id" DESC LIMIT 20`,
      [id],
    );
    return { ...entity, articles };
  });

  get('listEntityQuotes/:id', async ({ id }, query) => {
    const limit = limitOf({ query }, 50);
    const items = await rows(
      'entity_quotes',
      `SELECT ${quoteColumns} FROM "Quote" q ${quoteJoins}
        WHERE q."speakerEntityId" = $1 AND q."reviewStatus" IN ${VISIBLE}
        ORDER BY q."createdAt" DESC, q."id" DESC LIMIT $2`,
      [id, limit + 1],
    );
    return { items: items.slice(0, limit), nextCursor: null };
  });

  // Full-text search as the service does it: the newest 1,000 matches ranked, best first.
  get('searchQuotes', async (_params, query) => {
    const limit = limitOf({ query }, 50);
    const items = await rows(
      'search_quotes',
      `WITH recent AS (
         SELECT q."id", q."searchVector", query
           FROM "Quote" q, websearch_to_tsquery('english', $1) query
          WHERE q."searchVector" @@ query AND q."reviewStatus" IN ${VISIBLE}
          ORDER BY q."createdAt" DESC, q."id" DESC LIMIT 1000
       ), hits AS (
         SELECT "id", ts_rank("searchVector", query)::float8 AS "rank" FROM recent ORDER BY "rank" DESC, "id" LIMIT $2
       )
       SELECT ${quoteColumns}, h."rank" FROM hits h JOIN "Quote" q ON q."id" = h."id" ${quoteJoins}
        ORDER BY h."rank" DESC, h."id"`,
      [query.q, limit + 1],
    );
    return { items: items.slice(0, limit), nextCursor: null };
  });

  // Who gets quoted: the period's rows of the daily rollup the service reads (DailyQuoteCount),
  // summed, with the speakers joined to Entity.
  get('listVoicesSpeakers', async (_params, query) => {
    const { fromDay, untilDay } = period(query);
    return {
      items: await rows(
        'voices_speakers',
        `WITH counted AS (
           SELECT d."speakerEntityId" AS "id", sum(d."direct" + d."mixed" + d."indirect")::int AS "quotes",
                  sum(d."articles")::int AS "articles", ${kindSums}
             FROM ${scopedCounts} AND d."sourceKind" = 'entity'
            GROUP BY d."speakerEntityId"
         )
         SELECT c.*, e."type", e."canonicalName", e."gender", e."genderSource"
           FROM counted c JOIN "Entity" e ON e."id" = c."id"
          ORDER BY c."quotes" DESC, e."canonicalName", e."id" LIMIT $3`,
        [fromDay, untilDay, limitOf({ query }, 20)],
      ),
    };
  });

  get('listVoicesTypes', async (_params, query) => {
    const { fromDay, untilDay } = period(query);
    return {
      items: await rows(
        'voices_types',
        `WITH bySource AS (
           SELECT d."sourceKind", d."speakerEntityId", ${kindSums} FROM ${scopedCounts} GROUP BY d."sourceKind", d."speakerEntityId"
         )
         SELECT CASE s."sourceKind" WHEN 'entity' THEN e."type"::text WHEN 'unnamed' THEN 'UNNAMED' ELSE 'NONE' END AS "type",
                sum(s."direct" + s."mixed" + s."indirect")::int AS "quotes",
                sum(s."direct")::int AS "direct", sum(s."mixed")::int AS "mixed", sum(s."indirect")::int AS "indirect"
           FROM bySource s LEFT JOIN "Entity" e ON e."id" = s."speakerEntityId" AND s."sourceKind" = 'entity'
          GROUP BY 1 ORDER BY "quotes" DESC, "type"`,
        [fromDay, untilDay],
      ),
    };
  });

  get('listVoicesGenders', async (_params, query) => {
    const { fromDay, untilDay } = period(query);
    return {
      items: await rows(
        'voices_genders',
        `WITH bySpeaker AS (
           SELECT d."speakerEntityId" AS "id", sum(d."direct" + d."mixed" + d."indirect")::int AS "quotes"
             FROM ${scopedCounts} AND d."sourceKind" = 'entity'
            GROUP BY d."speakerEntityId"
         ), counted AS (
           SELECT COALESCE(e."gender"::text, 'unknown') AS "gender", sum(s."quotes")::int AS "quotes",
                  count(*)::int AS "people", count(*) FILTER (WHERE e."genderSource" = 'editor')::int AS "editorSet"
             FROM bySpeaker s JOIN "Entity" e ON e."id" = s."id" AND e."type" = 'PERSON'
            GROUP BY 1
         )
         SELECT g."gender", COALESCE(c."quotes", 0) AS "quotes", COALESCE(c."people", 0) AS "people",
                COALESCE(c."editorSet", 0) AS "editorSet"
           FROM (VALUES ('female', 1), ('male', 2), ('nonbinary', 3), ('unknown', 4)) AS g("gender", "position")
           LEFT JOIN counted c ON c."gender" = g."gender"
          ORDER BY g."position"`,
        [fromDay, untilDay],
      ),
    };
  });

  get('listVoicesTrend', async (_params, query) => {
    const { from, until, fromDay, untilDay } = period(query);
    const interval = String(query.interval ?? 'week');
    const person = (/** @type {string} */ gender) =>
      `COALESCE(sum(s."quotes") FILTER (WHERE e."type" = 'PERSON' AND COALESCE(e."gender"::text, 'unknown') = '${gender}'), 0)::int`;
    return {
      items: await rows(
        'voices_trend',
        `WITH buckets AS (
           SELECT b::date AS "bucket"
             FROM generate_series(date_trunc($3, $4::timestamptz AT TIME ZONE 'UTC'),
                                  ($5::timestamptz - interval '1 day') AT TIME ZONE 'UTC', ('1 ' || $3)::interval) AS b
         ), bySpeaker AS (
           SELECT date_trunc($3, d."day"::timestamp)::date AS "bucket", d."sourceKind", d."speakerEntityId",
                  sum(d."direct" + d."mixed" + d."indirect")::int AS "quotes"
             FROM ${scopedCounts}
            GROUP BY 1, 2, 3
         ), counted AS (
           SELECT s."bucket", sum(s."quotes")::int AS "quotes", ${person('female')} AS "female", ${person('male')} AS "male",
                  ${person('nonbinary')} AS "nonbinary", ${person('unknown')} AS "unknown"
             FROM bySpeaker s LEFT JOIN "Entity" e ON e."id" = s."speakerEntityId" AND s."sourceKind" = 'entity'
            GROUP BY 1
         )
         SELECT to_char(b."bucket", 'YYYY-MM-DD') AS "bucket", COALESCE(c."quotes", 0) AS "quotes",
                COALESCE(c."female", 0) AS "female", COALESCE(c."male", 0) AS "male",
                COALESCE(c."nonbinary", 0) AS "nonbinary", COALESCE(c."unknown", 0) AS "unknown"
           FROM buckets b LEFT JOIN counted c ON c."bucket" = b."bucket"
          ORDER BY b."bucket"`,
        [fromDay, untilDay, interval, from, until],
      ),
    };
  });

  get('listSources', async () => ({
    items: await rows(
      'sources',
      `SELECT "source", count(*)::int AS "articles" FROM "Article"
        WHERE "source" IS NOT NULL GROUP BY "source" ORDER BY "source" LIMIT 500`,
    ),
  }));
}
