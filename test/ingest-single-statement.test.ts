// A new article is stored by one statement (ArticleRepository.insertAnnotated) when every entity
// it names can be resolved inside that statement, and by the several statements of
// writeInStatements in a transaction otherwise. Both must store the same rows: these tests compare
// everything an ingest writes, column by column (ids and timestamps aside), between the two paths,
// on both storages and under concurrent ingests.
import t from 'tap';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { annotate } from '../src/pipeline/annotate.js';
import { EntityRepository, normalizeName } from '../src/repositories/entity-repository.js';
import { Store } from '../src/repositories/store.js';
import { hashText, IngestService, prepareArticle, writeInStatements, type IngestInput } from '../src/services/ingest-service.js';
import { uuidv7 } from 'uuidv7';
import { createTestDatabase, storageKinds } from './helpers/database.js';
import { wireStory } from './helpers/fixtures.js';

/** The fixture with another headline line: another text naming the same people and places. */
const variant = (n: number): string => wireStory.replace(/^[^\n]*/, `Variant ${n}: leaders meet in Vladivostok`);

const shortStory = (n: number): string =>
  `Harbour talks resume ${n}\n\nExample Wire\n\n"We are relieved," said harbour master Ana Lopes of Port Elling on Tuesday.\n\n` +
  `Lopes told reporters that the Port Elling Authority would reopen the quay. "It was a long week," she said.`;

/** Everything stored for one article, as comparable values: entities by key, mentions by span. */
async function storedRows(prisma: PrismaClient, articleId: string) {
  const [article] = await prisma.$queryRaw<object[]>`
    SELECT "contentHash", "source", "externalId", "url", "publishedAt", "language", "format"::text, "headline", "sourceLine",
           "standfirst", "datelineText", "datelinePlace", "datelineAgency", "byline", "text", "revision", "version",
           "pipelineVersion", "paragraphCount", "quoteCount", "entityCount", "mentionCount", "searchVector"::text AS "searchVector"
      FROM "Article" WHERE "id" = ${articleId}::uuid`;
  const paragraphs = await prisma.$queryRaw<object[]>`
    SELECT "index", "role"::text, "start", "end" FROM "Paragraph" WHERE "articleId" = ${articleId}::uuid ORDER BY "index"`;
  const mentions = await prisma.$queryRaw<object[]>`
    SELECT m."start", m."end", m."text", m."kind"::text, m."version", m."prefix", m."suffix", m."origin"::text,
           m."pipelineVersion", m."reviewStatus"::text, m."updatedBy", e."type"::text AS "entityType", e."normalizedName" AS "entityName"
      FROM "Mention" m JOIN "Entity" e ON e."id" = m."entityId"
     WHERE m."articleId" = ${articleId}::uuid ORDER BY m."start", m."end", e."normalizedName"`;
  const quotes = await prisma.$queryRaw<object[]>`
    SELECT q."paragraphIndex", q."start", q."end", q."text", q."kind"::text,
           se."type"::text || ':' || se."normalizedName" AS "speaker", sm."start" AS "speakerMentionStart", sm."end" AS "speakerMentionEnd",
           ve."type"::text || ':' || ve."normalizedName" AS "via", q."sourceText", q."sourceStart", q."sourceEnd", q."viaText",
           q."viaStart", q."viaEnd", q."cueStart", q."cueEnd", q."cueText", q."rule", q."confidence", q."version", q."prefix",
           q."suffix", q."searchVector"::text AS "searchVector", q."origin"::text, q."pipelineVersion", q."reviewStatus"::text, q."updatedBy"
      FROM "Quote" q
      LEFT JOIN "Entity" se ON se."id" = q."speakerEntityId"
      LEFT JOIN "Mention" sm ON sm."id" = q."speakerMentionId"
      LEFT JOIN "Entity" ve ON ve."id" = q."viaEntityId"
     WHERE q."articleId" = ${articleId}::uuid ORDER BY q."start", q."end"`;
  return { article, paragraphs, mentions, quotes };
}

/** Every entity with its aliases and gender, by key. */
async function storedEntities(prisma: PrismaClient) {
  return prisma.$queryRaw<object[]>`
    SELECT e."type"::text, e."normalizedName", e."canonicalName", e."gender"::text, e."genderSource"::text, e."version",
           (SELECT array_agg(a."alias" ORDER BY a."normalized", a."alias") FROM "EntityAlias" a WHERE a."entityId" = e."id") AS "aliases"
      FROM "Entity" e ORDER BY e."type", e."normalizedName"`;
}

/** Stores an article the way ingest did before the single statement: several statements in a transaction. */
async function ingestInStatements(store: Store, input: IngestInput): Promise<string> {
  const prepared = prepareArticle(input);
  const annotation = annotate(prepared.text, { layout: prepared.layout });
  const id = uuidv7();
  await store.transaction((repos) => writeInStatements(repos, id, prepared, hashText(prepared.text), annotation));
  return id;
}

const inputs: IngestInput[] = [
  { format: 'text', text: wireStory },
  { format: 'text', text: shortStory(1) },
  { format: 'text', text: variant(1) },
  {
    format: 'json',
    article: {
      headline: 'Quay reopens',
      body: '"We are relieved," said Ana Lopes, the harbour master.\n\nKCNA quoted Kim Jong Un as saying the talks were useful.',
      source: 'Example Wire',
      externalId: 'ew-7',
      url: 'https://example.com/ew-7',
      publishedAt: '2026-11-30T10:00:00Z',
      language: 'en',
    },
  },
];

