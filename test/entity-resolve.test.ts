import t from 'tap';
import { EntityRepository } from '../src/repositories/entity-repository.js';
import { createTestDatabase, storageKinds } from './helpers/database.js';

const key = (canonicalName: string, aliases: string[] = [canonicalName]) => ({
  type: 'PERSON' as const,
  canonicalName,
  normalizedName: canonicalName.toLowerCase(),
  aliases,
});

for (const kind of storageKinds()) {
  t.test(`on ${kind} storage, resolving entities creates the missing ones and finds the others, with their aliases`, async (t) => {
    const db = await createTestDatabase(kind);
    t.teardown(() => db.destroy());
    const { prisma } = db.database;
    const entities = new EntityRepository(prisma);
    const first = await entities.resolve([key('Ana Lopes', ['Ana Lopes', 'Lopes']), key('Ben Okafor')]);
    const second = await entities.resolve([key('Ben Okafor', ['Okafor']), key('Ana Lopes', ['Mayor Lopes', 'Lopes'])]);
    t.equal(second.get('PERSON\u0000ana lopes'), first.get('PERSON\u0000ana lopes'), 'an existing entity keeps its id');
    t.equal(second.get('PERSON\u0000ben okafor'), first.get('PERSON\u0000ben okafor'));
    t.equal(await prisma.entity.count(), 2);
    const aliases = await prisma.entityAlias.findMany({ where: { entityId: first.get('PERSON\u0000ana lopes')! }, orderBy: { normalized: 'asc' } });
    t.same(aliases.map((row) => row.alias), ['Ana Lopes', 'Lopes', 'Mayor Lopes'], 'new aliases are added, known ones once');
  });
}

t.test(
  'an entity another transaction commits while this resolve waits on it is still found, with its aliases',
  { skip: !storageKinds().includes('postgres') && 'TEST_STORAGE excludes postgres' },
  async (t) => {
    const db = await createTestDatabase('postgres');
    t.teardown(() => db.destroy());
    const { prisma } = db.database;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    // The first transaction inserts the entity and holds it uncommitted.
    const firstTx = prisma.$transaction(async (tx) => {
      const ids = await new EntityRepository(tx).resolve([key('Chen Wei')]);
      firstInserted();
      await held;
      return ids;
    });
    await inserted;
    // The second one's insert waits on the first; the row it then skips is not in its snapshot.
    const secondTx = prisma.$transaction((tx) => new EntityRepository(tx).resolve([key('Chen Wei', ['Chen Wei', 'Wei'])]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    const [first, second] = await Promise.all([firstTx, secondTx]);
    t.ok(second.get('PERSON\u0000chen wei'), 'the second transaction has an id');
    t.equal(second.get('PERSON\u0000chen wei'), first.get('PERSON\u0000chen wei'), 'the same entity');
    t.equal(await prisma.entity.count(), 1);
    const aliases = await prisma.entityAlias.findMany({ orderBy: { normalized: 'asc' } });
    t.same(aliases.map((row) => row.alias), ['Chen Wei', 'Wei'], "the second transaction's alias is recorded");
  },
);
