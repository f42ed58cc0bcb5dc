import type { LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';
import { sliceCodePoints } from './helpers/fixtures.js';
import { validNinjs31 } from './helpers/ninjs-schema.js';

// Reported speech through storage, the API and the exports: direct, mixed and indirect
// attributions are one kind of record, with a source that is an entity or unnamed words.

interface SpanBody {
  start: number;
  end: number;
  text: string;
}
interface QuoteBody extends SpanBody {
  id: string;
  version: number;
  kind: 'direct' | 'mixed' | 'indirect';
  speaker: { id: string; canonicalName: string } | null;
  unnamedSource: SpanBody | null;
  via: { id: string } | null;
  unnamedVia: SpanBody | null;
  cue: SpanBody | null;
  attribution: { rule: string };
  provenance: { origin: string; reviewStatus: string };
}
interface EventBody {
  id: string;
  targetType: string;
  targetId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
interface ArticleEntityBody {
  id: string;
  type: string;
  canonicalName: string;
  gender: string | null;
  genderSource: string | null;
}

const headline = 'Island council backs winter ferry subsidy';
const body = [
  'The council of Port Ellery voted on Thursday to pay for a winter ferry service to the outer islands, a week before the Ellery Winter Regatta.',
  '"This keeps our islands connected through the dark months," said Mara Quintal, who chairs the transport committee.',
  'Quintal said the subsidy would cost far less than a new bridge.',
  'Officials said the first subsidised sailings of the MV Northern Star would leave in December.',
  'The ferry operator called the vote "a lifeline for families" in a statement.',
  '\u{1F6A2} According to the council\'s report, passenger numbers fell by a third last winter, and Portuguese crews may be hired under the Coastal Shipping Act.',
  'Local radio quoted the harbour master as saying he would retire in spring.',
].join('\n\n');

/** Code-point offsets of the `occurrence`-th `needle` in `text`. */
function spanOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" is not in the text`);
  }
  const start = Array.from(text.slice(0, index)).length;
  return { start, end: start + Array.from(needle).length };
}

const isProblem = (t: Test, res: LightMyRequestResponse, message: string) => {
  t.ok(res.statusCode >= 400 && res.statusCode < 500, `${message}: a 4xx (got ${res.statusCode})`);
  t.match(String(res.headers['content-type']), /^application\/problem\+json/, `${message}: problem+json`);
  t.match(res.json<{ type: string }>().type, /^urn:news-annotations:problem:/, `${message}: a stable problem type`);
};