for (const kind of storageKinds()) {
  t.test(`on ${kind} storage, an article stored by the single statement holds exactly the rows the statements of a transaction stored`, async (t) => {
    const one = await createTestDatabase(kind);
    const several = await createTestDatabase(kind);
    t.teardown(async () => {
      await one.destroy();
      await several.destroy();
    });
    const ingest = new IngestService(new Store(one.database));
    const severalStore = new Store(several.database);
    // Spied, not replaced: the single statement resolves entities itself and never calls it.
    const resolve = EntityRepository.prototype.resolve;
    let resolveCalls = 0;
    EntityRepository.prototype.resolve = function (...args) {
      resolveCalls++;
      return resolve.apply(this, args);
    };
    t.teardown(() => {
      EntityRepository.prototype.resolve = resolve;
    });
    for (const input of inputs) {
      const { article, created } = await ingest.ingest(input);
      t.ok(created);
      t.equal(resolveCalls, 0, 'stored by the single statement');
      const otherId = await ingestInStatements(severalStore, input);
      resolveCalls = 0;
      const [mine, theirs] = [await storedRows(one.database.prisma, article.id), await storedRows(several.database.prisma, otherId)];
      t.same(mine, theirs, `the same article, paragraphs, mentions and quotes (${article.headline})`);
      t.ok((mine.mentions as unknown[]).length > 0 || input.format === 'json');
      t.equal(article.counts.quotes, (mine.quotes as unknown[]).length, 'the answer counts the stored quotes');
    }
    t.same(await storedEntities(one.database.prisma), await storedEntities(several.database.prisma), 'the same entities, aliases and genders');
  });
}

t.test(
  'on postgres storage, concurrent ingests that create the same new entities store every article whole, as one by one',
  { skip: !storageKinds().includes('postgres') && 'TEST_STORAGE excludes postgres' },
  async (t) => {
    const concurrent = await createTestDatabase('postgres');
    const sequential = await createTestDatabase('postgres');
    t.teardown(async () => {
      await concurrent.destroy();
      await sequential.destroy();
    });
    const texts = [...Array.from({ length: 6 }, (_, n) => variant(n + 10)), ...Array.from({ length: 6 }, (_, n) => shortStory(n + 10))];
    const ingest = new IngestService(new Store(concurrent.database));
    const answers = await Promise.all(texts.map((text) => ingest.ingest({ format: 'text', text })));
    t.same(answers.map((answer) => answer.created), texts.map(() => true), 'every article stored');
    const one = new IngestService(new Store(sequential.database));
    for (const [index, text] of texts.entries()) {
      const { article } = await one.ingest({ format: 'text', text });
      t.same(
        await storedRows(concurrent.database.prisma, answers[index]!.article.id),
        await storedRows(sequential.database.prisma, article.id),
        `article ${index}: the same rows as stored alone`,
      );
    }
    const entityKeys = async (prisma: PrismaClient) =>
      (await prisma.$queryRaw<{ key: string }[]>`SELECT "type"::text || ':' || "normalizedName" AS "key" FROM "Entity" ORDER BY 1`).map((row) => row.key);
    t.same(await entityKeys(concurrent.database.prisma), await entityKeys(sequential.database.prisma), 'each entity once');
  },
);

t.test(
  'on postgres storage, an entity another transaction commits while the single statement waits on it sends the ingest through the statements of a transaction, which store the article whole',
  { skip: !storageKinds().includes('postgres') && 'TEST_STORAGE excludes postgres' },
  async (t) => {
    const raced = await createTestDatabase('postgres');
    const calm = await createTestDatabase('postgres');
    t.teardown(async () => {
      await raced.destroy();
      await calm.destroy();
    });
    const annotation = annotate(wireStory, { layout: 'auto' });
    const entity = annotation.entities.find((candidate) => candidate.type === 'PERSON')!;
    const key = { type: entity.type, canonicalName: entity.canonicalName, normalizedName: normalizeName(entity.canonicalName), aliases: [entity.canonicalName] };

    // The same entity, committed before the ingest: the single statement finds it.
    await new EntityRepository(calm.database.prisma).resolve([key]);
    const { article: calmArticle } = await new IngestService(new Store(calm.database)).ingest({ format: 'text', text: wireStory });

    const resolve = EntityRepository.prototype.resolve;
    let resolveCalls = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entityInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (entityInserted = resolve));
    // Another transaction inserts the entity and holds it uncommitted.
    const holder = raced.database.prisma.$transaction(async (tx) => {
      await new EntityRepository(tx).resolve([key]);
      entityInserted();
      await held;
    });
    await inserted;
    EntityRepository.prototype.resolve = function (...args) {
      resolveCalls++;
      return resolve.apply(this, args);
    };
    t.teardown(() => {
      EntityRepository.prototype.resolve = resolve;
    });
    // The statement's insert of that entity waits for the holder; the row it then skips is not in its snapshot.
    const ingesting = new IngestService(new Store(raced.database)).ingest({ format: 'text', text: wireStory });
    await new Promise((resolve) => setTimeout(resolve, 500));
    release();
    await holder;
    const { article, created } = await ingesting;
    t.ok(created, 'stored');
    t.equal(resolveCalls, 1, 'by the statements of a transaction, after the single statement stored nothing');
    t.same(await storedRows(raced.database.prisma, article.id), await storedRows(calm.database.prisma, calmArticle.id), 'the same rows as when the entity was there before');
    t.same(await storedEntities(raced.database.prisma), await storedEntities(calm.database.prisma), 'the same entities, aliases and genders');
    const counted = await raced.database.prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "Article"`;
    t.equal(counted[0]?.count, 1, 'the single statement left no article of its own');
  },
);
