// npm run bench:scale: do the list, entity-quote and search endpoints keep their latency when the
// store grows from 1,000 to 100,000 articles?
//
// 1. Creates a fresh database on BENCH_DATABASE_URL (default 127.0.0.1:5432, user postgres) and
//    migrates it.
// 2. Ingests a few template articles through the real service (the fixture, fixture-shaped stories
//    and short stories), so every row has the shape the pipeline and the Prisma schema give it.
// 3. Grows the store with SQL bulk inserts (INSERT ... SELECT in Postgres, no pipeline run per
//    article): each copy of a template gets new ids, a new content hash, a marked text (so the
//    generated search columns differ) and its own cohort of entities (500 cohorts: an entity is
//    named by a few hundred articles, like a real person in an archive).
// 4. At 1,000 and at 100,000 articles: p95 of each endpoint over BENCH_SCALE_REQUESTS requests
//    (in-process inject, after a warm-up), then the table and the ratio (target: within 2x).
// 5. EXPLAIN of every SQL statement each endpoint runs (captured from Prisma's query log and the page reader) at 100k,
//    with a check that it uses an index and no sequential scan of a large table.
// 6. Store size per article.
// 7. With the voices endpoints: what the DailyQuoteCount triggers add to an ingest (Postgres CPU
//    per article, and the articles per second of 10 writers at once, triggers on and off). The
//    database is dropped at the end.
//
// Environment: BENCH_SCALE_ARTICLES (100000), BENCH_SCALE_REQUESTS (200), BENCH_DATABASE_URL,
// BENCH_SCALE_ONLY (parts of endpoint labels, comma-separated).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/database.js';
import type { SqlReader } from '../src/db/sql-reader.js';
import { adapterStatementNames, STATEMENT_NAME_LIMIT, statementNamer } from '../src/db/statement-names.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { Store } from '../src/repositories/store.js';
import { ApiKeyService } from '../src/services/api-key-service.js';
import { fixtureVariant, smallArticle } from '../test/faults/articles.js';
import { wireStory } from '../test/helpers/fixtures.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const target = Number(process.env.BENCH_SCALE_ARTICLES ?? 100_000);
const requestsPerEndpoint = Number(process.env.BENCH_SCALE_REQUESTS ?? 200);
const COHORTS = 500;
const adminKey = `na_scale${'s'.repeat(36)}`;

interface Captured {
  query: string;
  params: string;
}

/** Columns of a table that an INSERT may set (generated columns excluded). */
async function insertableColumns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.column_name);
}

/** INSERT INTO table (cols) SELECT <override or t.col> FROM <from>: the copy of rows with some columns replaced. */
function copySql(table: string, columns: string[], overrides: Record<string, string>, from: string): string {
  const quoted = columns.map((column) => `"${column}"`).join(', ');
  const values = columns.map((column) => overrides[column] ?? `t."${column}"`).join(', ');
  return `INSERT INTO "${table}" (${quoted}) SELECT ${values} FROM ${from}`;
}

/** CPU milliseconds a process has used (a Postgres backend of this machine), from /proc; NaN elsewhere. */
function cpuMilliseconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
  } catch {
    return NaN;
  }
}

/**
 * What the DailyQuoteCount triggers add to an ingest: copies of the template with the most quotes
 * (same speakers, same source, today: the rollup's hottest rows) stored as an ingest stores them,
 * the article row and then its quotes in one statement, one transaction per article, with the
 * Quote insert trigger on and off in turn. Articles stored with it off are not counted: this runs
 * last, on a database about to be dropped.
 */
async function quoteCountTriggerCost(databaseUrl: string, columns: Record<string, string[]>): Promise<void> {
  const connect = async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', () => {}); // dropped with the database if the bench fails midway
    await client.connect();
    return client;
  };
  const admin = await connect();
  const writer = await connect();
  try {
    await triggerCost(admin, writer, connect, columns);
  } finally {
    await Promise.all([admin.end(), writer.end()]);
  }
}

