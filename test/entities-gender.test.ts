import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { normalizeName, type EntityKey } from '../src/repositories/entity-repository.js';
import { Store } from '../src/repositories/store.js';
import { createTestApp } from './helpers/app.js';
import { createTestDatabase, storageKinds } from './helpers/database.js';

// How a person's gender estimate is settled across articles: an editor's value is never touched;
// the first estimate is taken; a different one later makes it `unknown`, which stays.

const person = (name: string, gender: EntityKey['gender']): EntityKey => ({
  type: 'PERSON',
  canonicalName: name,
  normalizedName: normalizeName(name),
  aliases: [name],
  gender,
});

for (const kind of storageKinds()) {
  t.test(`gender estimates on ${kind} storage`, async (t) => {
    const db = await createTestDatabase(kind);
    t.teardown(() => db.destroy());
    const store = new Store(db.database);
    const resolve = async (...keys: EntityKey[]) => store.transaction((repos) => repos.entities.resolve(keys));
    const idOf = async (key: EntityKey) => [...(await resolve(key)).values()][0]!;
    const stored = async (id: string) => {
      const row = await store.repositories.entities.findById(id);
      return { gender: row?.gender ?? null, genderSource: row?.genderSource ?? null, version: row?.version };
    };

    t.test('the first estimate is stored; the same again changes nothing', async (t) => {
      const ids = await resolve(person('Ines Varga', 'female'));
      const id = [...ids.values()][0]!;
      t.same(await stored(id), { gender: 'female', genderSource: 'estimated', version: 1 });
      await resolve(person('Ines Varga', 'female'));
      t.same(await stored(id), { gender: 'female', genderSource: 'estimated', version: 1 }, 'no new version either');
      await resolve(person('Ines Varga', 'unknown'), person('Ines Varga', null));
      t.same((await stored(id)).gender, 'female', 'no estimate is no evidence');
    });

    t.test('a person first seen without an estimate takes the first one that comes', async (t) => {
      const id = await idOf(person('Tomas Berg', null));
      t.same(await stored(id), { gender: null, genderSource: null, version: 1 });
      await resolve(person('Tomas Berg', 'male'));
      t.same(await stored(id), { gender: 'male', genderSource: 'estimated', version: 2 }, 'a changed gender is a new version');
    });

    t.test('articles that disagree leave it unknown, whatever comes later', async (t) => {
      const id = await idOf(person('Alex Morrow', 'male'));
      await resolve(person('Alex Morrow', 'male'));
      await resolve(person('Alex Morrow', 'female'));
      t.same((await stored(id)).gender, 'unknown');
      await resolve(person('Alex Morrow', 'male'));
      await resolve(person('Alex Morrow', 'female'));
      t.same(await stored(id), { gender: 'unknown', genderSource: 'estimated', version: 2 }, 'it stays unknown');
    });

    t.test("an editor's value is never overridden by an estimate", async (t) => {
      const id = await idOf(person('Sam Okafor', 'male'));
      const { version } = await stored(id);
      t.ok(await store.transaction((repos) => repos.entities.setGender(id, version!, 'nonbinary')));
      await resolve(person('Sam Okafor', 'female'));
      await resolve(person('Sam Okafor', 'male'));
      t.same(await stored(id), { gender: 'nonbinary', genderSource: 'editor', version: version! + 1 });
      t.notOk(await store.transaction((repos) => repos.entities.setGender(id, version!, 'female')), 'a stale version changes nothing');
    });

    t.test('only people get a gender', async (t) => {
      const ids = await resolve({ type: 'ORG', canonicalName: 'Harbour Trust', normalizedName: 'harbour trust', aliases: [], gender: 'female' });
      t.same(await stored([...ids.values()][0]!), { gender: null, genderSource: null, version: 1 });
    });

    t.test('two ingests at once with different estimates settle on unknown, in either order', async (t) => {
      const existing = await idOf(person('Noor Haddad', null));
      // The first transaction holds its change while the second one tries to make its own.
      const first = store.transaction(async (repos) => {
        await repos.entities.resolve([person('Noor Haddad', 'female'), person('Lena Fisk', 'female')]);
        await sleep(300);
      });
      await sleep(100);
      const second = store.transaction((repos) => repos.entities.resolve([person('Noor Haddad', 'male'), person('Lena Fisk', 'male')]));
      await Promise.all([first, second]);
      t.same((await stored(existing)).gender, 'unknown', 'an existing person');
      const [lena] = (await resolve(person('Lena Fisk', null))).values();
      t.same((await stored(lena!)).gender, 'unknown', 'a person both inserted at once');
    });

    t.test('a merge settles the two genders the same way, an editor winning', async (t) => {
      const merge = (target: string, source: string) => store.transaction((repos) => repos.entities.merge(target, source, 'x'));
      const a = await idOf(person('Rita Lund', 'female'));
      const b = await idOf(person('R. Lund', 'male'));
      await merge(a, b);
      t.same((await stored(a)).gender, 'unknown', 'two estimates that disagree');
      const c = await idOf(person('Jo Park', null));
      const d = await idOf(person('J. Park', 'male'));
      await merge(c, d);
      t.same([(await stored(c)).gender, (await stored(c)).genderSource], ['male', 'estimated'], 'an estimate fills none');
      const e = await idOf(person('Kai Moss', 'male'));
      const f = await idOf(person('K. Moss', null));
      await store.transaction((repos) => repos.entities.setGender(f, 1, 'female'));
      await merge(e, f);
      t.same([(await stored(e)).gender, (await stored(e)).genderSource], ['female', 'editor'], "the merged entity's editor value wins");
    });
  });

  t.test(`gender through the API on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);

    t.test("an ingested article's estimates are stored, for people only", async (t) => {
      const res = await api({
        method: 'POST',
        url: '/v1/articles',
        payload: {
          headline: 'Library extends opening hours',
          body: 'The town library will open on Sundays, its director Margaret Ellison said.\n\nEllison said she had asked for the change. She added that volunteers would help.\n\n"Readers asked for it," said Daniel Okoro, a councillor. He said the cost was small.',
        },
      });
      const entities = (await api({ method: 'GET', url: `/v1/articles/${res.json<{ id: string }>().id}/entities` })).json<{
        items: { canonicalName: string; type: string; gender: string | null; genderSource: string | null }[];
      }>().items;
      const person = (name: string) => entities.find((e) => e.canonicalName === name);
      t.same([person('Margaret Ellison')?.gender, person('Margaret Ellison')?.genderSource], ['female', 'estimated']);
      t.same([person('Daniel Okoro')?.gender, person('Daniel Okoro')?.genderSource], ['male', 'estimated']);
      t.ok(entities.filter((e) => e.type !== 'PERSON').every((e) => e.gender === null && e.genderSource === null), 'no gender for the rest');
    });

    const created = await api({ method: 'POST', url: '/v1/articles', payload: { headline: 'Pier reopens', body: 'The pier reopened on Monday after repairs.' } });
    t.equal(created.statusCode, 201, created.body.slice(0, 300));
    const articleId = created.json<{ id: string }>().id;
    const addMention = async (words: string, type: string) => {
      const text = created.json<{ text: string }>().text;
      const start = text.indexOf(words);
      const res = await api({ method: 'POST', url: `/v1/articles/${articleId}/mentions`, payload: { start, end: start + words.length, entity: { type, name: words } } });
      return res.json<{ entityId: string }>().entityId;
    };
    const pier = await addMention('pier', 'FAC');
    const entity = await api({ method: 'GET', url: `/v1/entities/${pier}` });
    t.same([entity.json<{ gender: unknown }>().gender, entity.json<{ genderSource: unknown }>().genderSource], [null, null], 'a facility has no gender');

    const renameAndGender = await api({
      method: 'PATCH',
      url: `/v1/entities/${pier}`,
      payload: { canonicalName: 'Ellery Pier' },
      headers: { 'if-match': entity.headers.etag as string },
    });
    t.equal(renameAndGender.statusCode, 200, 'renaming still works without gender');
    t.equal(renameAndGender.json<{ canonicalName: string }>().canonicalName, 'Ellery Pier');

    // A person named in this article: rename and set the gender in one change, two events.
    const personId = await addMention('Monday', 'PERSON');
    const read = await api({ method: 'GET', url: `/v1/entities/${personId}` });
    const both = await api({
      method: 'PATCH',
      url: `/v1/entities/${personId}`,
      payload: { canonicalName: 'Monday Adeyemi', gender: 'male' },
      headers: { 'if-match': read.headers.etag as string },
    });
    t.equal(both.statusCode, 200);
    t.same(
      [both.json<{ canonicalName: string }>().canonicalName, both.json<{ gender: string }>().gender, both.json<{ genderSource: string }>().genderSource],
      ['Monday Adeyemi', 'male', 'editor'],
    );
    const history = (await api({ method: 'GET', url: `/v1/articles/${articleId}/history` })).json<{ items: { targetId: string; action: string }[] }>().items;
    t.same(history.filter((e) => e.targetId === personId).map((e) => e.action), ['rename', 'set-gender']);
    const stale = await api({ method: 'PATCH', url: `/v1/entities/${personId}`, payload: { gender: 'female' }, headers: { 'if-match': read.headers.etag as string } });
    t.equal(stale.statusCode, 412, 'the old ETag is stale');
  });
}
