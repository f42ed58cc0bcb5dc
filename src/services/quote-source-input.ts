// An editor's choice of who said a quote and who relayed it: each is an entity or the words of an
// unnamed source (unnamedSource, unnamedVia), never both.
import { ApiError } from '../errors.js';
import type { CodePointText } from '../lib/code-points.js';
import type { UnnamedSourceInput } from '../schemas/editorial.js';
import { UNNAMED_SOURCE_MAX_LENGTH, type UnnamedSourceColumns, type UnnamedViaColumns } from './pipeline-columns.js';
import { anchorSpan } from './text-anchor.js';

interface WordsInput {
  speakerEntityId?: string | null | undefined;
  speakerMentionId?: string | null | undefined;
  unnamedSource?: UnnamedSourceInput | null | undefined;
  viaEntityId?: string | null | undefined;
  unnamedVia?: UnnamedSourceInput | null | undefined;
}

type WordsChange = Partial<UnnamedSourceColumns & UnnamedViaColumns> & {
  speakerEntityId?: null;
  speakerMentionId?: null;
  viaEntityId?: null;
};

// Each role: its unnamed words field, the entity fields it excludes, and its columns.
const roles = [
  { words: 'unnamedSource', entities: ['speakerEntityId', 'speakerMentionId'], columns: ['sourceText', 'sourceStart', 'sourceEnd'] },
  { words: 'unnamedVia', entities: ['viaEntityId'], columns: ['viaText', 'viaStart', 'viaEnd'] },
] as const;

/**
 * The columns an input changes about unnamed words, for the source and for the relay: the words
 * checked against the article (like every span, and against `text` when the client sent it) with
 * the role's entity cleared; cleared when the input names an entity for the role or sets the words
 * to null; nothing otherwise. An entity and words for one role at once is a 400.
 */
export function unnamedWordsChange(text: CodePointText, input: WordsInput): WordsChange {
  const change: Record<string, unknown> = {};
  for (const role of roles) {
    const namesEntity = role.entities.some((field) => Boolean(input[field]));
    const words = input[role.words];
    const [textColumn, startColumn, endColumn] = role.columns;
    if (words) {
      if (namesEntity) {
        throw new ApiError('validation-failed', `Give ${role.entities.join(' or ')} or ${role.words}, not both: each names the same role.`);
      }
      const anchor = anchorSpan(text, words.start, words.end, role.words);
      if (words.text !== undefined && words.text !== anchor.text) {
        throw new ApiError(
          'unprocessable-content',
          `${role.words}.text does not match the text at [${words.start}, ${words.end}) (offsets count Unicode code points).`,
        );
      }
      if (words.end - words.start > UNNAMED_SOURCE_MAX_LENGTH) {
        throw new ApiError('unprocessable-content', `${role.words} is longer than ${UNNAMED_SOURCE_MAX_LENGTH} code points.`);
      }
      Object.assign(change, { [textColumn]: anchor.text, [startColumn]: anchor.start, [endColumn]: anchor.end });
      for (const field of role.entities) change[field] = null;
    } else if (words === null || namesEntity) {
      Object.assign(change, { [textColumn]: null, [startColumn]: null, [endColumn]: null });
    }
  }
  return change as WordsChange;
}
