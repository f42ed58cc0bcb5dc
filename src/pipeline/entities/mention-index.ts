// Mentions in text order, with per-token indexes: the mention starting at a token (the longest when
// several do) and the outermost mention covering it. Quotes and references look names up through them.

import type { Mention } from './model.js';

export function sortMentions(mentions: Mention[]): void {
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function indexMentions(mentions: Mention[], tokenCount: number): { mentionAt: Int32Array; mentionCover: Int32Array } {
  const mentionAt = new Int32Array(tokenCount).fill(-1);
  const mentionCover = new Int32Array(tokenCount).fill(-1);
  mentions.forEach((m, idx) => {
    if (mentionAt[m.first] === -1) mentionAt[m.first] = idx;
    for (let k = m.first; k < m.last; k++) if (mentionCover[k] === -1) mentionCover[k] = idx;
  });
  return { mentionAt, mentionCover };
}
