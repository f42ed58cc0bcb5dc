import t from 'tap';
import { uuidv7 } from 'uuidv7';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { statementNamer } from '../src/db/statement-names.js';
import { Prisma } from '../src/generated/prisma/client.js';
import { AnnotationRepository } from '../src/repositories/annotation-repository.js';
import { ArticleRepository } from '../src/repositories/article-repository.js';
import { prismaReader } from '../src/repositories/db-client.js';
import { EntityRepository } from '../src/repositories/entity-repository.js';
import { createEmptyPostgresDatabase, createTestDatabase, storageKinds } from './helpers/database.js';

const onPostgres = { skip: !storageKinds().includes('postgres') && 'TEST_STORAGE excludes postgres' };

t.test('a statement text keeps its name; new texts are named until the limit, then run unnamed', async (t) => {
  const name = statementNamer(2);
  const first = name('SELECT 1');
  t.ok(first, 'the first text is named');
  t.equal(name('SELECT 1'), first, 'the same text, the same name');
  const second = name('SELECT 2');
  t.ok(second);
  t.not(second, first, 'another text, another name');
  t.equal(name('SELECT 3'), undefined, 'past the limit a text runs unnamed');
  t.equal(name('SELECT 2'), second, 'texts named before the limit keep their names');
  t.equal(
    statementNamer(10)(`SELECT "id" FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery('english', $1)`),
    undefined,
    'a full-text search runs unnamed, so it is planned for its own words every time',
  );
});

/** The statements the pool's single connection has prepared, read on that connection. */
async function preparedOnConnection(url: string, preparedStatements: boolean): Promise<string[]> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 1, preparedStatements });
  try {
    await database.migrate();
    const findArticle = Prisma.sql`SELECT "id" FROM "Article" WHERE "contentHash" = ${'x'.repeat(64)}`;
    await database.reader.rows(findArticle);
    await database.reader.rows(findArticle);
    await database.prisma.$executeRaw`UPDATE "Article" SET "headline" = ${'h'} WHERE "id" = ${uuidv7()}::uuid`;
    const rows = await database.reader.rows<{ statement: string }>(
      Prisma.sql`SELECT statement FROM pg_prepared_statements WHERE statement NOT LIKE ${'%pg_prepared_statements%'} ORDER BY prepare_time`,
    );
    return rows.map((row) => row.statement);
  } finally {
    await database.close();
  }
}

t.test('on Postgres, page reads and Prisma statements are prepared once per connection and then reused', onPostgres, async (t) => {
  const { url, drop } = await createEmptyPostgresDatabase();
  t.teardown(drop);
  const prepared = await preparedOnConnection(url, true);
  t.equal(prepared.filter((text) => text.includes('"contentHash"')).length, 1, 'the page read, run twice, is prepared once');
  t.ok(prepared.some((text) => text.startsWith('UPDATE "Article"')), 'a raw statement through Prisma is prepared too');
});

t.test('with prepared statements off (for PgBouncer in transaction mode) nothing stays prepared', onPostgres, async (t) => {
  const { url, drop } = await createEmptyPostgresDatabase();
  t.teardown(drop);
  t.same(await preparedOnConnection(url, false), []);
});

for (const kind of storageKinds()) {
  t.test(`on ${kind} storage, bulk-inserted rows keep quotes, backslashes, line breaks and emoji exactly`, async (t) => {
    const db = await createTestDatabase(kind);
    t.teardown(() => db.destroy());
    const { prisma } = db.database;
    const awkward = 'O\'Brien "the \\ Boss"\n\t🦊 — naïve \u2028 {"json": [1]}';
    const text = `${awkward} said so.`;
    const articles = new ArticleRepository(prisma, prismaReader(prisma));
    const articleId = uuidv7();
    await articles.insert(
      {
        id: articleId,
        contentHash: 'a'.repeat(64),
        format: 'plain',
        text,
        pipelineVersion: 'test',
        paragraphCount: 1,
        quoteCount: 0,
        entityCount: 1,
        mentionCount: 1,
      },
      [{ id: uuidv7(), articleId, index: 0, role: 'body', start: 0, end: [...text].length }],
    );
    const ids = await new EntityRepository(prisma).resolve([
      { type: 'PERSON', canonicalName: awkward, normalizedName: awkward.toLowerCase(), aliases: [awkward] },
    ]);
    const entityId = ids.get(EntityRepository.idKey('PERSON', awkward.toLowerCase()))!;
    t.ok(entityId, 'the entity is resolved by its awkward name');
    await new AnnotationRepository(prisma, prismaReader(prisma)).insertMentionsAndQuotes(
      [{ id: uuidv7(), articleId, entityId, start: 0, end: [...awkward].length, text: awkward, kind: 'name', prefix: '', suffix: ' said so.' }],
      [],
    );
    t.equal((await prisma.entity.findUniqueOrThrow({ where: { id: entityId } })).canonicalName, awkward);
    t.same((await prisma.entityAlias.findMany({ where: { entityId } })).map((row) => row.alias), [awkward]);
    const mention = await prisma.mention.findFirstOrThrow({ where: { articleId } });
    t.equal(mention.text, awkward);
    t.equal(mention.suffix, ' said so.');
    t.equal(mention.origin, 'machine', 'a column the row leaves out takes its default');
    t.equal(await prisma.paragraph.count({ where: { articleId } }), 1);
  });
}

t.test('DATABASE_PREPARED_STATEMENTS is on unless set to false, and anything else is refused', async (t) => {
  t.equal(loadConfig({}).databasePreparedStatements, true);
  t.equal(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements, false);
  t.throws(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'sometimes' }), ConfigError);
});
