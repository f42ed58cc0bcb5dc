// The fuzzer's PUT 500s (acceptance 2): a revision, or an editor's change, looked an entity up,
// and before it wrote a row naming it a merge deleted the entity and committed (the merge does not
// wait for the article: none of the article's rows named the entity yet), so the write broke the
// foreign key. Each race is made deterministic with two real transactions on Postgres: the change
// is held just before its write by a row lock that a third connection takes, and the merge runs
// meanwhile. Now the change holds the entities it names until it commits, so the merge waits for
// it; both answer 2xx and every mention names an entity that exists. A revision whose entity was
// merged away first names it anew. Embedded storage has one connection: no two transactions
// interleave there.
import pg from 'pg';
import t, { type Test } from 'tap';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';
import { sliceCodePoints, wireStory } from '../helpers/fixtures.js';

interface Mention { id: string; version: number; start: number; end: number; text: string }
interface EntityWithMentions { id: string; type: string; canonicalName: string; mentions: Mention[] }

async function ingest(app: TestApp, text: string): Promise<string> {
  const res = await app.api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: text });
  if (res.statusCode !== 201) throw new Error(`ingest answered ${res.statusCode}: ${res.body}`);
  return res.json<{ id: string }>().id;
}

const entitiesOf = async (app: TestApp, id: string) =>
  (await app.api({ method: 'GET', url: `/v1/articles/${id}/entities?limit=500` })).json<{ items: EntityWithMentions[] }>().items;

/** The one PERSON of a short article of its own: an entity with no mention in the wire story. */
async function personOf(app: TestApp, text: string): Promise<{ articleId: string; id: string }> {
  const articleId = await ingest(app, text);
  const person = (await entitiesOf(app, articleId)).find((e) => e.type === 'PERSON');
  if (!person) throw new Error(`no person found in ${text}`);
  return { articleId, id: person.id };
}

const harbour = 'Harbour reopens\n\n"We are relieved," said Maria Okonkwo, the harbour master, on Tuesday.';
const bridge = 'Bridge reopens\n\n"The road is open," said Tomas Berg, the mayor, on Wednesday.';

/** A connection of its own: it holds a row lock, or plays a merge, in a transaction of its own. */
async function connect(t: Test, app: TestApp): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: app.db.url });
  await client.connect();
  t.teardown(() => client.end());
  return client;
}

/** Backends of this database waiting for a row or transaction lock (the app's, not `watcher`'s). */
async function lockWaiters(watcher: pg.Client): Promise<number> {
  const { rows } = await watcher.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.n;
}

