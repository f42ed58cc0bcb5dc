// Reads the challenge set's marked-up articles (test/pipeline/challenge/articles/*.txt) and
// builds gold documents in the shape of ../shared/eval/gum-news-dev.jsonl, so score.mjs can
// score them. Offsets are computed here, never written by hand; every span is checked against
// the text it claims to cover. The markup is described in test/pipeline/challenge/README.md.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Style = 'political' | 'encyclopedic' | 'other';
type NerType = 'PERSON' | 'ORG' | 'LOC';

interface Span {
  start: number;
  end: number;
}
interface TextSpan extends Span {
  text: string;
}

export interface GoldEntity extends TextSpan {
  head_start: number;
  head_end: number;
  type: NerType;
  gum_type: 'person' | 'organization' | 'place';
  mention_start: number;
  mention_end: number;
  mention_text: string;
  entity_id: string;
  wiki: null;
}

export interface GoldQuote extends TextSpan {
  closed: boolean;
  continuation: boolean;
  n_words: number;
  gum_quote_tag: false;
  speaker: TextSpan | null;
  cue: TextSpan | null;
  speaker_entity_id: string | null;
  speaker_name: string | null;
  speaker_wiki: null;
  speaker_source: 'challenge_attribution' | 'challenge_continuation' | null;
  speaker_chain_spans: [number, number][];
}

export interface GoldAttribution {
  relation: 'attribution-positive' | 'attribution-negative';
  kind: 'reported';
  content: TextSpan;
  source: TextSpan | null;
  cue: TextSpan | null;
  direct: boolean;
  quoted_fraction: number;
  nested: boolean;
  source_entity_id: string | null;
  source_name: string | null;
  source_chain_spans: [number, number][];
  source_via: 'challenge_markup';
  cue_via: 'challenge_markup';
  satellite: null;
  content_erst: null;
  content_extended_to_quotation: false;
  erst: null;
}

export interface GoldDoc {
  id: string;
  source: 'challenge';
  style: Style;
  title: string;
  text: string;
  paragraphs: { start: number; end: number; type: 'head' | 'p' }[];
  entities: GoldEntity[];
  entities_excluded: [];
  quotes: GoldQuote[];
  attributions: GoldAttribution[];
}

/** One `[words]{spec}` of the markup, with its offsets (UTF-16) in the clean text. */
interface Marked extends Span {
  type?: NerType;
  chain?: string;
  roles: { role: 'c' | 's' | 'k' | 'q'; n: number }[];
  head?: number;
  block: boolean;
  nest: boolean;
  forceDirect: boolean;
  negative: boolean;
}

const TYPE_OF: Record<string, NerType> = { P: 'PERSON', O: 'ORG', L: 'LOC' };
const GUM_TYPE = { PERSON: 'person', ORG: 'organization', LOC: 'place' } as const;

