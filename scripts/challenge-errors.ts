// Lists the pipeline's errors on the challenge set, one line each, for reading by mechanism:
// entity names missed, found with the wrong type or invented; quotes with the wrong speaker;
// attributions missed, invented, or found with the wrong source or cue. Matching follows
// ../shared/eval/score.mjs (head token for names, word Dice >= 0.5 for contents, overlap with the
// source's chain for sources), so each line is one point the scorer counts.
//
//   npx tsx scripts/challenge-errors.ts [--set holdout | --gold ../shared/eval/gum-news-dev.jsonl] [--pred predictions.jsonl] [--only ner|quotes|attributions] [--doc id-prefix]
// `--gold` lists the errors on any gold file of the same format, such as the dev set's.
// `--set holdout` lists the held-out set's errors: read them to describe kinds of error, never to
// choose fixes (test/pipeline/holdout/README.md).

import { readFileSync } from 'node:fs';
import { annotateWithCommand } from './challenge-annotate.js';
import { setFromArgs, setGold } from './challenge-build.js';
import type { GoldDoc } from './challenge-markup.js';

interface Span {
  start: number;
  end: number;
}
interface Pred {
  id: string;
  entities: (Span & { type: string; kind: string })[];
  quotes: (Span & { speaker: (Span & { text: string }) | null })[];
  attributions: { content: Span; source: (Span & { text: string }) | null; cue: Span | null; rule?: string }[];
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const only = arg('only');
const docPrefix = arg('doc') ?? '';
const docs = readFileSync(arg('gold') ?? setGold(setFromArgs()), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldDoc)
  .filter((d) => d.id.startsWith(docPrefix));
const predText = arg('pred') ? readFileSync(arg('pred')!, 'utf8') : await annotateWithCommand(docs);
const preds = new Map(
  predText
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Pred)
    .map((p) => [p.id, p]),
);

// All offsets below are code points (the gold's and the command's); texts are sliced by code point.
const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const inside = (a: Span, b: Span): boolean => a.start >= b.start && a.end <= b.end;
const short = (s: string, n = 70): string => JSON.stringify(s.length > n ? `${s.slice(0, n - 1)}…` : s);

