// What the pipeline's reported-speech and gender output becomes in stored rows, shared by ingest
// and revision so that both store an attribution the same way.
import type { CodePointText } from '../lib/code-points.js';
import type { EntityAnnotation, MentionAnnotation, QuoteAnnotation, TextSpan } from '../pipeline/types.js';
import { contextOf } from './text-anchor.js';

/** The longest unnamed source or relay stored (the columns' length): longer words name none. */
export const UNNAMED_SOURCE_MAX_LENGTH = 500;

export interface UnnamedSourceColumns {
  sourceText: string | null;
  sourceStart: number | null;
  sourceEnd: number | null;
}

export interface UnnamedViaColumns {
  viaText: string | null;
  viaStart: number | null;
  viaEnd: number | null;
}

/** Words naming no entity, when no entity was resolved for the same role: a role is one or the other. */
const unnamedWords = (words: TextSpan | null | undefined, entityId: string | null): TextSpan | null =>
  entityId === null && words && [...words.text].length <= UNNAMED_SOURCE_MAX_LENGTH ? words : null;

/** The unnamed source of a quote the pipeline found ("officials", "the report"). */
export function unnamedSourceColumns(quote: QuoteAnnotation, speakerEntityId: string | null): UnnamedSourceColumns {
  const words = unnamedWords(quote.speakerText, speakerEntityId);
  return { sourceText: words?.text ?? null, sourceStart: words?.start ?? null, sourceEnd: words?.end ?? null };
}

/** Who relayed the words when that is no entity ("..., state media said"). */
export function unnamedViaColumns(quote: QuoteAnnotation, viaEntityId: string | null): UnnamedViaColumns {
  const words = unnamedWords(quote.viaText, viaEntityId);
  return { viaText: words?.text ?? null, viaStart: words?.start ?? null, viaEnd: words?.end ?? null };
}

/** The columns of a mention the pipeline found that do not depend on how its entity is stored. */
export function machineMentionColumns(mention: MentionAnnotation, text: CodePointText) {
  return { start: mention.start, end: mention.end, text: mention.text, kind: mention.kind, ...contextOf(text, mention.start, mention.end) };
}

/**
 * The columns of a quote the pipeline found that do not depend on how its speaker and relay are
 * stored (entity ids, or keys that the storing statement resolves): span, kind, the speaker's
 * mention (by the ids given to the new mentions), unnamed source and relay (`speaker`, `via`: what
 * stands for the entity in that role, null for none), cue, rule, confidence, the words around it.
 */
export function machineQuoteColumns(quote: QuoteAnnotation, text: CodePointText, mentionIds: readonly (string | null | undefined)[], speaker: string | null, via: string | null) {
  return {
    paragraphIndex: quote.paragraphIndex,
    start: quote.start,
    end: quote.end,
    text: quote.text,
    kind: quote.kind,
    speakerMentionId: quote.speakerMentionIndex === null ? null : (mentionIds[quote.speakerMentionIndex] ?? null),
    ...unnamedSourceColumns(quote, speaker),
    ...unnamedViaColumns(quote, via),
    cueStart: quote.cue?.start ?? null,
    cueEnd: quote.cue?.end ?? null,
    cueText: quote.cue?.text ?? null,
    rule: quote.rule,
    confidence: quote.confidence,
    ...contextOf(text, quote.start, quote.end),
  };
}

/** The gender the pipeline estimated for a person, when it gives one. */
export const genderEstimateOf = (entity: EntityAnnotation): 'female' | 'male' | 'unknown' | null => entity.gender ?? null;