for (const kind of storageKinds()) {
  t.test(`reported speech on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const created = await api({ method: 'POST', url: '/v1/articles', payload: { headline, body, source: 'Harbour Wire', externalId: 'hw-1' } });
    t.equal(created.statusCode, 201);
    const article = created.json<{ id: string; text: string }>();
    const text = article.text;
    const base = `/v1/articles/${article.id}`;
    const listQuotes = async (query = '') => {
      const res = await api({ method: 'GET', url: `${base}/quotes?limit=500${query}` });
      t.equal(res.statusCode, 200, `GET quotes${query}`);
      return res.json<{ items: QuoteBody[] }>().items;
    };
    const history = async () => (await api({ method: 'GET', url: `${base}/history?limit=500` })).json<{ items: EventBody[] }>().items;
    const etagOf = async (url: string) => (await api({ method: 'GET', url })).headers.etag as string;

    // The machine's quotes at ingest, whatever the pipeline finds today.
    const machine = await listQuotes();
    t.comment(`the pipeline found ${machine.length} attributions: ${machine.map((q) => `${q.kind} "${q.text.slice(0, 40)}"`).join('; ')}`);

    // Entities: the speaker as the pipeline names her, or made by an editor's mention.
    const mention = async (words: string, type: string, name: string) => {
      const res = await api({ method: 'POST', url: `${base}/mentions`, payload: { ...spanOf(text, words), entity: { type, name } } });
      t.ok([200, 201].includes(res.statusCode), `mention of ${name} stored (${res.statusCode})`);
      return res.json<{ entityId: string }>().entityId;
    };
    const quintal = await mention('Mara Quintal', 'PERSON', 'Mara Quintal');
    const regatta = await mention('Ellery Winter Regatta', 'EVENT', 'Ellery Winter Regatta');
    const ship = await mention('MV Northern Star', 'PRODUCT', 'MV Northern Star');
    const crews = await mention('Portuguese', 'NORP', 'Portuguese');
    const act = await mention('Coastal Shipping Act', 'LAW', 'Coastal Shipping Act');

    // The attributions an editor adds: one of each kind, two unnamed sources (one after an astral character).
    const addQuote = async (payload: Record<string, unknown>) => {
      const res = await api({ method: 'POST', url: `${base}/quotes`, payload });
      t.equal(res.statusCode, 201, `quote added: ${res.body.slice(0, 200)}`);
      return res.json<QuoteBody>();
    };
    const direct = await addQuote({
      ...spanOf(text, 'This keeps our islands connected through the dark months,'),
      kind: 'direct',
      speakerEntityId: quintal,
      cue: spanOf(text, 'said', 0),
    });
    const bridge = await addQuote({
      ...spanOf(text, 'the subsidy would cost far less'),
      kind: 'indirect',
      speakerEntityId: quintal,
      cue: spanOf(text, 'said', 1),
    });
    const officials = await addQuote({
      ...spanOf(text, 'the first subsidised sailings of the MV Northern Star would leave in December'),
      kind: 'indirect',
      unnamedSource: { ...spanOf(text, 'Officials'), text: 'Officials' },
      cue: spanOf(text, 'said', 2),
    });
    const lifeline = await addQuote({ ...spanOf(text, 'the vote "a lifeline for families"'), kind: 'mixed' });
    const report = await addQuote({
      ...spanOf(text, 'passenger numbers fell by a third last winter'),
      kind: 'indirect',
      unnamedSource: spanOf(text, "the council's report"),
      cue: spanOf(text, 'According to'),
    });
    const relayed = await addQuote({
      ...spanOf(text, 'he would retire in spring'),
      kind: 'indirect',
      unnamedSource: spanOf(text, 'the harbour master'),
      unnamedVia: { ...spanOf(text, 'Local radio'), text: 'Local radio' },
      cue: spanOf(text, 'quoted'),
    });

    t.test('an unnamed source is stored with its words and span, and no speaker', async (t) => {
      for (const [quote, words] of [[officials, 'Officials'], [report, "the council's report"]] as const) {
        t.equal(quote.kind, 'indirect');
        t.equal(quote.speaker, null, 'no speaker entity');
        t.same(quote.unnamedSource, { ...spanOf(text, words), text: words });
        t.equal(sliceCodePoints(text, quote.unnamedSource!.start, quote.unnamedSource!.end), words, 'its span slices the text (code points)');
        const read = await api({ method: 'GET', url: `${base}/quotes/${quote.id}` });
        t.same(read.json<QuoteBody>().unnamedSource, quote.unnamedSource, 'read back as stored');
      }
      t.equal(bridge.unnamedSource, null, 'a quote with a speaker has no unnamed source');
      t.equal(bridge.speaker?.id, quintal);
      t.same(relayed.unnamedVia, { ...spanOf(text, 'Local radio'), text: 'Local radio' }, 'an unnamed relay is kept the same way');
      t.equal(relayed.via, null);
      t.equal(relayed.unnamedSource?.text, 'the harbour master');
    });

    t.test('?kind= lists exactly the attributions of those kinds', async (t) => {
      const all = await listQuotes();
      const ids = (items: QuoteBody[]) => items.map((q) => q.id).sort();
      const indirect = await listQuotes('&kind=indirect');
      t.same(ids(indirect), ids(all.filter((q) => q.kind === 'indirect')), 'the indirect ones, no other');
      for (const quote of [bridge, officials, report]) t.ok(indirect.some((q) => q.id === quote.id), `"${quote.text.slice(0, 30)}" is listed`);
      t.notOk(indirect.some((q) => q.id === direct.id || q.id === lifeline.id), 'direct and mixed ones are not');
      const others = await listQuotes('&kind=direct&kind=mixed');
      t.same(ids(others), ids(all.filter((q) => q.kind !== 'indirect')), 'several kinds at once');
      t.same(ids(await listQuotes('&kind=direct&kind=mixed&kind=indirect')), ids(all), 'all three kinds are all quotes');
      // Pages of a filtered list carry the filter in their Link header.
      const first = await api({ method: 'GET', url: `${base}/quotes?kind=indirect&limit=1` });
      t.match(String(first.headers.link), /kind=indirect/);
      const pages = [...first.json<{ items: QuoteBody[] }>().items];
      let next = first.json<{ nextCursor: string | null }>().nextCursor;
      while (next) {
        const page = await api({ method: 'GET', url: `${base}/quotes?kind=indirect&limit=1&cursor=${encodeURIComponent(next)}` });
        pages.push(...page.json<{ items: QuoteBody[] }>().items);
        next = page.json<{ nextCursor: string | null }>().nextCursor;
      }
      t.same(ids(pages), ids(indirect), 'paging through the filter gives the same quotes');
    });

    t.test('across articles: quote search and an entity\'s quotes take ?kind= too', async (t) => {
      const search = (await api({ method: 'GET', url: '/v1/quotes?kind=indirect&limit=200' })).json<{ items: QuoteBody[] }>().items;
      t.ok(search.length >= 3);
      t.ok(search.every((q) => q.kind === 'indirect'), 'newest first, indirect only');
      const ranked = (await api({ method: 'GET', url: '/v1/quotes?q=subsidised%20sailings&kind=indirect' })).json<{ items: QuoteBody[] }>().items;
      t.ok(ranked.some((q) => q.id === officials.id), 'full-text search narrowed by kind finds it');
      t.ok(ranked.every((q) => q.kind === 'indirect' && q.text.includes('subsidised sailings')), 'and only indirect matches');
      const none = (await api({ method: 'GET', url: '/v1/quotes?q=subsidised%20sailings&kind=direct' })).json<{ items: QuoteBody[] }>().items;
      t.same(none, [], 'no direct quote has those words');
      const hers = (await api({ method: 'GET', url: `/v1/entities/${quintal}/quotes?kind=indirect` })).json<{ items: QuoteBody[] }>().items;
      t.ok(hers.some((q) => q.id === bridge.id));
      t.ok(hers.every((q) => q.kind === 'indirect' && q.speaker?.id === quintal), 'her indirect speech only');
      const herDirect = (await api({ method: 'GET', url: `/v1/entities/${quintal}/quotes?kind=direct` })).json<{ items: QuoteBody[] }>().items;
      t.ok(herDirect.some((q) => q.id === direct.id) && herDirect.every((q) => q.kind === 'direct'));
      const detail = (await api({ method: 'GET', url: `/v1/entities/${quintal}` })).json<{ counts: { quotes: number } }>();
      t.ok(detail.counts.quotes >= 2, 'her count holds direct and indirect speech');
    });

    t.test('new entity types are kept and filtered', async (t) => {
      const entities = (await api({ method: 'GET', url: `${base}/entities?limit=500` })).json<{ items: ArticleEntityBody[] }>().items;
      const typeOf = (id: string) => entities.find((e) => e.id === id)?.type;
      t.same([regatta, ship, crews, act].map(typeOf), ['EVENT', 'PRODUCT', 'NORP', 'LAW']);
      for (const type of ['EVENT', 'PRODUCT', 'NORP', 'LAW']) {
        const res = await api({ method: 'GET', url: `/v1/entities?type=${type}` });
        t.equal(res.statusCode, 200);
        const items = res.json<{ items: { type: string }[] }>().items;
        t.ok(items.length >= 1 && items.every((e) => e.type === type), `?type=${type} lists only ${type}`);
      }
      const named = await api({ method: 'GET', url: '/v1/entities?q=northern%20star&type=PRODUCT' });
      t.equal(named.json<{ items: { id: string }[] }>().items[0]?.id, ship, 'name search within a new type');
    });

    t.test('corrections of indirect quotes and unnamed sources are recorded and revertible', async (t) => {
      // A speaker change replaces the unnamed source.
      let url = `${base}/quotes/${officials.id}`;
      const toSpeaker = await api({ method: 'PATCH', url, payload: { speakerEntityId: quintal }, headers: { 'if-match': await etagOf(url) } });
      t.equal(toSpeaker.statusCode, 200);
      t.equal(toSpeaker.json<QuoteBody>().speaker?.id, quintal);
      t.equal(toSpeaker.json<QuoteBody>().unnamedSource, null, 'the speaker replaced the unnamed source');
      t.equal(toSpeaker.json<QuoteBody>().kind, 'indirect', 'still indirect speech');

      // An unnamed source replaces the speaker.
      url = `${base}/quotes/${bridge.id}`;
      const toUnnamed = await api({
        method: 'PATCH',
        url,
        payload: { unnamedSource: spanOf(text, 'Quintal', 1) },
        headers: { 'if-match': await etagOf(url) },
      });
      t.equal(toUnnamed.statusCode, 200);
      t.equal(toUnnamed.json<QuoteBody>().speaker, null);
      t.same(toUnnamed.json<QuoteBody>().unnamedSource, { ...spanOf(text, 'Quintal', 1), text: 'Quintal' });
      t.equal(toUnnamed.json<QuoteBody>().attribution.rule, 'editor');

      // A span fix of indirect content, and a change of kind.
      const fixed = spanOf(text, 'the subsidy would cost far less than a new bridge');
      const spanFix = await api({ method: 'PATCH', url, payload: { ...fixed, kind: 'indirect' }, headers: { 'if-match': await etagOf(url) } });
      t.equal(spanFix.statusCode, 200);
      t.equal(spanFix.json<QuoteBody>().text, 'the subsidy would cost far less than a new bridge');
      url = `${base}/quotes/${lifeline.id}`;
      const toIndirect = await api({ method: 'PATCH', url, payload: { kind: 'indirect' }, headers: { 'if-match': await etagOf(url) } });
      t.equal(toIndirect.json<QuoteBody>().kind, 'indirect');
      t.ok((await listQuotes('&kind=indirect')).some((q) => q.id === lifeline.id), 'listed under its new kind');
      const backToMixed = await api({ method: 'PATCH', url, payload: { kind: 'mixed' }, headers: { 'if-match': await etagOf(url) } });
      t.equal(backToMixed.json<QuoteBody>().kind, 'mixed');

      // Rejected: hidden from the kind's list unless asked for.
      url = `${base}/quotes/${report.id}`;
      const reject = await api({ method: 'PATCH', url, payload: { reviewStatus: 'rejected' }, headers: { 'if-match': await etagOf(url) } });
      t.equal(reject.statusCode, 200);
      t.notOk((await listQuotes('&kind=indirect')).some((q) => q.id === report.id), 'a rejected indirect quote is hidden');
      t.ok((await listQuotes('&kind=indirect&include=rejected')).some((q) => q.id === report.id), 'and listed on request');

      // An entity as relay replaces the unnamed one.
      url = `${base}/quotes/${relayed.id}`;
      const toEntityVia = await api({ method: 'PATCH', url, payload: { viaEntityId: ship }, headers: { 'if-match': await etagOf(url) } });
      t.equal(toEntityVia.json<QuoteBody>().via?.id, ship);
      t.equal(toEntityVia.json<QuoteBody>().unnamedVia, null, 'the entity replaced the unnamed relay');

      const events = await history();
      const viaChange = events.filter((e) => e.targetId === relayed.id).at(-1)!;
      t.equal(viaChange.before?.viaText, 'Local radio', 'history has the unnamed relay before');
      const viaRevert = await api({ method: 'POST', url: `${base}/quotes/${relayed.id}/revert`, payload: { eventId: viaChange.id } });
      t.same(
        [viaRevert.json<QuoteBody>().via, viaRevert.json<QuoteBody>().unnamedVia?.text],
        [null, 'Local radio'],
        'a revert brings the unnamed relay back',
      );
      const ofOfficials = events.filter((e) => e.targetId === officials.id);
      t.same(ofOfficials.map((e) => e.action), ['create', 'update']);
      const speakerChange = ofOfficials[1]!;
      t.equal(speakerChange.before?.sourceText, 'Officials', 'history has the unnamed source before');
      t.equal(speakerChange.after?.sourceText, null, 'and its absence after');
      t.equal(speakerChange.after?.speakerEntityId, quintal);
      t.ok(events.some((e) => e.targetId === report.id && e.action === 'review' && e.after?.reviewStatus === 'rejected'));

      const revert = await api({ method: 'POST', url: `${base}/quotes/${officials.id}/revert`, payload: { eventId: speakerChange.id } });
      t.equal(revert.statusCode, 200);
      const reverted = revert.json<QuoteBody>();
      t.equal(reverted.speaker, null, 'the speaker is gone again');
      t.same(reverted.unnamedSource, { ...spanOf(text, 'Officials'), text: 'Officials' }, 'the unnamed source is back');
      const unreject = await api({
        method: 'POST',
        url: `${base}/quotes/${report.id}/revert`,
        payload: { eventId: events.find((e) => e.targetId === report.id && e.action === 'review')!.id },
      });
      t.equal(unreject.json<QuoteBody>().provenance.reviewStatus, 'unreviewed', 'the rejection is undone');
    });

    t.test("a revision re-anchors indirect quotes, their cues and unnamed sources", async (t) => {
      const paragraphs = text.split('\n\n');
      paragraphs.splice(1, 0, 'Ferry timetables for the season are printed at the harbour office.');
      const revised = paragraphs.join('\n\n');
      const put = await api({ method: 'PUT', url: base, headers: { 'content-type': 'text/plain', 'if-match': await etagOf(base) }, payload: revised });
      t.equal(put.statusCode, 200);
      const now = new Map((await listQuotes('&include=orphaned,rejected')).map((q) => [q.id, q]));
      for (const before of [officials, report, lifeline, direct, relayed]) {
        const quote = now.get(before.id);
        t.ok(quote, `"${before.text.slice(0, 30)}" kept its id`);
        if (!quote) continue;
        t.not(quote.start, before.start, 'it moved with the inserted paragraph');
        t.equal(sliceCodePoints(revised, quote.start, quote.end), quote.text, 'its content slices the new text');
        for (const part of ['cue', 'unnamedSource', 'unnamedVia'] as const) {
          const span = quote[part];
          if (!before[part]) continue;
          t.ok(span, `its ${part} is kept`);
          if (span) t.equal(sliceCodePoints(revised, span.start, span.end), span.text, `its ${part} slices the new text`);
          t.equal(span?.text, before[part]!.text);
        }
      }
      t.equal(now.get(report.id)?.unnamedSource?.text, "the council's report");
      t.equal(now.get(officials.id)?.kind, 'indirect');
      const indirect = await listQuotes('&kind=indirect');
      t.ok(indirect.some((q) => q.id === officials.id) && indirect.some((q) => q.id === report.id), 'still listed as indirect');

      // A revision that drops the unnamed source's words: the attribution stays, and nothing it
      // shows points at words that are gone.
      const dropped = revised.replace('Officials said the first', 'As announced, the first');
      const second = await api({ method: 'PUT', url: base, headers: { 'content-type': 'text/plain', 'if-match': await etagOf(base) }, payload: dropped });
      t.equal(second.statusCode, 200);
      const quote = (await listQuotes('&include=orphaned,rejected')).find((q) => q.id === officials.id);
      t.equal(quote?.text, officials.text, 'the content is kept');
      t.equal(quote?.unnamedSource, null, 'its unnamed source is gone with its words');
      for (const listed of await listQuotes()) {
        for (const span of [listed, listed.cue, listed.unnamedSource, listed.unnamedVia]) {
          if (span) t.equal(sliceCodePoints(dropped, span.start, span.end), span.text, `"${span.text.slice(0, 30)}" slices the text`);
        }
      }
    });

    t.test('the W3C export describes each attribution: kind, source, via and cue', async (t) => {
      const res = await api({
        method: 'GET',
        url: `${base}/annotations?page=0`,
        headers: { accept: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
      });
      t.equal(res.statusCode, 200);
      const current = (await api({ method: 'GET', url: base })).json<{ text: string }>().text;
      interface Body {
        type: string;
        purpose: string;
        value?: string;
        source?: string;
        selector?: { type: string; start?: number; end?: number; exact?: string }[];
      }
      const items = res.json<{ items: { id: string; motivation: string; body: Body[] }[] }>().items;
      const annotationOf = (id: string) => items.find((a) => a.id.endsWith(`/quotes/${id}`));
      const reported = annotationOf(report.id);
      t.ok(reported, 'the indirect quote is an annotation');
      t.same(reported?.body.filter((b) => b.purpose === 'classifying').map((b) => b.value), ['indirect']);
      const source = reported?.body.find((b) => b.purpose === 'identifying');
      t.match(source?.source, new RegExp(`/v1/articles/${article.id}$`), 'an unnamed source points into the article');
      const position = source?.selector?.find((s) => s.type === 'TextPositionSelector');
      t.equal(sliceCodePoints(current, position!.start!, position!.end!), "the council's report");
      t.equal(source?.selector?.find((s) => s.type === 'TextQuoteSelector')?.exact, "the council's report");
      const cue = reported?.body.find((b) => b.type === 'SpecificResource' && b.purpose === 'describing');
      t.equal(cue?.selector?.find((s) => s.type === 'TextQuoteSelector')?.exact, 'According to', 'the cue is the words of the article');
      t.match(reported?.body.find((b) => b.type === 'TextualBody' && b.purpose === 'describing')?.value, /^Indirect speech of an unnamed source/);
      const relay = annotationOf(relayed.id)?.body.find((b) => b.purpose === 'linking');
      t.equal(relay?.selector?.find((s) => s.type === 'TextQuoteSelector')?.exact, 'Local radio', 'an unnamed relay is the words of the article');
      t.match(annotationOf(relayed.id)?.body.find((b) => b.type === 'TextualBody' && b.purpose === 'describing')?.value, /relayed by "Local radio"/);
      const spoken = annotationOf(direct.id);
      t.same(spoken?.body.filter((b) => b.purpose === 'classifying').map((b) => b.value), ['direct']);
      t.match(spoken?.body.find((b) => b.purpose === 'identifying')?.source, new RegExp(`/v1/entities/${quintal}$`), 'a speaker is the entity');
      const mentionTypes = new Set(items.filter((a) => a.motivation === 'identifying').flatMap((a) => a.body.filter((b) => b.purpose === 'classifying').map((b) => b.value)));
      for (const type of ['EVENT', 'PRODUCT', 'NORP', 'LAW']) t.ok(mentionTypes.has(type), `a ${type} mention is classified as such`);
    });

    t.test('the ninjs export places the new types and marks quoted sources', async (t) => {
      const res = await api({ method: 'GET', url: base, headers: { accept: 'application/vnd.iptc.ninjs+json' } });
      t.equal(res.statusCode, 200);
      const document = res.json<{
        people: { name: string; rel: string; uri: string }[];
        events: { name: string }[];
        objects: { name: string }[];
        subjects: { name: string; literal: string }[];
        infoSources: { name: string; role: string }[];
      }>();
      t.ok(validNinjs31(document), JSON.stringify(validNinjs31.errors));
      t.equal(document.people.find((p) => p.uri.endsWith(quintal))?.rel, 'quoted', 'a speaker is quoted, not only mentioned');
      t.ok(document.events.some((e) => e.name === 'Ellery Winter Regatta'), 'EVENT in events');
      t.ok(document.objects.some((o) => o.name === 'MV Northern Star'), 'PRODUCT in objects');
      for (const [name, type] of [['Portuguese', 'NORP'], ['Coastal Shipping Act', 'LAW']]) {
        t.ok(document.subjects.some((s) => s.name === name && s.literal === type), `${type} is a subject`);
      }
      const unnamed = document.infoSources.filter((s) => s.role === 'unnamed source').map((s) => s.name.toLowerCase());
      const visible = (await listQuotes()).flatMap((q) => (q.unnamedSource ? [q.unnamedSource.text.toLowerCase()] : []));
      t.same(unnamed.sort(), [...new Set(visible)].sort(), 'the unnamed sources of the visible quotes, each once');
      t.ok(unnamed.includes("the council's report"), 'that of an indirect quote among them');
      t.notOk(unnamed.includes('officials'), 'not one whose words a revision removed');
    });

    t.test('a person\'s gender: set by an editor with If-Match, recorded, never overridden', async (t) => {
      const url = `/v1/entities/${quintal}`;
      const read = await api({ method: 'GET', url });
      const estimated = read.json<ArticleEntityBody>();
      t.equal(estimated.genderSource, 'estimated', 'before an editor: an estimate');
      t.ok(['female', 'male', 'unknown'].includes(String(estimated.gender)), `estimated ${estimated.gender}`);
      t.equal((await api({ method: 'PATCH', url, payload: { gender: 'female' } })).statusCode, 428, 'If-Match is needed');
      t.equal((await api({ method: 'PATCH', url, payload: { gender: 'female' }, headers: { 'if-match': '"99"' } })).statusCode, 412);
      const set = await api({ method: 'PATCH', url, payload: { gender: 'female' }, headers: { 'if-match': read.headers.etag as string } });
      t.equal(set.statusCode, 200);
      t.same([set.json<ArticleEntityBody>().gender, set.json<ArticleEntityBody>().genderSource], ['female', 'editor']);
      t.not(set.headers.etag, read.headers.etag, 'a new version');
      const listed = (await api({ method: 'GET', url: `${base}/entities?limit=500` })).json<{ items: ArticleEntityBody[] }>().items;
      t.same(listed.filter((e) => e.id === quintal).map((e) => [e.gender, e.genderSource]), [['female', 'editor']], "in the article's entities too");
      t.same(listed.filter((e) => e.id === regatta).map((e) => [e.gender, e.genderSource]), [[null, null]], 'no gender for an event');
      const event = (await history()).find((e) => e.targetType === 'entity' && e.targetId === quintal && e.action === 'set-gender');
      t.same(event?.after, { gender: 'female', genderSource: 'editor' }, "in the article's history");
      // An ingest that names her again (the pipeline may estimate her gender) does not change it.
      await api({ method: 'POST', url: '/v1/articles', payload: { headline: 'Ferry sails', body: 'Mara Quintal said he would sail first.' } });
      const again = (await api({ method: 'GET', url })).json<ArticleEntityBody>();
      t.same([again.gender, again.genderSource], ['female', 'editor'], "an estimate never overrides an editor's value");
    });

    t.test('hostile input is a 4xx problem, never a 5xx', async (t) => {
      for (const query of ['kind=partial', 'kind=', 'kind=INDIRECT', 'kind=direct&kind=reported', 'kind=direct&kind=mixed&kind=indirect&kind=direct', 'kind=%00']) {
        isProblem(t, await api({ method: 'GET', url: `${base}/quotes?${query}` }), `article quotes ?${query}`);
        isProblem(t, await api({ method: 'GET', url: `/v1/quotes?${query}` }), `quote search ?${query}`);
        isProblem(t, await api({ method: 'GET', url: `/v1/entities/${quintal}/quotes?${query}` }), `entity quotes ?${query}`);
      }
      isProblem(t, await api({ method: 'GET', url: '/v1/entities?type=ANIMAL' }), 'an unknown entity type');
      const content = spanOf(text, 'passenger numbers fell');
      const hostileQuotes: [string, unknown][] = [
        ['kind partial (renamed mixed)', { ...content, kind: 'partial' }],
        ['kind as a number', { ...content, kind: 3 }],
        ['kind null', { ...content, kind: null }],
        ['source past the end', { ...content, unnamedSource: { start: 5, end: Array.from(text).length + 1 } }],
        ['source far past the end', { ...content, unnamedSource: { start: 5, end: 10_000_001 } }],
        ['source backwards', { ...content, unnamedSource: { start: 20, end: 10 } }],
        ['source empty', { ...content, unnamedSource: { start: 10, end: 10 } }],
        ['source negative', { ...content, unnamedSource: { start: -1, end: 10 } }],
        ['source without end', { ...content, unnamedSource: { start: 1 } }],
        ['source with an unknown field', { ...content, unnamedSource: { ...spanOf(text, 'Officials'), entity: 'x' } }],
        ['source as a string', { ...content, unnamedSource: 'Officials' }],
        ['source covering blanks', { ...content, unnamedSource: spanOf(text, '\n\n') }],
        ['source words that do not match', { ...content, unnamedSource: { ...spanOf(text, 'Officials'), text: 'Ministers' } }],
        ['speaker and unnamed source', { ...content, speakerEntityId: quintal, unnamedSource: spanOf(text, 'Officials') }],
        ['speaker mention and unnamed source', { ...content, speakerMentionId: '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11', unnamedSource: spanOf(text, 'Officials') }],
        ['relay entity and unnamed relay', { ...content, viaEntityId: ship, unnamedVia: spanOf(text, 'Local radio') }],
        ['relay past the end', { ...content, unnamedVia: { start: 0, end: Array.from(text).length + 5 } }],
        ['relay words that do not match', { ...content, unnamedVia: { ...spanOf(text, 'Local radio'), text: 'State media' } }],
      ];
      // A client counting UTF-16 units: after the astral character its offsets are one too far,
      // so the words it meant are not the words at those offsets.
      const astral = text.indexOf('\u{1F6A2}');
      const utf16Words = { start: text.indexOf("the council's report"), end: text.indexOf("the council's report") + "the council's report".length };
      t.ok(astral !== -1 && utf16Words.start > astral);
      hostileQuotes.push(['source offsets in UTF-16 units', { ...content, unnamedSource: { ...utf16Words, text: "the council's report" } }]);
      // Offsets through a surrogate pair as a UTF-16 client sees it: the check text is half a pair.
      const astralAt = spanOf(text, '\u{1F6A2}');
      hostileQuotes.push(['source text half of a surrogate pair', { ...content, unnamedSource: { ...astralAt, text: '\uD83D' } }]);
      for (const [what, payload] of hostileQuotes) {
        isProblem(t, await api({ method: 'POST', url: `${base}/quotes`, payload: payload as Record<string, unknown> }), `POST ${what}`);
      }
      // The same through PATCH, with a valid If-Match.
      const url = `${base}/quotes/${direct.id}`;
      const etag = await etagOf(url);
      for (const [what, payload] of hostileQuotes) {
        const { start: _start, end: _end, ...patch } = payload as Record<string, unknown>;
        if (Object.keys(patch).length === 0) continue;
        isProblem(t, await api({ method: 'PATCH', url, payload: patch, headers: { 'if-match': etag } }), `PATCH ${what}`);
      }
      t.equal(await etagOf(url), etag, 'no refused change touched the quote');
      const raw = await api({
        method: 'POST',
        url: `${base}/quotes`,
        headers: { 'content-type': 'application/json' },
        payload: `{"start":${content.start},"end":${content.end},"unnamedSource":{"start":${astralAt.start},"end":${astralAt.end},"text":"\\ud83d"}}`,
      });
      isProblem(t, raw, 'a lone surrogate escaped in JSON');
      for (const [what, payload] of [
        ['an unknown gender', { gender: 'robot' }],
        ['a null gender', { gender: null }],
        ['an empty patch', {}],
        ['an unknown field', { pronouns: 'she' }],
      ] as const) {
        const entityUrl = `/v1/entities/${quintal}`;
        isProblem(t, await api({ method: 'PATCH', url: entityUrl, payload, headers: { 'if-match': await etagOf(entityUrl) } }), `entity PATCH with ${what}`);
      }
      const eventUrl = `/v1/entities/${regatta}`;
      const notPerson = await api({ method: 'PATCH', url: eventUrl, payload: { gender: 'female' }, headers: { 'if-match': await etagOf(eventUrl) } });
      isProblem(t, notPerson, 'a gender for an event');
      t.equal(notPerson.statusCode, 422);
    });
  });
}
