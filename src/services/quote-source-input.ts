// An editor's choice of a quote's source: an entity (speakerEntityId, speakerMentionId) or the
// words of an unnamed source (unnamedSource), never both.
import { ApiError } from '../errors.js';
import type { CodePointText } from '../lib/code-points.js';
import type { UnnamedSourceInput } from '../schemas/editorial.js';
import { UNNAMED_SOURCE_MAX_LENGTH, type UnnamedSourceColumns } from './pipeline-columns.js';
import { anchorSpan } from './text-anchor.js';

interface SourceInput {
  speakerEntityId?: string | null | undefined;
  speakerMentionId?: string | null | undefined;
  unnamedSource?: UnnamedSourceInput | null | undefined;
}

type SourceChange = Partial<UnnamedSourceColumns> & { speakerEntityId?: null; speakerMentionId?: null };

/**
 * The columns an input changes about the unnamed source: its words checked against the article
 * (like every span, and against `text` when the client sent it) with the speaker cleared; cleared
 * when the input names a speaker or sets it to null; nothing otherwise. Both at once is a 400.
 */
export function unnamedSourceChange(text: CodePointText, input: SourceInput): SourceChange {
  const namesSpeaker = Boolean(input.speakerEntityId) || Boolean(input.speakerMentionId);
  const words = input.unnamedSource;
  if (words) {
    if (namesSpeaker) {
      throw new ApiError(
        'validation-failed',
        'A source is an entity (speakerEntityId, speakerMentionId) or unnamed words (unnamedSource), not both.',
      );
    }
    const anchor = anchorSpan(text, words.start, words.end, 'unnamedSource');
    if (words.text !== undefined && words.text !== anchor.text) {
      throw new ApiError(
        'unprocessable-content',
        `unnamedSource.text does not match the text at [${words.start}, ${words.end}) (offsets count Unicode code points).`,
      );
    }
    if (words.end - words.start > UNNAMED_SOURCE_MAX_LENGTH) {
      throw new ApiError('unprocessable-content', `unnamedSource is longer than ${UNNAMED_SOURCE_MAX_LENGTH} code points.`);
    }
    return { sourceText: anchor.text, sourceStart: anchor.start, sourceEnd: anchor.end, speakerEntityId: null, speakerMentionId: null };
  }
  if (words === null || namesSpeaker) return { sourceText: null, sourceStart: null, sourceEnd: null };
  return {};
}
