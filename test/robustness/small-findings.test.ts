// Finding 13's smaller items and finding 16's 431: a weak If-Match never matches; export ids are
// built from the configured public base URL, never from the request's Host header; an entity
// cannot be renamed to blanks nor merged into one of another type; a URL over the header limit
// gets a problem+json 431.
import net from 'node:net';
import t from 'tap';
import { createTestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';
import { wireStory } from '../helpers/fixtures.js';

interface EntityBody { id: string; type: string; canonicalName: string }

for (const kind of storageKinds()) {
  t.test(`smaller findings (${kind})`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
    const id = created.json<{ id: string }>().id;
    const quote = (await api({ method: 'GET', url: `/v1/articles/${id}/quotes?limit=1` })).json<{ items: { id: string; version: number }[] }>().items[0]!;

    const weak = await api({ method: 'PATCH', url: `/v1/articles/${id}/quotes/${quote.id}`, headers: { 'if-match': `W/"${quote.version}"` }, payload: { reviewStatus: 'confirmed' } });
    t.equal(weak.statusCode, 412, 'a weak If-Match is a 412');
    const strong = await api({ method: 'PATCH', url: `/v1/articles/${id}/quotes/${quote.id}`, headers: { 'if-match': `"${quote.version}"` }, payload: { reviewStatus: 'confirmed' } });
    t.equal(strong.statusCode, 200, 'the strong one works');

    const hostile = { host: 'attacker.example', 'x-forwarded-host': 'attacker.example' };
    const ninjs = await api({ method: 'GET', url: `/v1/articles/${id}`, headers: { accept: 'application/vnd.iptc.ninjs+json', ...hostile } });
    t.equal(ninjs.statusCode, 200);
    t.notMatch(ninjs.body, /attacker\.example/, 'ninjs ids do not come from the Host header');
    t.match(ninjs.body, /http:\/\/localhost\/v1\//, 'they use the configured base URL');
    const ld = await api({ method: 'GET', url: `/v1/articles/${id}/annotations`, headers: { accept: 'application/ld+json', ...hostile } });
    t.equal(ld.statusCode, 200);
    t.notMatch(ld.body, /attacker\.example/, 'JSON-LD ids do not come from the Host header');

    const entities = (await api({ method: 'GET', url: `/v1/articles/${id}/entities?limit=100` })).json<{ items: EntityBody[] }>().items;
    const person = entities.find((e) => e.type === 'PERSON')!;
    const place = entities.find((e) => e.type === 'LOC')!;
    const etag = (await api({ method: 'GET', url: `/v1/entities/${person.id}` })).headers.etag as string;
    const blank = await api({ method: 'PATCH', url: `/v1/entities/${person.id}`, headers: { 'if-match': etag }, payload: { canonicalName: '   ' } });
    t.equal(blank.statusCode, 400, 'a rename to blanks is a 400');
    t.equal((await api({ method: 'GET', url: `/v1/entities/${person.id}` })).json<EntityBody>().canonicalName, person.canonicalName, 'the name is unchanged');
    const merge = await api({ method: 'POST', url: `/v1/entities/${place.id}/merge`, payload: { entityId: person.id } });
    t.equal(merge.statusCode, 422, 'merging a PERSON into a LOC is a 422');
    t.equal((await api({ method: 'GET', url: `/v1/entities/${person.id}` })).statusCode, 200, 'the person still exists');
  });
}

t.test('a URL over the header limit gets a problem+json 431', async (t) => {
  const { app } = await createTestApp(t, storageKinds()[0]!);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as net.AddressInfo;
  const answer = await new Promise<string>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(data));
    socket.end(`GET /v1/articles?q=${'a'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n\r\n`);
  });
  t.match(answer.split('\r\n')[0], /^HTTP\/1\.1 431/, 'status 431');
  t.match(answer, /content-type: application\/problem\+json/i, 'as problem+json');
  const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { type: string };
  t.equal(body.type, 'urn:news-annotations:problem:headers-too-large');
});
