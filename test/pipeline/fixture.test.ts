// The wire story fixture against its gold file: every gold quote with its speaker (and the agency
// that relayed it), the headline quote, the header, the paragraphs, the entities and their linking.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { annotate } from '../../src/pipeline/annotate.js';
import type { QuoteAnnotation } from '../../src/pipeline/types.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const text = readFileSync(join(dir, 'vladivostok-summit.txt'), 'utf8');
interface Gold {
  header: { headline: string; source: string; standfirst: string; dateline: { place: string; agency: string; text: string } };
  paragraphs: { count_after_headline_and_source_line: number };
  quotes: { start: number; end: number; text: string; speaker: string; via: string | null }[];
  entities: Record<'PERSON' | 'ORG' | 'LOC', { name: string; surface_forms: string[] }[]>;
  distinct_entities_that_share_a_surname: string[];
  headline_quote: { start: number; end: number; text: string; speaker: string };
}
const gold = JSON.parse(readFileSync(join(dir, 'vladivostok-summit.gold.json'), 'utf8')) as Gold;
const a = annotate(text);
const byKey = new Map(a.entities.map((e) => [e.key, e]));
const nameOf = (key: string | null) => (key ? byKey.get(key)!.canonicalName : null);
const overlap = (x: { start: number; end: number }, y: { start: number; end: number }) => Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
const allEntityNames = new Set(Object.values(gold.entities).flatMap((l) => l.map((e) => e.name)));
// the words in quotation marks of an attribution: all of a direct one, the quoted parts of a mixed one
const quotedPart = (x: QuoteAnnotation, g: { start: number; end: number }) =>
  (x.kind === 'mixed' ? (x.quotedSpans ?? []) : x.kind === 'direct' ? [x] : []).find((p) => overlap(p, g) >= 0.5 * Math.min(p.end - p.start, g.end - g.start));

t.test('the header has the headline, the source line, the standfirst and the dateline', async (t) => {
  t.equal(a.header.format, 'wire');
  t.equal(a.header.headline?.text, gold.header.headline);
  t.equal(a.header.source?.text, gold.header.source);
  t.equal(a.header.standfirst?.text, gold.header.standfirst);
  t.equal(a.header.dateline?.place, gold.header.dateline.place);
  t.equal(a.header.dateline?.agency, gold.header.dateline.agency);
  t.equal(a.header.dateline?.text, gold.header.dateline.text);
});

t.test('the paragraphs are the standfirst and the body blocks', async (t) => {
  t.equal(a.paragraphs.length, gold.paragraphs.count_after_headline_and_source_line);
  t.equal(a.paragraphs[0]!.role, 'standfirst');
});

for (const g of gold.quotes) {
  t.test(`the quote "${g.text.slice(0, 30)}..." is found with its speaker ${g.speaker}`, async (t) => {
    const q = a.quotes.find((x) => quotedPart(x, g));
    t.ok(q, 'found');
    if (!q) return;
    t.equal(quotedPart(q, g)!.start, g.start, 'starts inside the opening mark');
    t.equal(quotedPart(q, g)!.end, g.end, 'ends before the closing mark');
    t.equal(nameOf(q.speakerEntityKey), g.speaker);
    t.not(q.speakerMentionIndex, null, 'a mention names the speaker');
    t.equal(byKey.get(a.mentions[q.speakerMentionIndex!]!.entityKey)?.canonicalName, g.speaker);
    t.ok(q.cue, 'a cue explains the attribution');
    t.ok(q.rule && q.confidence > 0);
    // the relaying agency is checked where the gold names an entity of the article
    if (g.via && allEntityNames.has(g.via)) t.equal(nameOf(q.viaEntityKey), g.via, `relayed by ${g.via}`);
  });
}

t.test('the headline quote is attributed like the same words in the body', async (t) => {
  const h = gold.headline_quote;
  const q = a.quotes.find((x) => quotedPart(x, h));
  t.ok(q);
  t.equal(q && quotedPart(q, h)?.text, h.text);
  t.equal(q?.paragraphIndex, -1);
  t.equal(nameOf(q?.speakerEntityKey ?? null), h.speaker);
});

t.test('every gold entity is found with its type', async (t) => {
  for (const [type, list] of Object.entries(gold.entities)) {
    for (const e of list) {
      const found = a.mentions.some((m) => e.surface_forms.includes(m.text) && byKey.get(m.entityKey)!.type === type);
      t.ok(found, `${type} ${e.name}`);
    }
  }
});

t.test('two names of one agency, a country and its short form, are one entity each; three Kims are three people', async (t) => {
  const keysOf = (surface: string) => new Set(a.mentions.filter((m) => m.text === surface).map((m) => m.entityKey));
  const one = (x: string, y: string) => {
    const kx = [...keysOf(x)];
    const ky = [...keysOf(y)];
    return kx.length === 1 && ky.length === 1 && kx[0] === ky[0];
  };
  t.ok(one('KCNA', 'Korean Central News Agency'));
  t.ok(one('US', 'United States'));
  const kims = gold.distinct_entities_that_share_a_surname.map((n) => [...keysOf(n)]);
  t.ok(kims.every((k) => k.length === 1));
  t.equal(new Set(kims.map((k) => k[0])).size, kims.length);
  for (const n of gold.distinct_entities_that_share_a_surname) {
    t.ok(a.entities.some((e) => e.canonicalName === n && e.type === 'PERSON'), `${n} is a person`);
  }
});

t.test('mention offsets point at their text in the input', async (t) => {
  for (const m of a.mentions) t.equal(text.slice(m.start, m.end), m.text);
  for (const q of a.quotes) t.equal(text.slice(q.start, q.end), q.text);
});
