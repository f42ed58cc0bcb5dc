// Attribution: who said, wrote, thought or found what. The stages run in this order (each file
// states its reason):
//   quotations and tags (context) -> titles -> cues (verbs, adjectives, phrases, nouns,
//   labels) -> contents -> ownership ->
//   governing verbs -> attributions -> relays -> remaining quotations -> pronoun sources ->
//   first person in quotations -> headlines -> cap
// Works on tokens; offsets are UTF-16 here, annotate() converts them to code points.

import { findAdjectiveCues } from './adjective-cues.js';
import { buildAttributions } from './build.js';
import { findVerbCues } from './verb-cues.js';
import { settleContents } from './contents.js';
import { buildContext, type AttributionInput } from './context.js';
import { attributeRemaining } from './fallbacks.js';
import { embeddedSpeakers } from './governing.js';
import { attributeHeadlines } from './headlines.js';
import { findLabelCues } from './labels.js';
import type { Attribution } from './model.js';
import { nestedAttributions } from './nested.js';
import { findNounCues } from './noun-cues.js';
import { ownQuotations } from './ownership.js';
import { findPhraseCues } from './phrase-cues.js';
import { resolvePronounSources } from './pronoun-sources.js';
import { settleRelays } from './relays.js';
import { markTitles } from './titles.js';

export type { AttributionInput } from './context.js';

/**
 * Attributions kept per article. A 1 MB text of short quoted sentences would otherwise give tens of
 * thousands; the service stores each as a row, so the first ones in text order are kept.
 */
export const MAX_ATTRIBUTIONS_PER_ARTICLE = 2000;

export interface RawAttribution {
  /** Content span (UTF-16). */
  start: number;
  end: number;
  block: number;
  kind: Attribution['kind'];
  speakerEntity: number;
  speakerMention: number;
  /** Words naming the source when no entity does. */
  speakerSpan: { start: number; end: number } | null;
  viaEntity: number;
  viaSpan: { start: number; end: number } | null;
  cue: { start: number; end: number } | null;
  rule: string;
  confidence: number;
  /** Spans in quotation marks inside a mixed content. */
  quoted: { start: number; end: number }[];
}

export function findAttributions(input: AttributionInput): RawAttribution[] {
  const c = buildContext(input);
  const quotations = c.quotations;
  markTitles(c, quotations);
  const cues = settleContents(c, quotations, [...findVerbCues(c, quotations), ...findAdjectiveCues(c), ...findPhraseCues(c, quotations), ...findNounCues(c), ...findLabelCues(c)]);
  const owner = ownQuotations(c, quotations, cues);
  embeddedSpeakers(c, quotations, cues, owner);
  let atts = buildAttributions(c, quotations, cues, owner);
  atts = settleRelays(c, atts);
  atts = attributeRemaining(c, quotations, atts);
  resolvePronounSources(c, atts);
  atts = nestedAttributions(c, quotations, atts);
  atts = attributeHeadlines(c, atts);
  // a span in single marks without a source is more likely a scare quote than speech
  atts = atts.filter((a) => a.source || a.quotations.length !== 1 || !quotations[a.quotations[0]!]!.single || a.kind !== 'direct');
  atts.sort((a, b) => a.start - b.start || b.end - a.end);
  return atts.slice(0, MAX_ATTRIBUTIONS_PER_ARTICLE).map((a) => toRaw(c, quotations, a));
}

function toRaw(c: ReturnType<typeof buildContext>, quotations: { start: number; end: number }[], a: Attribution): RawAttribution {
  const { tokens, ents } = c;
  const span = (first: number, last: number) => ({ start: tokens[first]!.start, end: tokens[last - 1]!.end });
  const src = a.source;
  const via = a.via;
  return {
    start: a.start,
    end: a.end,
    block: a.block,
    kind: a.kind,
    speakerEntity: src && src.mention >= 0 ? ents.mentions[src.mention]!.entity : -1,
    speakerMention: src && src.mention >= 0 ? src.mention : -1,
    speakerSpan: src && src.mention < 0 ? span(src.first, src.last) : null,
    viaEntity: via && via.mention >= 0 ? ents.mentions[via.mention]!.entity : -1,
    viaSpan: via && via.mention < 0 ? span(via.first, via.last) : null,
    cue: a.cue ? span(a.cue.first, a.cue.last) : null,
    rule: a.rule,
    confidence: a.confidence,
    quoted: a.kind === 'mixed' ? a.quotations.map((q) => ({ start: quotations[q]!.start, end: quotations[q]!.end })) : [],
  };
}
