import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';
import { sliceCodePoints, wireStory } from './helpers/fixtures.js';
import { validNinjs31 as validateNinjs } from './helpers/ninjs-schema.js';


const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

interface Selector {
  type: string;
  start?: number;
  end?: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
}
interface WebAnnotation {
  id: string;
  type: string;
  motivation: string;
  body: { type: string; purpose: string; source?: string; value?: string }[];
  target: { source: string; selector: Selector[] };
}

for (const kind of storageKinds()) {
  t.test(`exports on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
    const { id, counts } = created.json<{ id: string; counts: { quotes: number; mentions: number } }>();

    t.test('the W3C export is a Web Annotation collection whose selectors slice the right text', async (t) => {
      const res = await api({ method: 'GET', url: `/v1/articles/${id}/annotations`, headers: { accept: ANNO } });
      t.equal(res.statusCode, 200);
      t.match(res.headers['content-type'], /^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/);
      const collection = res.json<{
        '@context': string;
        type: string;
        total: number;
        first: { type: string; items: WebAnnotation[]; next?: string; partOf: string };
        last: string;
      }>();
      t.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
      t.equal(collection.type, 'AnnotationCollection');
      t.equal(collection.total, counts.quotes + counts.mentions);
      t.equal(collection.first.type, 'AnnotationPage');

      const items: WebAnnotation[] = [...collection.first.items];
      let next = collection.first.next;
      while (next) {
        const page = await api({ method: 'GET', url: new URL(next).pathname + new URL(next).search, headers: { accept: ANNO } });
        const body = page.json<{ type: string; items: WebAnnotation[]; next?: string; '@context': string }>();
        t.equal(body.type, 'AnnotationPage');
        t.equal(body['@context'], 'http://www.w3.org/ns/anno.jsonld', 'a page alone carries the context');
        items.push(...body.items);
        next = body.next;
      }
      t.equal(items.length, collection.total, 'the pages hold every annotation');
      for (const annotation of items) {
        t.equal(annotation.type, 'Annotation');
        t.ok(annotation.motivation);
        t.match(annotation.target.source, new RegExp(`/v1/articles/${id}$`));
        const position = annotation.target.selector.find((s) => s.type === 'TextPositionSelector')!;
        const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
        t.equal(sliceCodePoints(wireStory, position.start!, position.end!), quote.exact, `${annotation.id} position and quote agree`);
        t.ok(wireStory.includes(`${quote.prefix}${quote.exact}${quote.suffix}`), 'prefix and suffix surround the exact text');
      }
      const identifying = items.filter((a) => a.motivation === 'identifying');
      t.ok(identifying.every((a) => a.body.some((b) => b.purpose === 'identifying' && b.source?.includes('/v1/entities/'))));
    });

    t.test('plain JSON is offered too, and an unacceptable type is a 406', async (t) => {
      const json = await api({ method: 'GET', url: `/v1/articles/${id}/annotations`, headers: { accept: 'application/json' } });
      t.match(json.headers['content-type'], /^application\/json/);
      const refused = await api({ method: 'GET', url: `/v1/articles/${id}/annotations`, headers: { accept: 'text/html' } });
      t.equal(refused.statusCode, 406);
      t.match(refused.headers['content-type'], /application\/problem\+json/);
    });

    t.test('the ninjs export validates against the ninjs 3.1 schema and names the entities', async (t) => {
      const res = await api({ method: 'GET', url: `/v1/articles/${id}`, headers: { accept: 'application/vnd.iptc.ninjs+json' } });
      t.equal(res.statusCode, 200);
      t.match(res.headers['content-type'], /^application\/vnd\.iptc\.ninjs\+json/);
      const document = res.json<{
        headlines: { value: string }[];
        located: string;
        people: { name: string }[];
        organisations: { name: string }[];
        places: { name: string }[];
        subjects: unknown[];
        bodies: { value: string }[];
      }>();
      t.ok(validateNinjs(document), JSON.stringify(validateNinjs.errors));
      t.equal(document.headlines[0]?.value, "N.Korea's Kim to Putin: US acted in 'bad faith' at Hanoi talks");
      t.equal(document.located, 'VLADIVOSTOK');
      t.ok(document.people.some((p) => p.name === 'Vladimir Putin'));
      t.ok(document.organisations.length > 0);
      t.ok(document.places.some((p) => p.name === 'Pyongyang'));
      t.ok(document.subjects.length >= document.people.length);
      t.match(document.bodies[0]?.value, /^Kim Jong Un accused/);
      t.not(res.headers.etag, (await api({ method: 'GET', url: `/v1/articles/${id}` })).headers.etag, 'each representation has its own ETag');
    });
  });
}

t.test('across articles: an entity\'s quotes and quote search', async (t) => {
  const { api } = await createTestApp(t, 'postgres');
  const post = async (payload: Record<string, unknown>) =>
    t.equal((await api({ method: 'POST', url: '/v1/articles', payload })).statusCode, 201, `stored "${String(payload.headline)}"`);
  const fixture = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
  t.equal(fixture.statusCode, 201, 'the wire story is stored');
  await post({
    headline: 'Putin and Macron speak by phone',
    body: 'Russian President Vladimir Putin spoke with French President Emmanuel Macron on Monday.\n\n"We discussed the grain corridor in detail," Putin said after the call.\n\nMacron said the talks were "frank and useful".',
  });
  await post({
    headline: 'Harbour strike ends',
    body: 'Dock workers in Rotterdam returned to work on Tuesday.\n\n"The agreement is fair," said Marit de Vries, a union spokeswoman.',
  });

  const search = await api({ method: 'GET', url: '/v1/entities?q=vladimir%20putin&type=PERSON' });
  const putin = search.json<{ items: { id: string; canonicalName: string }[] }>().items[0];
  t.equal(putin?.canonicalName, 'Vladimir Putin', 'found by name');
  const fuzzy = await api({ method: 'GET', url: '/v1/entities?q=vladimir%20puttin' });
  t.equal(fuzzy.json<{ items: { id: string }[] }>().items[0]?.id, putin?.id, 'found with a typo');
  const prefix = await api({ method: 'GET', url: '/v1/entities?q=vlad' });
  t.ok(prefix.json<{ items: { id: string }[] }>().items.some((e) => e.id === putin?.id), 'found by prefix');

  const detail = await api({ method: 'GET', url: `/v1/entities/${putin!.id}` });
  t.equal(detail.json<{ counts: { articles: number } }>().counts.articles, 2);

  const quotes = await api({ method: 'GET', url: `/v1/entities/${putin!.id}/quotes` });
  const items = quotes.json<{ items: { text: string; speaker: { id: string } }[] }>().items;
  t.ok(items.length >= 4, 'his quotes from both articles');
  t.ok(items.every((q) => q.speaker.id === putin!.id), 'only his');
  t.ok(items.some((q) => q.text.includes('grain corridor')));
  t.ok(items.some((q) => q.text.includes('sovereignty')));
  t.match(items[0]?.text, /grain corridor/, 'newest first');

  const found = await api({ method: 'GET', url: '/v1/quotes?q=sovereignty' });
  const hits = found.json<{ items: { text: string }[] }>().items;
  t.equal(hits.length, 1);
  t.match(hits[0]?.text, /sovereignty/);

  const articles = await api({ method: 'GET', url: `/v1/articles?entity=${putin!.id}` });
  t.equal(articles.json<{ items: unknown[] }>().items.length, 2);
  const borscht = await api({ method: 'GET', url: '/v1/articles?q=borscht' });
  t.equal(borscht.json<{ items: { headline: string }[] }>().items.length, 1);
});
