// What the pipeline's reported-speech and gender output becomes in stored rows, shared by ingest
// and revision so that both store an attribution the same way.
import type { EntityAnnotation, QuoteAnnotation, TextSpan } from '../pipeline/types.js';

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

/** The gender the pipeline estimated for a person, when it gives one. */
export const genderEstimateOf = (entity: EntityAnnotation): 'female' | 'male' | 'unknown' | null => entity.gender ?? null;