async function triggerCost(
  admin: pg.Client,
  writer: pg.Client,
  connect: () => Promise<pg.Client>,
  columns: Record<string, string[]>,
): Promise<void> {
  const template = (await admin.query<{ id: string; quotes: number }>(
    `SELECT a.id, a."quoteCount" AS quotes FROM "Article" a JOIN bench_template t ON t.id = a.id ORDER BY a."quoteCount" DESC LIMIT 1`,
  )).rows[0]!;
  const articleSql = copySql('Article', columns.Article!, {
    id: '$2::uuid', contentHash: `md5($2::text) || md5($2::text || 'h')`, externalId: 'NULL', createdAt: 'now()', updatedAt: 'now()',
  }, `"Article" t WHERE t.id = $1::uuid`);
  const quoteSql = copySql('Quote', columns.Quote!, {
    id: 'gen_random_uuid()', articleId: '$2::uuid', speakerMentionId: 'NULL', createdAt: 'now()', updatedAt: 'now()',
  }, `"Quote" t WHERE t."articleId" = $1::uuid`);
  const ingest = async (client: pg.Client) => {
    const id = randomUUID();
    await client.query('BEGIN');
    await client.query(articleSql, [template.id, id]);
    await client.query(quoteSql, [template.id, id]);
    await client.query('COMMIT');
  };
  const setTrigger = (on: boolean) =>
    admin.query(`ALTER TABLE "Quote" ${on ? 'ENABLE' : 'DISABLE'} TRIGGER daily_quote_count_quotes_inserted`);
  const cpu = { on: 0, off: 0 };
  const rate = { on: 0, off: 0 };
  const pid = (await writer.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  const perRound = 150;
  const writers = 10;
  const seconds = 5;
  for (let i = 0; i < 20; i++) await ingest(writer); // plans cached, as on a service connection
  for (let round = 0; round < 2; round++) {
    for (const on of [true, false]) {
      await setTrigger(on);
      const before = cpuMilliseconds(pid);
      for (let i = 0; i < perRound; i++) await ingest(writer);
      cpu[on ? 'on' : 'off'] += (cpuMilliseconds(pid) - before) / (2 * perRound);
      const team = await Promise.all(Array.from({ length: writers }, connect));
      let stored = 0;
      const end = performance.now() + seconds * 1000;
      try {
        await Promise.all(team.map(async (client) => {
          while (performance.now() < end) {
            await ingest(client);
            stored++;
          }
        }));
      } finally {
        await Promise.all(team.map((client) => client.end()));
      }
      rate[on ? 'on' : 'off'] += stored / seconds / 2;
    }
  }
  await setTrigger(true);
  console.log(`\nDailyQuoteCount triggers on an ingest (copies of a ${template.quotes}-quote article: same speakers, source and day):`);
  console.log(`  Postgres backend CPU per article, 1 writer: ${cpu.on.toFixed(2)} ms with the triggers, ${cpu.off.toFixed(2)} ms without (+${(cpu.on - cpu.off).toFixed(2)} ms)`);
  console.log(`  ${writers} writers at once: ${rate.on.toFixed(0)} articles/s with the triggers, ${rate.off.toFixed(0)}/s without`);
}

const p95 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
};