// Quotation-mark spans: double quotes (straight or curly) within a line; single quotes (UK style,
// headlines) opened after a space, bracket, dash or line start and closed before a space or
// punctuation, so that apostrophes ("Anne's", "didn't") never delimit a span.
const DOUBLE_QUOTE = /["\u201c][^"\u201c\u201d\n]+?["\u201d]/g;
const SINGLE_QUOTE = /(?<=^|[\s(\u201c"\u2014-])['\u2018](?=[\p{L}\p{N}])[^\n]*?\S['\u2019](?=[\s.,;:!?)"\u201d\u2014-]|$)/gmu;
const WORD = /[\p{L}\p{N}]+/gu;

class MarkupError extends Error {}

function fail(file: string, message: string): never {
  throw new MarkupError(`${file}: ${message}`);
}

function parseSpec(file: string, spec: string, span: Span): Marked {
  const m: Marked = { ...span, roles: [], block: false, nest: false, forceDirect: false, negative: false };
  for (const tok of spec.trim().split(/\s+/).filter(Boolean)) {
    let r: RegExpExecArray | null;
    if (TYPE_OF[tok]) m.type = TYPE_OF[tok];
    else if ((r = /^=([\w-]+)$/.exec(tok))) m.chain = r[1];
    else if ((r = /^([cskq])(\d+)$/.exec(tok))) m.roles.push({ role: r[1] as 'c' | 's' | 'k' | 'q', n: Number(r[2]) });
    else if ((r = /^h(\d+)$/.exec(tok))) m.head = Number(r[1]);
    else if (tok === '-') m.block = true;
    else if (tok === '+') m.nest = true;
    else if (tok === 'D') m.forceDirect = true;
    else if (tok === 'NEG') m.negative = true;
    else fail(file, `unknown markup token ${JSON.stringify(tok)} in {${spec}}`);
  }
  return m;
}

/** Strips `[words]{spec}` markup (nestable) and returns the clean text with the marked spans. */
function parseBody(file: string, body: string): { text: string; marks: Marked[] } {
  let out = '';
  const open: number[] = [];
  const marks: Marked[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '[') {
      open.push(out.length);
    } else if (ch === ']') {
      if (body[i + 1] !== '{') fail(file, `']' without '{spec}' near ${JSON.stringify(body.slice(Math.max(0, i - 40), i + 10))}`);
      const close = body.indexOf('}', i);
      const start = open.pop();
      if (start === undefined) fail(file, `unbalanced ']' near ${JSON.stringify(body.slice(Math.max(0, i - 40), i + 10))}`);
      marks.push(parseSpec(file, body.slice(i + 2, close), { start, end: out.length }));
      i = close;
    } else if (ch === '{' || ch === '}') {
      fail(file, `stray ${ch} near ${JSON.stringify(body.slice(Math.max(0, i - 40), i + 10))}`);
    } else {
      out += ch;
    }
  }
  if (open.length) fail(file, `unclosed '[' at ${JSON.stringify(out.slice(open[0], open[0]! + 40))}`);
  return { text: out, marks };
}

interface Declaration {
  type: NerType;
  chain: string;
  nest: boolean;
  /** Index of the head token when the rule in headOf gets it wrong ("Justice for Newcomers Coalition"). */
  head?: number;
  surfaces: string[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const inside = (a: Span, b: Span): boolean => a.start >= b.start && a.end <= b.end;
const crosses = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end && !inside(a, b) && !inside(b, a);
const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

/**
 * Marks every whole-word occurrence of each declared name, longest first. A name inside a longer
 * name is marked only when the longer one allows nesting (`+`) and names another entity; an
 * occurrence that crosses a marked name or lies in a `{-}` span is left alone.
 */
function tagDeclared(text: string, marks: Marked[], decls: Declaration[]): Marked[] {
  const typed = marks.filter((m) => m.type);
  const blocks = marks.filter((m) => m.block);
  const nestOK = new Set(decls.filter((d) => d.nest).map((d) => d.chain));
  const candidates: { span: Span; decl: Declaration }[] = [];
  for (const d of decls) {
    for (const s of d.surfaces) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(s)}(?![\\p{L}\\p{N}])`, 'gu');
      for (const m of text.matchAll(re)) candidates.push({ span: { start: m.index, end: m.index + s.length }, decl: d });
    }
  }
  candidates.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start);
  const added: Marked[] = [];
  for (const { span, decl } of candidates) {
    const all = [...typed, ...added];
    if (blocks.some((b) => span.start < b.end && b.start < span.end)) continue;
    if (all.some((t) => same(t, span) || crosses(t, span))) continue;
    const containers = all.filter((t) => inside(span, t));
    if (containers.some((t) => t.chain === decl.chain || !(t.nest || (t.chain !== undefined && nestOK.has(t.chain))))) continue;
    added.push({ ...span, type: decl.type, chain: decl.chain, head: decl.head, roles: [], block: false, nest: decl.nest, forceDirect: false, negative: false });
  }
  return added;
}

const CONNECTORS = new Set(['of', 'for', 'on', 'de', 'del', 'di', 'at', 'in']);

/** The head token of a name: the first for a person (flat names) or an '&' firm, else the noun before 'of', else the last. */
function headOf(text: string, m: Marked): Span {
  const toks = [...text.slice(m.start, m.end).matchAll(/\S+/g)].map((t) => ({ start: m.start + t.index, end: m.start + t.index + t[0].length, w: t[0] }));
  let i: number;
  if (m.head !== undefined) i = m.head;
  else if (m.type === 'PERSON') i = 0;
  else if (toks.some((t) => t.w === '&' || t.w === 'and')) {
    // "Harlow & Finch" is a coordination headed by its first member; "Granite & Crane Advisors" by its noun
    const amp = toks.findIndex((t) => t.w === '&' || t.w === 'and');
    i = toks.length - amp - 1 > 1 ? toks.length - 1 : 0;
  } else {
    const c = toks.findIndex((t, k) => k > 0 && CONNECTORS.has(t.w));
    i = c > 0 ? c - 1 : toks.length - 1;
  }
  const t = toks[i];
  if (!t) throw new MarkupError(`no head token ${i} in ${JSON.stringify(text.slice(m.start, m.end))}`);
  return { start: t.start, end: t.end };
}

/** UTF-16 offset to code-point offset (the gold files count code points). */
function codePointIndex(text: string): (i: number) => number {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      map[i + 1] = cp;
      i++;
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

export function buildDoc(file: string, source: string): GoldDoc {
  const sep = source.indexOf('\n---\n');
  if (sep < 0) fail(file, 'no --- line between header and body');
  const header = source.slice(0, sep).split('\n');
  const meta: Record<string, string> = {};
  const decls: Declaration[] = [];
  for (const line of header) {
    if (!line.trim() || line.startsWith('#')) continue;
    let r: RegExpExecArray | null;
    if ((r = /^@([POL])\s+([\w-]+)\s*(\+)?\s*(?:h(\d+))?\s*:\s*(.+)$/.exec(line))) {
      const head = r[4] === undefined ? undefined : Number(r[4]);
      decls.push({ type: TYPE_OF[r[1]!]!, chain: r[2]!, nest: !!r[3], head, surfaces: r[5]!.split(';').map((s) => s.trim()).filter(Boolean) });
    } else if ((r = /^(\w+):\s*(.*)$/.exec(line))) meta[r[1]!] = r[2]!;
    else fail(file, `bad header line ${JSON.stringify(line)}`);
  }
  const style = meta.style as Style;
  if (!['political', 'encyclopedic', 'other'].includes(style)) fail(file, `style must be political, encyclopedic or other`);
  if (!meta.id) fail(file, 'no id');
  const body = source
    .slice(sep + 5)
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .join('\n\n');
  const { text, marks } = parseBody(file, body);
  const chains = new Set(decls.map((d) => d.chain));
  for (const m of marks) {
    if (text.slice(m.start, m.end) !== text.slice(m.start, m.end).trim()) fail(file, `span with outer spaces: ${JSON.stringify(text.slice(m.start, m.end))}`);
    if (m.chain) chains.add(m.chain);
  }
  const all = [...marks, ...tagDeclared(text, marks, decls)];
  const cp = codePointIndex(text);
  const span = (s: Span): TextSpan => ({ start: cp(s.start), end: cp(s.end), text: text.slice(s.start, s.end) });

  // ---- entities ----
  let auto = 0;
  const autoChain = new Map<string, string>();
  const chainOf = (m: Marked): string => {
    if (m.chain) return m.chain;
    const key = `${m.type}:${text.slice(m.start, m.end)}`;
    if (!autoChain.has(key)) autoChain.set(key, `x${auto++}`);
    return autoChain.get(key)!;
  };
  const entities: GoldEntity[] = all
    .filter((m) => m.type)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((m) => {
      const t = text.slice(m.start, m.end);
      if (/^(the|The)\s/.test(t) || /['\u2019]s$/.test(t) || /[,;:]$/.test(t)) fail(file, `entity span with an article, possessive or punctuation: ${JSON.stringify(t)}`);
      const h = headOf(text, m);
      const s = span(m);
      return { ...s, head_start: cp(h.start), head_end: cp(h.end), type: m.type!, gum_type: GUM_TYPE[m.type!], mention_start: s.start, mention_end: s.end, mention_text: s.text, entity_id: chainOf(m), wiki: null };
    });

  // ---- coreference chains (names, and pronouns or descriptions marked with =chain) ----
  const chainSpans = new Map<string, Span[]>();
  for (const m of all) {
    const c = m.type ? chainOf(m) : m.chain;
    if (!c) continue;
    if (!chainSpans.has(c)) chainSpans.set(c, []);
    chainSpans.get(c)!.push(m);
  }
  const longestName = (c: string): string | null => {
    const names = all.filter((m) => m.type && chainOf(m) === c).map((m) => text.slice(m.start, m.end));
    return names.sort((a, b) => b.length - a.length)[0] ?? null;
  };

  // ---- attributions ----
  const byN = new Map<number, { c?: Marked; s?: Marked; k?: Marked; q: Marked[] }>();
  for (const m of marks) {
    for (const { role, n } of m.roles) {
      if (!byN.has(n)) byN.set(n, { q: [] });
      const a = byN.get(n)!;
      if (role === 'q') a.q.push(m);
      else {
        if (a[role]) fail(file, `attribution ${n} has two ${role} spans`);
        a[role] = m;
      }
    }
  }
  const quoteSpans: Span[] = [];
  for (const re of [DOUBLE_QUOTE, SINGLE_QUOTE]) for (const m of text.matchAll(re)) quoteSpans.push({ start: m.index, end: m.index + m[0].length });
  quoteSpans.sort((a, b) => a.start - b.start);
  const words = (s: Span): Span[] => [...text.slice(s.start, s.end).matchAll(WORD)].map((w) => ({ start: s.start + w.index, end: s.start + w.index + w[0].length }));

  /** The source's chain: its own =chain, else the name it is (or ends with, for a person), else itself alone. */
  const sourceChain = (s: Marked): string | null => {
    if (s.chain) return s.chain;
    const names = all.filter((m) => m.type && inside(m, s));
    const outer = names.filter((m) => !names.some((o) => o !== m && inside(m, o)));
    const exact = outer.find((m) => same(m, s) || (text.slice(s.start, m.start).match(/^(the|The)\s+$/) && m.end === s.end));
    if (exact) return chainOf(exact);
    // "Former Gov. Jordan Hale" is Hale; "aides to Hale" and "Hale's spokesman" are not
    const person = outer.filter((m) => m.type === 'PERSON' && m.end === s.end && !/\b(to|of|for|from|with|by|at|in|on|near)\b|['\u2019]s\b/.test(text.slice(s.start, m.start)));
    return person.length === 1 ? chainOf(person[0]!) : null;
  };

  const records: { n: number; rec: GoldAttribution; content: Span; sourceSpan: Span | null; chain: string | null }[] = [];
  for (const [n, a] of [...byN].sort((x, y) => x[0] - y[0])) {
    if (!a.c) {
      if (a.q.length && !a.s && !a.k) continue; // q0: a quotation with no speaker
      fail(file, `attribution ${n} has no content`);
    }
    const c = a.c;
    // an interrupted quotation ('"A," she said, "B."') holds its own source and cue; nothing may cross it
    if (a.s && crosses(a.s, c)) fail(file, `attribution ${n}: source crosses its content`);
    if (a.k && crosses(a.k, c)) fail(file, `attribution ${n}: cue crosses its content`);
    const ws = words(c);
    const quotedWords = ws.filter((w) => quoteSpans.some((q) => inside(w, q))).length;
    const fraction = ws.length ? quotedWords / ws.length : 0;
    const chain = a.s ? sourceChain(a.s) : null;
    const spans = chain ? (chainSpans.get(chain) ?? []) : [];
    if (a.s && !spans.some((x) => same(x, a.s!))) spans.push(a.s);
    records.push({
      n,
      content: c,
      sourceSpan: a.s ?? null,
      chain,
      rec: {
        relation: c.negative ? 'attribution-negative' : 'attribution-positive',
        kind: 'reported',
        content: span(c),
        source: a.s ? span(a.s) : null,
        cue: a.k ? span(a.k) : null,
        direct: c.forceDirect || fraction >= 0.5,
        quoted_fraction: +fraction.toFixed(4),
        nested: false,
        source_entity_id: chain ?? (a.s ? `src${n}` : null),
        source_name: chain ? longestName(chain) : null,
        source_chain_spans: [...spans].sort((x, y) => x.start - y.start).map((x) => [cp(x.start), cp(x.end)]),
        source_via: 'challenge_markup',
        cue_via: 'challenge_markup',
        satellite: null,
        content_erst: null,
        content_extended_to_quotation: false,
        erst: null,
      },
    });
  }
  // nested: the attributing clause lies inside another attribution's content
  for (const r of records) {
    const a = byN.get(r.n)!;
    const clause = a.k ?? a.s;
    r.rec.nested = !!clause && records.some((o) => o !== r && inside(clause, o.content));
  }

  // ---- quotes: every quotation-mark span, with the speaker of the innermost content holding it ----
  const quotes: GoldQuote[] = quoteSpans.map((q) => {
    const explicit = marks.find((m) => m.roles.some((r) => r.role === 'q') && (same(m, q) || inside(q, m)));
    let holder: (typeof records)[number] | undefined;
    let continuation = false;
    if (explicit) {
      const n = explicit.roles.find((r) => r.role === 'q')!.n;
      holder = records.find((r) => r.n === n);
      continuation = n !== 0;
      if (n !== 0 && !holder) fail(file, `q${n} names no attribution`);
    } else {
      const partial = records.find((r) => crosses(r.content, q));
      if (partial) fail(file, `quotation ${JSON.stringify(text.slice(q.start, q.end).slice(0, 50))} crosses content ${partial.n}`);
      holder = records.filter((r) => inside(q, r.content)).sort((x, y) => x.content.end - x.content.start - (y.content.end - y.content.start))[0];
    }
    const s = holder?.sourceSpan ?? null;
    return {
      ...span(q),
      closed: true,
      continuation,
      n_words: words(q).length,
      gum_quote_tag: false,
      speaker: s ? span(s) : null,
      cue: holder?.rec.cue ?? null,
      speaker_entity_id: s ? holder!.rec.source_entity_id : null,
      speaker_name: s ? holder!.rec.source_name : null,
      speaker_wiki: null,
      speaker_source: s ? (continuation ? 'challenge_continuation' : 'challenge_attribution') : null,
      speaker_chain_spans: s ? holder!.rec.source_chain_spans : [],
    };
  });

  const paragraphs: GoldDoc['paragraphs'] = [];
  for (const m of text.matchAll(/[^\n]+/g)) paragraphs.push({ start: cp(m.index), end: cp(m.index + m[0].length), type: paragraphs.length ? 'p' : 'head' });

  const doc: GoldDoc = {
    id: meta.id,
    source: 'challenge',
    style,
    title: meta.title ?? text.slice(0, text.indexOf('\n')),
    text,
    paragraphs,
    entities,
    entities_excluded: [],
    quotes,
    attributions: records.map((r) => r.rec),
  };
  checkDoc(file, doc);
  return doc;
}

/** Every span's text is the text it covers (code-point offsets), heads lie in their names. */
function checkDoc(file: string, d: GoldDoc): void {
  const cps = Array.from(d.text);
  const at = (s: { start: number; end: number }): string => cps.slice(s.start, s.end).join('');
  const check = (s: TextSpan | null, what: string): void => {
    if (s && at(s) !== s.text) fail(file, `${what}: ${JSON.stringify(s.text)} != text ${JSON.stringify(at(s))}`);
  };
  for (const e of d.entities) {
    check(e, 'entity');
    if (e.head_start < e.start || e.head_end > e.end) fail(file, `head outside ${e.text}`);
  }
  for (const q of d.quotes) {
    check(q, 'quote');
    check(q.speaker, 'speaker');
  }
  for (const a of d.attributions) {
    check(a.content, 'content');
    check(a.source, 'source');
    check(a.cue, 'cue');
    if (!a.content.text.trim()) fail(file, 'empty content');
  }
}

export function readChallenge(dir: string): GoldDoc[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const docs = files.map((f) => buildDoc(f, readFileSync(join(dir, f), 'utf8')));
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.id)) throw new MarkupError(`duplicate id ${d.id}`);
    ids.add(d.id);
  }
  return docs;
}

/**
 * Checks a built gold file as read back: every entity, quote, speaker, content, source and cue
 * covers its own text (code-point offsets), and every head lies inside its entity. Returns how many
 * spans it read and one line per mismatch.
 */
export function spanMismatches(docs: GoldDoc[]): { spans: number; errors: string[] } {
  let spans = 0;
  const errors: string[] = [];
  for (const d of docs) {
    const cps = Array.from(d.text);
    const at = (s: { start: number; end: number }): string => cps.slice(s.start, s.end).join('');
    const all = [
      ...d.entities,
      ...d.quotes,
      ...d.quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])),
      ...d.attributions.flatMap((a) => [a.content, ...(a.source ? [a.source] : []), ...(a.cue ? [a.cue] : [])]),
    ];
    for (const s of all) {
      spans++;
      if (at(s) !== s.text) errors.push(`${d.id}: ${JSON.stringify(s.text)} at ${s.start}-${s.end} covers ${JSON.stringify(at(s))}`);
    }
    for (const e of d.entities) if (e.head_start < e.start || e.head_end > e.end) errors.push(`${d.id}: head outside ${e.text}`);
  }
  return { spans, errors };
}
