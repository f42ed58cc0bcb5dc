// What the pipeline's reported-speech and gender output becomes in stored rows, shared by ingest
// and revision so that both store an attribution the same way.
import type { EntityAnnotation, QuoteAnnotation } from '../pipeline/types.js';

/** The longest unnamed source stored (the column's length): longer words name no source. */
export const UNNAMED_SOURCE_MAX_LENGTH = 500;

export interface UnnamedSourceColumns {
  sourceText: string | null;
  sourceStart: number | null;
  sourceEnd: number | null;
}

const noUnnamedSource: UnnamedSourceColumns = { sourceText: null, sourceStart: null, sourceEnd: null };

/**
 * The unnamed source of a quote the pipeline found ("officials", "the report"), when its source is
 * no entity: a source is an entity or words, never both.
 */
export function unnamedSourceColumns(quote: QuoteAnnotation, speakerEntityId: string | null): UnnamedSourceColumns {
  const words = quote.speakerText;
  if (speakerEntityId !== null || !words || [...words.text].length > UNNAMED_SOURCE_MAX_LENGTH) return noUnnamedSource;
  return { sourceText: words.text, sourceStart: words.start, sourceEnd: words.end };
}

/** The gender the pipeline estimated for a person, when it gives one. */
export const genderEstimateOf = (entity: EntityAnnotation): 'female' | 'male' | 'unknown' | null => entity.gender ?? null;
