// The JSON forms the spec documents for generated SDKs take the same articles as the other media
// types: wire text as {"text"} on POST /articles, and {"articles": [...]} on the NDJSON imports.
import t from 'tap';
import { createTestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';
import { wireStory } from '../helpers/fixtures.js';

const harbour = { headline: 'Harbour reopens', body: '"We are relieved," said the harbour master.' };
const strike = { headline: 'Port strike ends', body: 'Dock workers returned on Monday, the union said.', source: 'Example Wire', externalId: 'ew-9' };

for (const kind of storageKinds()) {
  t.test(`JSON forms (${kind})`, async (t) => {
    const { api } = await createTestApp(t, kind);

    const asJson = await api({ method: 'POST', url: '/v1/articles', payload: { text: wireStory } });
    t.equal(asJson.statusCode, 201, 'wire text as {"text"} is stored');
    const asText = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
    t.equal(asText.statusCode, 200, 'and is the same article as the text/plain one');
    t.equal(asText.json<{ id: string }>().id, asJson.json<{ id: string }>().id);
    const both = await api({ method: 'POST', url: '/v1/articles', payload: { text: wireStory, headline: 'x' } });
    t.equal(both.statusCode, 400, 'text and headline together are refused');
    type Problem = { errors: Array<{ pointer: string; message: string }> };
    t.same(
      both.json<Problem>().errors.map((issue) => issue.message),
      ["unknown property 'headline'"],
      'naming what does not belong to the form it came closest to',
    );
    const empty = await api({ method: 'POST', url: '/v1/articles', payload: { text: '' } });
    t.same(empty.json<Problem>().errors.map((issue) => issue.pointer), ['/text'], 'an empty text is named as such');
    const unknown = await api({ method: 'POST', url: '/v1/articles', payload: { headline: 'H', body: 'B', colour: 'red' } });
    t.same(unknown.json<Problem>().errors.map((issue) => issue.pointer), ['/colour'], 'one error per failing field, not one per form');
    const blank = await api({ method: 'POST', url: '/v1/articles', payload: { text: '  \n ' } });
    t.equal(blank.statusCode, 422, 'blank text is refused as it is in text/plain');

    const ndjson = await api({
      method: 'POST',
      url: '/v1/articles:batch',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: [harbour, strike].map((line) => JSON.stringify(line)).join('\n'),
    });
    t.equal(ndjson.statusCode, 200);
    const json = await api({ method: 'POST', url: '/v1/articles:batch', payload: { articles: [harbour, strike, { ...strike, body: 'Other text.' }] } });
    t.equal(json.statusCode, 200, 'a batch in its JSON form');
    t.same(
      json.json<{ items: Array<{ status: string }> }>().items.map((item) => item.status),
      ['existing', 'existing', 'failed'],
      'is ingested line by line like the NDJSON one',
    );
    const malformed = await api({ method: 'POST', url: '/v1/articles:batch', payload: { articles: [harbour, { headline: 'No body' }] } });
    t.equal(malformed.statusCode, 400, 'a malformed article in the JSON form is a 400');
    t.match(malformed.json<{ detail: string }>().detail, /\/articles\/1/, 'that names it');
    t.equal((await api({ method: 'POST', url: '/v1/articles:batch', payload: { articles: [] } })).statusCode, 400, 'an empty list is refused');
    const huge = await api({
      method: 'POST',
      url: '/v1/articles:batch',
      payload: { articles: [{ headline: 'Big', body: 'x'.repeat(17 * 1024 * 1024) }] },
    });
    t.equal(huge.statusCode, 413, 'the JSON form is parsed whole, so it is bounded at 16 MiB');
    const text = await api({ method: 'POST', url: '/v1/articles:batch', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    t.equal(text.statusCode, 415, 'other media types are refused');

    const job = await api({ method: 'POST', url: '/v1/ingest-jobs', payload: { articles: [harbour, { headline: 'Summit traffic eases', body: 'The roads are open again.' }] } });
    t.equal(job.statusCode, 202, 'an ingest job in its JSON form is queued');
    t.equal(job.json<{ counts: { total: number } }>().counts.total, 2, 'with a line per article');
  });
}
