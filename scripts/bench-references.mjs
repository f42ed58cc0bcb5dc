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
  q."cueStart", q."cueEnd", q."cueText", q."rule", q."confidence", q."version", q."prefix", q."suffix",
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
 * The articles of a voices period: the same default period (the 30 days up to today, UTC) and the
 * same date rule (publication time, else ingest time) as the service.
 */
function period(/** @type {Record<string, string | undefined>} */ query) {
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const to = query.to ? new Date(`${query.to}T00:00:00Z`) : today;
  const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date(to.getTime() - 29 * DAY_MS);
  return { from: from.toISOString(), until: new Date(to.getTime() + DAY_MS).toISOString() };
}
const scopedQuotes = (/** @type {string} */ joins) => `"Article" a JOIN "Quote" q ON q."articleId" = a."id" ${joins}
  WHERE ((a."publishedAt" >= $1::timestamptz AND a."publishedAt" < $2::timestamptz)
      OR (a."publishedAt" IS NULL AND a."createdAt" >= $1::timestamptz AND a."createdAt" < $2::timestamptz))
    AND q."reviewStatus" IN ${VISIBLE}`;
const kindCounts = `count(*) FILTER (WHERE q."kind" = 'direct')::int AS "direct",
  count(*) FILTER (WHERE q."kind" = 'mixed')::int AS "mixed",
  count(*) FILTER (WHERE q."kind" = 'indirect')::int AS "indirect"`;

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

  // The ninjs export: the article, its visible mentions with their entities, the sources of its
  // quotes and its paragraphs.
  get('getArticle/:id/ninjs', async ({ id }) => {
    const article = await articleRow(id);
    const mentions = await rows(
      'ninjs_mentions',
      `SELECT m."entityId", e."type", e."canonicalName" FROM "Mention" m JOIN "Entity" e ON e."id" = m."entityId"
        WHERE m."articleId" = $1 AND m."reviewStatus" IN ${VISIBLE} ORDER BY m."start", m."id"`,
      [id],
    );
    const sources = await rows(
      'ninjs_sources',
      `SELECT DISTINCT q."speakerEntityId" AS "entityId", e."type", e."canonicalName",
              CASE WHEN q."speakerEntityId" IS NULL THEN q."sourceText" END AS "sourceText"
         FROM "Quote" q LEFT JOIN "Entity" e ON e."id" = q."speakerEntityId"
        WHERE q."articleId" = $1 AND q."reviewStatus" IN ${VISIBLE}
          AND (q."speakerEntityId" IS NOT NULL OR q."sourceText" IS NOT NULL)`,
      [id],
    );
    const paragraphs = await rows(
      'ninjs_paragraphs',
      `SELECT "index", "start", "end" FROM "Paragraph" WHERE "articleId" = $1 ORDER BY "index"`,
      [id],
    );
    return { article, mentions, sources, paragraphs };
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

  // Paragraphs with their text: substr counts characters, as the API's offsets count code points.
  get('listArticleParagraphs/:id', async ({ id }, query) => {
    const limit = limitOf({ query }, 100);
    const items = await rows(
      'paragraphs',
      `SELECT p."index", p."role", p."start", p."end", substr(a."text", p."start" + 1, p."end" - p."start") AS "text"
         FROM "Paragraph" p JOIN "Article" a ON a."id" = p."articleId"
        WHERE p."articleId" = $1 AND p."index" > -1 ORDER BY p."index" LIMIT $2`,
      [id, limit + 1],
    );
    return { items: items.slice(0, limit), nextCursor: null };
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

  get('listVoicesSpeakers', async (_params, query) => {
    const { from, until } = period(query);
    return {
      items: await rows(
        'voices_speakers',
        `WITH counted AS (
           SELECT q."speakerEntityId" AS "id", count(*)::int AS "quotes", count(DISTINCT q."articleId")::int AS "articles", ${kindCounts}
             FROM ${scopedQuotes('')} AND q."speakerEntityId" IS NOT NULL
            GROUP BY q."speakerEntityId"
         )
         SELECT c.*, e."type", e."canonicalName", e."gender", e."genderSource"
           FROM counted c JOIN "Entity" e ON e."id" = c."id"
          ORDER BY c."quotes" DESC, e."canonicalName", e."id" LIMIT $3`,
        [from, until, limitOf({ query }, 20)],
      ),
    };
  });

  get('listVoicesTypes', async (_params, query) => {
    const { from, until } = period(query);
    return {
      items: await rows(
        'voices_types',
        `SELECT CASE WHEN e."id" IS NOT NULL THEN e."type"::text WHEN q."sourceText" IS NOT NULL THEN 'UNNAMED' ELSE 'NONE' END AS "type",
                count(*)::int AS "quotes", ${kindCounts}
           FROM ${scopedQuotes(`LEFT JOIN "Entity" e ON e."id" = q."speakerEntityId"`)}
          GROUP BY 1 ORDER BY "quotes" DESC, "type"`,
        [from, until],
      ),
    };
  });

  get('listVoicesGenders', async (_params, query) => {
    const { from, until } = period(query);
    return {
      items: await rows(
        'voices_genders',
        `WITH counted AS (
           SELECT COALESCE(e."gender"::text, 'unknown') AS "gender", count(*)::int AS "quotes",
                  count(DISTINCT e."id")::int AS "people",
                  count(DISTINCT e."id") FILTER (WHERE e."genderSource" = 'editor')::int AS "editorSet"
             FROM ${scopedQuotes(`JOIN "Entity" e ON e."id" = q."speakerEntityId" AND e."type" = 'PERSON'`)}
            GROUP BY 1
         )
         SELECT g."gender", COALESCE(c."quotes", 0) AS "quotes", COALESCE(c."people", 0) AS "people",
                COALESCE(c."editorSet", 0) AS "editorSet"
           FROM (VALUES ('female', 1), ('male', 2), ('nonbinary', 3), ('unknown', 4)) AS g("gender", "position")
           LEFT JOIN counted c ON c."gender" = g."gender"
          ORDER BY g."position"`,
        [from, until],
      ),
    };
  });

  get('listVoicesTrend', async (_params, query) => {
    const { from, until } = period(query);
    const interval = String(query.interval ?? 'day');
    const person = (/** @type {string} */ gender) =>
      `count(*) FILTER (WHERE e."type" = 'PERSON' AND COALESCE(e."gender"::text, 'unknown') = '${gender}')::int`;
    return {
      items: await rows(
        'voices_trend',
        `WITH buckets AS (
           SELECT b::date AS "bucket"
             FROM generate_series(date_trunc($3, $1::timestamptz AT TIME ZONE 'UTC'),
                                  ($2::timestamptz - interval '1 day') AT TIME ZONE 'UTC', ('1 ' || $3)::interval) AS b
         ), counted AS (
           SELECT date_trunc($3, COALESCE(a."publishedAt", a."createdAt") AT TIME ZONE 'UTC')::date AS "bucket",
                  count(*)::int AS "quotes", ${person('female')} AS "female", ${person('male')} AS "male",
                  ${person('nonbinary')} AS "nonbinary", ${person('unknown')} AS "unknown"
             FROM ${scopedQuotes(`LEFT JOIN "Entity" e ON e."id" = q."speakerEntityId"`)}
            GROUP BY 1
         )
         SELECT to_char(b."bucket", 'YYYY-MM-DD') AS "bucket", COALESCE(c."quotes", 0) AS "quotes",
                COALESCE(c."female", 0) AS "female", COALESCE(c."male", 0) AS "male",
                COALESCE(c."nonbinary", 0) AS "nonbinary", COALESCE(c."unknown", 0) AS "unknown"
           FROM buckets b LEFT JOIN counted c ON c."bucket" = b."bucket"
          ORDER BY b."bucket"`,
        [from, until, interval],
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