for (const d of docs) {
  const cps = Array.from(d.text);
  const at = (s: Span): string => cps.slice(s.start, s.end).join('');
  const p = preds.get(d.id);
  if (!p) continue;
  const out: string[] = [];
  // ---- names: head token covered, LOC and ORG merged (the headline figure) ----
  if (!only || only === 'ner') {
    const merged = (t: string): string => (t === 'ORG' ? 'LOC' : t);
    const names = p.entities.filter((e) => ['PERSON', 'ORG', 'LOC'].includes(e.type) && e.kind === 'name');
    const used = new Set<number>();
    for (const g of d.entities) {
      const k = names.findIndex((e, i) => !used.has(i) && merged(e.type) === merged(g.type) && e.start <= g.head_start && e.end >= g.head_end);
      if (k >= 0) {
        used.add(k);
        continue;
      }
      const other = names.find((e) => e.start <= g.head_start && e.end >= g.head_end);
      out.push(other ? `NER type   ${g.type} ${short(g.text)} found as ${other.type} ${short(at(other))}` : `NER miss   ${g.type} ${short(g.text)}`);
    }
    // every prediction left unmatched is a false positive for the scorer, sub-spans of names included
    names.forEach((e, i) => {
      if (used.has(i)) return;
      const g = d.entities.find((x) => overlap(x, e) > 0);
      out.push(`NER extra  ${e.type} ${short(at(e))}${g ? ` (inside or across ${g.type} ${short(g.text, 40)})` : ''}`);
    });
  }
  // ---- quotes: speaker of each matched quote ----
  if (!only || only === 'quotes') {
    for (const g of d.quotes.filter((q) => q.speaker)) {
      const q = p.quotes.find((x) => overlap(x, g) >= 0.5 * Math.min(x.end - x.start, g.end - g.start));
      if (!q) {
        out.push(`QUOTE miss ${short(g.text, 50)} (${g.speaker!.text})`);
        continue;
      }
      const chain = (g.speaker_chain_spans ?? []).map(([start, end]) => ({ start, end }));
      const last = (s: string): string => s.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.pop() ?? '';
      const ok = !!q.speaker && (overlap(q.speaker, g.speaker!) > 0 || chain.some((c) => overlap(q.speaker!, c) > 0) || (last(q.speaker.text) !== '' && [g.speaker_name ?? '', g.speaker!.text].map(last).includes(last(q.speaker.text))));
      if (!ok) out.push(`SPEAKER    ${short(g.text, 50)} gold ${short(g.speaker!.text, 40)} got ${q.speaker ? short(q.speaker.text, 40) : 'none'}`);
    }
    // a predicted quote that overlaps no quotation-mark span of the gold is a false positive
    for (const q of p.quotes) if (!d.quotes.some((g) => overlap(g, q) > 0)) out.push(`QUOTE extra ${short(at(q), 60)} (${q.speaker?.text ?? 'no speaker'})`);
  }
  // ---- attributions: contents matched by word Dice >= 0.5, one to one, best first ----
  if (!only || only === 'attributions') {
    const words = [...cps.join('').matchAll(/[\p{L}\p{N}]+/gu)];
    // word index spans in code points
    const wordSpans: Span[] = [];
    {
      let cp = 0;
      let u = 0;
      const text = d.text;
      const cpAt = new Map<number, number>();
      for (const ch of text) {
        cpAt.set(u, cp);
        u += ch.length;
        cp++;
      }
      cpAt.set(u, cp);
      for (const m of words) wordSpans.push({ start: cpAt.get(m.index)!, end: cpAt.get(m.index + m[0].length)! });
    }
    const tok = (s: Span): Set<number> => new Set(wordSpans.flatMap((w, i) => (overlap(w, s) > 0 ? [i] : [])));
    const gT = d.attributions.map((a) => tok(a.content));
    const pT = p.attributions.map((a) => tok(a.content));
    const pairs: [number, number, number][] = [];
    gT.forEach((g, i) =>
      pT.forEach((q, j) => {
        let inter = 0;
        for (const k of q) if (g.has(k)) inter++;
        const f = g.size + q.size ? (2 * inter) / (g.size + q.size) : 0;
        if (f >= 0.5) pairs.push([f, i, j]);
      }),
    );
    pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
    const gUsed = new Map<number, number>();
    const pUsed = new Set<number>();
    for (const [, i, j] of pairs) if (!gUsed.has(i) && !pUsed.has(j)) (gUsed.set(i, j), pUsed.add(j));
    // the scorer ignores unmatched predictions that lie mostly in quotation marks no gold content touches
    const freeQuotes = d.quotes.filter((q) => !d.attributions.some((a) => overlap(a.content, q) > 0));
    const dc = new Set(freeQuotes.flatMap((q) => [...tok(q)]));
    d.attributions.forEach((g, i) => {
      const kind = g.direct ? 'direct' : 'indirect';
      const label = `${g.source?.text ?? '-'} / ${g.cue?.text ?? '-'}`;
      if (!gUsed.has(i)) {
        const near = p.attributions.map((a, j) => ({ a, j, o: overlap(a.content, g.content) })).sort((x, y) => y.o - x.o)[0];
        const hint = near && near.o > 0 ? ` | nearest pred ${short(at(near.a.content), 60)}${pUsed.has(near.j) ? ' (matched elsewhere)' : ''}` : '';
        out.push(`ATTR miss  ${kind} [${label}] ${short(g.content.text)}${hint}`);
        return;
      }
      const a = p.attributions[gUsed.get(i)!]!;
      const chain = g.source_chain_spans.map(([start, end]) => ({ start, end }));
      if (g.source && !(a.source && (overlap(a.source, g.source) > 0 || chain.some((c) => overlap(a.source!, c) > 0)))) {
        out.push(`ATTR src   [${label}] got ${a.source ? short(a.source.text, 40) : 'none'} :: ${short(g.content.text, 50)} (${a.rule ?? ''})`);
      }
      if (g.cue && !(a.cue && overlap(a.cue, g.cue) > 0)) out.push(`ATTR cue   [${label}] got ${a.cue ? short(at(a.cue), 30) : 'none'} :: ${short(g.content.text, 50)}`);
    });
    p.attributions.forEach((a, j) => {
      if (pUsed.has(j)) return;
      const t = pT[j]!;
      let inDc = 0;
      for (const k of t) if (dc.has(k)) inDc++;
      if (t.size && inDc >= t.size / 2) return;
      const g = d.attributions.map((x) => ({ x, o: overlap(x.content, a.content) })).sort((x, y) => y.o - x.o)[0];
      const hint = g && g.o > 0 ? ` | overlaps gold ${short(g.x.content.text, 50)}` : '';
      out.push(`ATTR extra [${a.source?.text ?? '-'} / ${a.cue ? at(a.cue) : '-'}] ${short(at(a.content))} (${a.rule ?? ''})${hint}`);
    });
    void inside;
  }
  if (out.length) console.log(`## ${d.id} (${d.style})\n${out.join('\n')}\n`);
}