/** Waits (bounded) until `done()` holds; false when it never did. */
async function until(done: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** Every mention of the article names an entity that exists and slices the current text; no error was logged. */
async function checkReferences(t: Test, app: TestApp, articleId: string, watcher: pg.Client): Promise<void> {
  const errors = app.logs.filter((line) => line.level >= 50).map((line) => (line.err as { message?: string } | undefined)?.message?.split('\n').filter(Boolean).at(-1) ?? line.msg);
  t.same(errors, [], 'the service logged no error');
  const { rows } = await watcher.query(
    `SELECT m.id FROM "Mention" m LEFT JOIN "Entity" e ON e.id = m."entityId" WHERE m."articleId" = $1 AND e.id IS NULL`,
    [articleId],
  );
  t.same(rows, [], 'every mention names an entity that exists');
  const article = (await app.api({ method: 'GET', url: `/v1/articles/${articleId}` })).json<{ text: string }>();
  const mentions = (await entitiesOf(app, articleId)).flatMap((e) => e.mentions);
  t.same(mentions.filter((m) => sliceCodePoints(article.text, m.start, m.end) !== m.text).map((m) => m.text), [], 'every mention slices the current text');
}

for (const kind of storageKinds()) {
  if (kind !== 'postgres') {
    t.test('entity reference races (embedded)', { skip: 'one connection: two transactions never interleave on embedded storage' }, () => {});
    continue;
  }

  t.test('a revision holding an entity makes a merge that deletes it wait, and both succeed', async (t) => {
    const app = await createTestApp(t, kind);
    const id = await ingest(app, wireStory);
    const maria = await personOf(app, harbour);
    const tomas = await personOf(app, bridge);
    const entities = await entitiesOf(app, id);
    const first = entities.flatMap((e) => e.mentions.map((m) => ({ ...m, entityId: e.id }))).sort((a, b) => a.start - b.start)[0]!;
    // A person all of whose mentions the revision reaches after the text's first mention.
    const person = entities.find((e) => e.type === 'PERSON' && e.id !== first.entityId && e.mentions.every((m) => m.start > first.start))!;
    t.ok(person, 'the article names a person after its first mention');
    // The person merged into Maria, then named again by another copy of the story: an entity of
    // that name (with the aliases the revision finds, so it writes none) that none of the
    // article's rows names, which the revision finds by the name.
    t.equal((await app.api({ method: 'POST', url: `/v1/entities/${maria.id}/merge`, payload: { entityId: person.id } })).statusCode, 200, 'a first merge');
    const copy = await ingest(app, `${wireStory}\n\nThe summit ended on Friday.`);
    const again = (await entitiesOf(app, copy)).find((e) => e.type === 'PERSON' && e.canonicalName === person.canonicalName)?.id;
    t.ok(again, 'the name is an entity again');

    const lockHolder = await connect(t, app);
    const watcher = await connect(t, app);
    await lockHolder.query('BEGIN');
    await lockHolder.query(`SELECT 1 FROM "Mention" WHERE id = $1 FOR UPDATE`, [first.id]);
    const etag = (await app.api({ method: 'GET', url: `/v1/articles/${id}` })).headers.etag as string;
    const put = app.api({ method: 'PUT', url: `/v1/articles/${id}`, headers: { 'content-type': 'text/plain', 'if-match': etag }, payload: `${wireStory}\n\nThe talks ended on Friday.` });
    t.ok(await until(async () => (await lockWaiters(watcher)) >= 1), 'the revision resolved its entities and waits for the held mention');
    let mergeAnswered = false;
    const merge = app.api({ method: 'POST', url: `/v1/entities/${tomas.id}/merge`, payload: { entityId: again! } }).finally(() => {
      mergeAnswered = true;
    });
    // Either the merge is done (it did not wait for the revision) or it waits.
    t.ok(await until(async () => mergeAnswered || (await lockWaiters(watcher)) >= 2), 'the merge ran or waits');
    await lockHolder.query('ROLLBACK');
    const [putAnswer, mergeAnswer] = await Promise.all([put, merge]);
    t.equal(putAnswer.statusCode, 200, `the revision answers 200 (${putAnswer.statusCode}: ${putAnswer.body.slice(0, 300)})`);
    t.equal(mergeAnswer.statusCode, 200, `the merge answers 200 (${mergeAnswer.statusCode})`);
    await checkReferences(t, app, id, watcher);
    const after = await entitiesOf(app, id);
    t.notOk(after.some((e) => e.id === again), 'the merged entity is gone from the article');
    t.ok(after.find((e) => e.id === tomas.id)?.mentions.some((m) => m.text === person.mentions[0]!.text), "the revision's mentions of the name moved with the merge that waited");
  });

  // Here the revision waits for the merge (its look-up of the entity does); once the merge commits,
  // the entity is gone and the revision makes it again by its name.
  t.test('a revision whose entity a merge deletes while it waits names the entity anew', async (t) => {
    const app = await createTestApp(t, kind);
    const id = await ingest(app, wireStory);
    const { id: target } = await personOf(app, harbour);
    const person = (await entitiesOf(app, id)).find((e) => e.type === 'PERSON' && e.mentions.length > 0)!;
    const merge = await connect(t, app);
    const watcher = await connect(t, app);
    // The merge's first step, as EntityService.merge takes it: the rows locked.
    await merge.query('BEGIN');
    await merge.query(`SELECT id FROM "Entity" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[person.id, target]]);
    // The revision names the person once more, so it writes a new row naming the entity.
    const etag = (await app.api({ method: 'GET', url: `/v1/articles/${id}` })).headers.etag as string;
    const revised = `${wireStory}\n\n"We will talk again," ${person.canonicalName} said on Saturday.`;
    const put = app.api({ method: 'PUT', url: `/v1/articles/${id}`, headers: { 'content-type': 'text/plain', 'if-match': etag }, payload: revised });
    t.ok(await until(async () => (await lockWaiters(watcher)) >= 1), 'the revision waits for the entity the merge holds');
    // The rest of the merge: the person's rows move to the target and the person is deleted.
    await merge.query(`UPDATE "Mention" SET "entityId" = $2 WHERE "entityId" = $1`, [person.id, target]);
    await merge.query(`UPDATE "Quote" SET "speakerEntityId" = $2 WHERE "speakerEntityId" = $1`, [person.id, target]);
    await merge.query(`UPDATE "Quote" SET "viaEntityId" = $2 WHERE "viaEntityId" = $1`, [person.id, target]);
    await merge.query(`DELETE FROM "Entity" WHERE id = $1`, [person.id]);
    await merge.query('COMMIT');
    const answer = await put;
    t.equal(answer.statusCode, 200, `the revision answers 200 (${answer.statusCode}: ${answer.body.slice(0, 200)})`);
    await checkReferences(t, app, id, watcher);
    const named = (await entitiesOf(app, id)).find((e) => e.type === 'PERSON' && e.canonicalName === person.canonicalName);
    t.ok(named && named.id !== person.id, 'the revision names the person as a new entity, as an ingest after the merge would');
  });

  t.test("an editor's change naming an entity makes a merge that deletes it wait, and both succeed", async (t) => {
    const app = await createTestApp(t, kind);
    const id = await ingest(app, wireStory);
    const maria = await personOf(app, harbour);
    const tomas = await personOf(app, bridge);
    const mention = (await entitiesOf(app, id))[0]!.mentions[0]!;
    const lockHolder = await connect(t, app);
    const watcher = await connect(t, app);
    // The change is held where it writes the mention: after it checked that Maria's entity exists.
    await lockHolder.query('BEGIN');
    await lockHolder.query(`SELECT 1 FROM "Mention" WHERE id = $1 FOR UPDATE`, [mention.id]);
    const patch = app.api({ method: 'PATCH', url: `/v1/articles/${id}/mentions/${mention.id}`, headers: { 'if-match': `"${mention.version}"` }, payload: { entityId: maria.id } });
    t.ok(await until(async () => (await lockWaiters(watcher)) >= 1), 'the change waits for the held mention');
    let mergeAnswered = false;
    const merge = app.api({ method: 'POST', url: `/v1/entities/${tomas.id}/merge`, payload: { entityId: maria.id } }).finally(() => {
      mergeAnswered = true;
    });
    t.ok(await until(async () => mergeAnswered || (await lockWaiters(watcher)) >= 2), 'the merge ran or waits');
    await lockHolder.query('ROLLBACK');
    const [patchAnswer, mergeAnswer] = await Promise.all([patch, merge]);
    t.equal(patchAnswer.statusCode, 200, `the change answers 200 (${patchAnswer.statusCode}: ${patchAnswer.body.slice(0, 300)})`);
    t.equal(mergeAnswer.statusCode, 200, `the merge answers 200 (${mergeAnswer.statusCode})`);
    await checkReferences(t, app, id, watcher);
    const moved = (await app.api({ method: 'GET', url: `/v1/articles/${id}/mentions/${mention.id}` })).json<{ entityId: string }>();
    t.equal(moved.entityId, tomas.id, 'the changed mention names the merge target: the merge waited for the change');
  });
}