async function main(): Promise<void> {
  const name = `na_scale_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  console.log(`news-annotations bench:scale: ${os.cpus().length} cores, Node ${process.version}, Postgres ${version}, database ${name}\n`);

  const base = await openDatabase({ databaseUrl });
  const captured: Captured[] = [];
  // The service's own database, with a Prisma client that reports every statement (for EXPLAIN)
  // and names its statements as the service's does (src/db/statement-names.ts).
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }, adapterStatementNames(statementNamer(STATEMENT_NAME_LIMIT))),
    log: [{ emit: 'event', level: 'query' }],
  });
  prisma.$on('query', (event) => captured.push({ query: event.query, params: event.params }));
  // Page reads bypass Prisma (src/db/sql-reader.ts): record theirs too.
  const reader: SqlReader = {
    rows: (statement) => {
      captured.push({ query: statement.text, params: JSON.stringify(statement.values) });
      return base.reader.rows(statement);
    },
  };
  const database: Database = { ...base, prisma, replica: null, reader, close: async () => { await prisma.$disconnect(); await base.close(); } };
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await base.migrate();
    await new ApiKeyService(new Store({ prisma })).ensureAdminKey(adminKey);
    const app = await buildApp({ database, logger: false, rateLimitMax: 0 });
    const authorization = `Bearer ${adminKey}`;
    const inject = (urlPath: string) => app.inject({ method: 'GET', url: urlPath, headers: { authorization } });

    // Templates through the real pipeline and service.
    const templates = [wireStory, fixtureVariant(1), ...Array.from({ length: 10 }, (_, n) => smallArticle(n * 7 + 3))];
    for (const text of templates) {
      const res = await app.inject({ method: 'POST', url: '/v1/articles', headers: { authorization, 'content-type': 'text/plain' }, payload: text });
      if (res.statusCode !== 201) throw new Error(`template ingest answered ${res.statusCode}: ${res.body}`);
    }
    await client.connect();
    await client.query('SET synchronous_commit = off');
    const columns: Record<string, string[]> = {};
    for (const table of ['Article', 'Paragraph', 'Entity', 'EntityAlias', 'Mention', 'Quote']) columns[table] = await insertableColumns(client, table);
    await client.query(`CREATE TABLE bench_template AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM "Article"`);
    await client.query(`CREATE TABLE bench_template_entity AS SELECT DISTINCT "entityId" AS id FROM "Mention"
                        UNION SELECT "speakerEntityId" FROM "Quote" WHERE "speakerEntityId" IS NOT NULL
                        UNION SELECT "viaEntityId" FROM "Quote" WHERE "viaEntityId" IS NOT NULL`);
    const templateCount = Number((await client.query('SELECT count(*) FROM bench_template')).rows[0].count);

    // Entity cohorts: each cohort has its own copy of every template entity.
    const entityId = (cohort: string, old: string) => `md5('e' || ${cohort} || ${old}::text)::uuid`;
    const seedStart = performance.now();
    await client.query(
      copySql('Entity', columns.Entity!, {
        id: entityId('c.c', 't.id'),
        canonicalName: `t."canonicalName" || ' ' || c.c`,
        normalizedName: `t."normalizedName" || ' ' || c.c`,
      }, `"Entity" t JOIN bench_template_entity e ON e.id = t.id CROSS JOIN generate_series(1, ${COHORTS}) AS c(c)`),
    );
    await client.query(
      copySql('EntityAlias', columns.EntityAlias!, {
        id: `md5('a' || c.c || t.id::text)::uuid`,
        entityId: entityId('c.c', 't."entityId"'),
        alias: `t.alias || ' ' || c.c`,
        normalized: `t.normalized || ' ' || c.c`,
      }, `"EntityAlias" t JOIN bench_template_entity e ON e.id = t."entityId" CROSS JOIN generate_series(1, ${COHORTS}) AS c(c)`),
    );

    /** Adds copies numbered [from, to): copy k of template k % T, entity cohort k % COHORTS + 1. */
    const grow = async (from: number, to: number) => {
      for (let start = from; start < to; start += 5000) {
        const end = Math.min(to, start + 5000);
        await client.query('BEGIN');
        await client.query(`CREATE TEMP TABLE bench_map ON COMMIT DROP AS
          SELECT k, t.id AS old_id, (k % ${COHORTS}) + 1 AS cohort,
                 -- UUIDv7 layout: 48-bit millisecond time, version 7, variant 8, random rest
                 (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint - ${target} * 1000 + k * 1000), 12, '0')
                   || '7' || substr(md5(k::text), 1, 3) || '8' || substr(md5(k::text || 'x'), 1, 15))::uuid AS new_id
            FROM generate_series(${start}, ${end - 1}) AS k JOIN bench_template t ON t.n = k % ${templateCount}`);
        await client.query(
          copySql('Article', columns.Article!, {
            id: 'm.new_id',
            contentHash: `md5(m.k::text || 'a') || md5(m.k::text || 'b')`,
            externalId: 'NULL',
            text: `t.text || E'\\n\\n(archive copy ' || m.k || ')'`,
            createdAt: `now() - make_interval(secs => ${target} - m.k)`,
            updatedAt: `now() - make_interval(secs => ${target} - m.k)`,
          }, `"Article" t JOIN bench_map m ON m.old_id = t.id`),
        );
        await client.query(
          copySql('Paragraph', columns.Paragraph!, { id: `md5('p' || m.k || t.id::text)::uuid`, articleId: 'm.new_id' },
            `"Paragraph" t JOIN bench_map m ON m.old_id = t."articleId"`),
        );
        await client.query(
          copySql('Mention', columns.Mention!, {
            id: `md5('m' || m.k || t.id::text)::uuid`,
            articleId: 'm.new_id',
            entityId: entityId('m.cohort', 't."entityId"'),
            createdAt: `now() - make_interval(secs => ${target} - m.k)`,
          }, `"Mention" t JOIN bench_map m ON m.old_id = t."articleId"`),
        );
        await client.query(
          copySql('Quote', columns.Quote!, {
            id: `md5('q' || m.k || t.id::text)::uuid`,
            articleId: 'm.new_id',
            speakerEntityId: `CASE WHEN t."speakerEntityId" IS NULL THEN NULL ELSE ${entityId('m.cohort', 't."speakerEntityId"')} END`,
            viaEntityId: `CASE WHEN t."viaEntityId" IS NULL THEN NULL ELSE ${entityId('m.cohort', 't."viaEntityId"')} END`,
            speakerMentionId: `CASE WHEN t."speakerMentionId" IS NULL THEN NULL ELSE md5('m' || m.k || t."speakerMentionId"::text)::uuid END`,
            createdAt: `now() - make_interval(secs => ${target} - m.k)`,
          }, `"Quote" t JOIN bench_map m ON m.old_id = t."articleId"`),
        );
        await client.query('COMMIT');
        process.stdout.write(`\r  ${end + templateCount} articles`);
      }
      await client.query('ANALYZE');
      process.stdout.write('\n');
    };

    // The endpoints and their arguments: the most quoted speaker at each size, search terms.
    const available = JSON.parse(readFileSync(path.join(projectRoot, 'openapi/openapi.json'), 'utf8')) as { paths: Record<string, unknown> };
    const endpoints: { label: string; url: () => string; path: string }[] = [
      { label: 'list articles (limit=50)', url: () => '/v1/articles?limit=50', path: '/v1/articles' },
      // The oldest ~600 copies by ingest time: the same page at both sizes, the rest of the store newer.
      { label: 'list articles (since, until)', url: () => `/v1/articles?limit=50&since=${oldest.since}&until=${oldest.until}`, path: '/v1/articles' },
      // A page that is full at both sizes (the most quoted speaker has ~8 quotes at 1,000 articles).
      { label: 'entity quotes (most quoted, limit=5)', url: () => `/v1/entities/${speakerCopy}/quotes?limit=5`, path: '/v1/entities/{id}/quotes' },
      { label: 'search quotes q=situation', url: () => '/v1/quotes?q=situation&limit=50', path: '/v1/quotes' },
      { label: 'search quotes q=accept delay', url: () => '/v1/quotes?q=accept%20delay&limit=50', path: '/v1/quotes' },
      { label: 'search articles q=summit', url: () => '/v1/articles?q=summit&limit=50', path: '/v1/articles' },
      // Who gets quoted over the last 30 days, which hold every generated article: the worst case.
      { label: 'voices speakers (people, orgs)', url: () => '/v1/voices/speakers?type=PERSON,ORG&limit=20', path: '/v1/voices/speakers' },
      { label: 'voices types', url: () => '/v1/voices/types', path: '/v1/voices/types' },
      { label: 'voices genders', url: () => '/v1/voices/genders', path: '/v1/voices/genders' },
      { label: 'voices trend (day)', url: () => '/v1/voices/trend?interval=day', path: '/v1/voices/trend' },
      { label: 'voices speakers (one source)', url: () => '/v1/voices/speakers?source=Dunya%20News', path: '/v1/voices/speakers' },
      { label: 'sources', url: () => '/v1/sources', path: '/v1/sources' },
    ];
    let speakerCopy = '';
    const oldest = { since: '', until: '' };
    // BENCH_SCALE_ONLY=<text>[,<text>...]: measure only the endpoints whose label contains one of them.
    const only = process.env.BENCH_SCALE_ONLY?.split(',');
    const measured = endpoints.filter((endpoint) => {
      if (only && !only.some((part) => endpoint.label.includes(part))) return false;
      const exists = endpoint.path in available.paths;
      if (!exists) console.log(`  ${endpoint.path} is not in openapi/openapi.json: not measured`);
      return exists;
    });

    const measure = async () => {
      // An archive's most quoted person: their quote count grows with the store, the page does not.
      const top = (await client.query<{ id: string; quotes: string }>(
        `SELECT q."speakerEntityId" AS id, count(*) AS quotes FROM "Quote" q
          WHERE q."speakerEntityId" IS NOT NULL AND q."articleId" NOT IN (SELECT id FROM bench_template)
          GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      )).rows[0]!;
      speakerCopy = top.id;
      console.log(`  (most quoted speaker: ${top.quotes} quotes)`);
      const first = (await client.query<{ at: Date }>(
        `SELECT min("createdAt") AS at FROM "Article" WHERE id NOT IN (SELECT id FROM bench_template)`,
      )).rows[0]!.at;
      oldest.since = first.toISOString();
      oldest.until = new Date(first.getTime() + 600_000).toISOString();
      const figures = new Map<string, number>();
      for (const endpoint of measured) {
        const first = await inject(endpoint.url());
        if (first.statusCode !== 200) {
          console.log(`  ${endpoint.label}: answered ${first.statusCode} (${first.body.slice(0, 120)}); not measured`);
          continue;
        }
        for (let i = 0; i < 20; i++) await inject(endpoint.url());
        const times: number[] = [];
        for (let i = 0; i < requestsPerEndpoint; i++) {
          const start = performance.now();
          const res = await inject(endpoint.url());
          times.push(performance.now() - start);
          if (res.statusCode !== 200) throw new Error(`${endpoint.url()} answered ${res.statusCode}`);
        }
        figures.set(endpoint.label, p95(times));
        const items = (first.json() as { items?: unknown[] }).items?.length ?? 0;
        console.log(`  ${endpoint.label.padEnd(34)} p95 ${p95(times).toFixed(2).padStart(8)} ms  (${items} items)`);
      }
      return figures;
    };

    const small = Math.min(1000, target);
    console.log(`growing to ${small} articles`);
    await grow(templateCount, small);
    console.log(`at ${small} articles:`);
    const atSmall = await measure();
    console.log(`growing to ${target} articles`);
    await grow(small, target);
    console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
    console.log(`at ${target} articles:`);
    const atLarge = await measure();

    console.log(`\n| endpoint | p95 at ${small} | p95 at ${target} | ratio | within 2x |`);
    console.log('|---|---|---|---|---|');
    for (const [label, smallP95] of atSmall) {
      const largeP95 = atLarge.get(label) ?? NaN;
      const ratio = largeP95 / smallP95;
      console.log(`| ${label} | ${smallP95.toFixed(2)} ms | ${largeP95.toFixed(2)} ms | ${ratio.toFixed(2)} | ${ratio <= 2 ? 'yes' : 'NO'} |`);
    }

    // EXPLAIN of what each endpoint runs.
    console.log('\nquery plans at the large size:');
    const large = new Set(['Article', 'Paragraph', 'Mention', 'Quote', 'Entity', 'EntityAlias']);
    for (const endpoint of measured) {
      captured.length = 0;
      await inject(endpoint.url());
      const statements = captured.filter((entry) => !/^(BEGIN|COMMIT|ROLLBACK|SELECT 1)/i.test(entry.query.trim()));
      console.log(`\n## ${endpoint.label}: ${endpoint.url()} (${statements.length} statements)`);
      for (const statement of statements) {
        const params = JSON.parse(statement.params) as unknown[];
        let plan: string;
        try {
          const { rows } = await client.query(`EXPLAIN ${statement.query}`, params);
          plan = rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
        } catch (error) {
          plan = `(EXPLAIN failed: ${(error as Error).message})`;
        }
        const seqScans = [...plan.matchAll(/Seq Scan on "?(\w+)"?/g)].map((match) => match[1]!).filter((table) => large.has(table));
        const usesIndex = /Index (Only )?Scan|Bitmap Index Scan/.test(plan);
        const verdict = seqScans.length > 0 ? `SEQUENTIAL SCAN of ${seqScans.join(', ')}` : usesIndex ? 'uses an index' : 'no large table scanned';
        console.log(`\n-- ${verdict}\n${statement.query.replace(/\s+/g, ' ').slice(0, 400)}\n${plan.split('\n').map((line) => `   ${line}`).join('\n')}`);
      }
    }

    // Store size per article.
    const count = Number((await client.query('SELECT count(*) FROM "Article"')).rows[0].count);
    const sizes = await client.query<{ table: string; bytes: string }>(
      `SELECT relname AS table, pg_total_relation_size(c.oid) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND relname NOT LIKE 'bench_%' ORDER BY 2 DESC`,
    );
    const total = sizes.rows.reduce((sum, row) => sum + Number(row.bytes), 0);
    console.log(`\nstore size: ${(total / 2 ** 20).toFixed(0)} MB for ${count} articles = ${(total / count / 1024).toFixed(1)} KB per article`);
    for (const row of sizes.rows.slice(0, 8)) {
      console.log(`  ${row.table.padEnd(20)} ${(Number(row.bytes) / 2 ** 20).toFixed(0).padStart(6)} MB  ${(Number(row.bytes) / count / 1024).toFixed(2).padStart(7)} KB/article`);
    }
    const rows = await client.query(`SELECT (SELECT count(*) FROM "Paragraph") AS paragraphs, (SELECT count(*) FROM "Mention") AS mentions,
                                            (SELECT count(*) FROM "Quote") AS quotes, (SELECT count(*) FROM "Entity") AS entities,
                                            (SELECT count(*) FROM "DailyQuoteCount") AS "dailyQuoteCounts"`);
    console.log(`  rows: ${JSON.stringify(rows.rows[0])}`);
    if (measured.some((endpoint) => endpoint.label.startsWith('voices'))) await quoteCountTriggerCost(databaseUrl, columns);
    await app.close();
  } finally {
    await client.end().catch(() => {});
    await database.close().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
