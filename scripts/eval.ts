// Scores the pipeline: the dev set through ../shared/eval/score.mjs (all of it, then its halves:
// documents 1-6, on which rules are tuned, and 7-12, held out to show overfitting), then the
// fixture against its gold (quotes, speakers, via, entities, linking).
//
//   npx tsx scripts/eval.ts [--gold path/to/gold.jsonl] [--shared path/to/shared] [--json]
// Environment overrides: EVAL_GOLD, SHARED_DIR.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toAnnotateLine } from '../src/commands/annotate.js';
import { annotate } from '../src/pipeline/annotate.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const shared = resolve(arg('shared') ?? process.env.SHARED_DIR ?? join(root, '..', 'shared'));
const gold = resolve(arg('gold') ?? process.env.EVAL_GOLD ?? join(shared, 'eval', 'gum-news-dev.jsonl'));
const scorer = join(dirname(gold), 'score.mjs');

// ---- dev set ----
const goldLines = readFileSync(gold, 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const docs = goldLines.map((l) => JSON.parse(l) as { id: string; text: string });
const lines = docs.map((d) => JSON.stringify(toAnnotateLine(d.id, annotate(d.text))));
const dir = mkdtempSync(join(tmpdir(), 'eval-'));
const predPath = join(dir, 'predictions.jsonl');
writeFileSync(predPath, lines.join('\n') + '\n');
console.log(`# ${gold}\n# predictions: ${predPath}`);
const score = (goldPath: string, json: boolean): string => {
  const args = [scorer, '--gold', goldPath, '--pred', predPath, '--pred-offsets', 'codepoint'];
  if (json) args.push('--json');
  return execFileSync(process.execPath, args, { encoding: 'utf8' });
};
console.log(score(gold, process.argv.includes('--json')));
// the halves: the scorer reads only the gold documents it is given
const half = docs.length >> 1;
for (const [name, from, to] of [['tuning half', 0, half], ['held-out half', half, docs.length]] as const) {
  const path = join(dir, `gold-${from + 1}-${to}.jsonl`);
  writeFileSync(path, goldLines.slice(from, to).join('\n') + '\n');
  const out = score(path, false)
    .split('\n')
    .filter((l) => /^(NER head_locorg|QUOTES|SPEAKER|ATTRIBUTIONS)/.test(l));
  console.log(`# ${name}: documents ${from + 1}-${to}\n${out.join('\n')}\n`);
}

// ---- fixture ----
interface GoldQuote {
  start: number;
  end: number;
  text: string;
  speaker: string;
  via: string | null;
}
interface FixtureGold {
  header: { headline: string; source: string; standfirst: string; dateline: { place: string; agency: string } };
  paragraphs: { count_after_headline_and_source_line: number };
  quotes: GoldQuote[];
  entities: Record<'PERSON' | 'ORG' | 'LOC', { name: string; surface_forms: string[] }[]>;
  distinct_entities_that_share_a_surname: string[];
  headline_quote: { start: number; end: number; speaker: string };
}
const fixtureText = readFileSync(join(root, 'test', 'fixtures', 'vladivostok-summit.txt'), 'utf8');
const fg = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'vladivostok-summit.gold.json'), 'utf8')) as FixtureGold;
const a = annotate(fixtureText);
const line = toAnnotateLine('fixture', a);
const results: string[] = [];
const check = (ok: boolean, what: string): boolean => {
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  return ok;
};
check(a.header.headline?.text === fg.header.headline, 'header headline');
check(a.header.source?.text === fg.header.source, 'header source');
check(a.header.standfirst?.text === fg.header.standfirst, 'header standfirst');
check(a.header.dateline?.place === fg.header.dateline.place && a.header.dateline?.agency === fg.header.dateline.agency, 'header dateline place and agency');
check(a.paragraphs.length === fg.paragraphs.count_after_headline_and_source_line, `paragraphs ${a.paragraphs.length}/${fg.paragraphs.count_after_headline_and_source_line}`);
const overlap = (x: { start: number; end: number }, y: { start: number; end: number }): number => Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
let found = 0;
let speakerOk = 0;
let viaOk = 0;
let viaN = 0;
for (const g of fg.quotes) {
  const p = line.quotes.find((q) => overlap(q, g) >= 0.5 * Math.min(q.end - q.start, g.end - g.start));
  if (p) found++;
  const sOk = !!p && p.speaker?.name === g.speaker;
  if (sOk) speakerOk++;
  // "via" is checked where the gold names an entity of the article
  const viaIsEntity = g.via !== null && Object.values(fg.entities).some((l) => l.some((e) => e.name === g.via));
  let vOk = true;
  if (viaIsEntity) {
    viaN++;
    vOk = !!p && p.via === g.via;
    if (vOk) viaOk++;
  }
  check(!!p && sOk && vOk, `quote ${JSON.stringify(g.text.slice(0, 40))} -> ${g.speaker}${g.via ? ` via ${g.via}` : ''}: got ${p ? `${p.speaker?.name ?? 'none'} via ${p.via ?? 'none'}` : 'not found'}`);
}
const hq = line.quotes.find((q) => overlap(q, fg.headline_quote) > 0);
check(!!hq && hq.speaker?.name === fg.headline_quote.speaker, `headline quote -> ${fg.headline_quote.speaker}: got ${hq?.speaker?.name ?? 'none'}`);
let entFound = 0;
let entN = 0;
for (const [type, list] of Object.entries(fg.entities)) {
  for (const e of list) {
    entN++;
    // every surface form of the entity occurs in the text; at least one mention of it must be found with the type
    const ok = e.surface_forms.every((sf) => {
      const m0 = new RegExp(`(?<![\\p{L}\\p{N}])${sf.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').exec(fixtureText);
      if (!m0) return true;
      const i = m0.index;
      return line.entities.some((m) => m.type === type && m.start <= i + sf.length && m.end >= i && overlap(m, { start: i, end: i + sf.length }) > 0);
    });
    if (ok) entFound++;
    else results.push(`FAIL entity ${type} ${e.name}`);
  }
}
const entityOf = (surface: string): Set<string> => new Set(line.entities.filter((m) => m.text === surface).map((m) => m.entity));
const same = (x: string, y: string): boolean => {
  const ex = entityOf(x);
  const ey = entityOf(y);
  return ex.size === 1 && ey.size === 1 && [...ex][0] === [...ey][0];
};
check(same('KCNA', 'Korean Central News Agency'), 'KCNA and Korean Central News Agency are one entity');
check(same('US', 'United States'), 'US and United States are one entity');
const kims = fg.distinct_entities_that_share_a_surname.map((n) => [...entityOf(n)]);
check(kims.every((k) => k.length === 1) && new Set(kims.map((k) => k[0])).size === kims.length, `${kims.length} distinct Kims`);
console.log('# fixture vladivostok-summit');
console.log(results.join('\n'));
console.log(`FIXTURE quotes found ${found}/${fg.quotes.length}, speaker correct ${speakerOk}/${fg.quotes.length}, via correct ${viaOk}/${viaN}, entities found with type ${entFound}/${entN}, checks passed ${results.filter((r) => r.startsWith('ok')).length}/${results.filter((r) => !r.startsWith('FAIL entity')).length}`);
