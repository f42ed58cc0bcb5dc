// Stage: quotations in a headline with no cue of their own. Headlines quote the body: a body
// attribution that contains the same words gives the speaker. A headline quotation without any
// speaker is a title or a scare quote, and is dropped.

import type { Context } from './context.js';
import type { Attribution } from './model.js';

/** Headline quotations looked up in the body (a headline has a few at most). */
const MAX_HEADLINE_QUOTATIONS = 8;

export function attributeHeadlines(c: Context, atts: Attribution[]): Attribution[] {
  const body = atts.filter((a) => !a.headline && a.source);
  let looked = 0;
  for (const a of atts) {
    if (!a.headline || a.source || looked >= MAX_HEADLINE_QUOTATIONS) continue;
    looked++;
    const words = norm(c.text.slice(a.start, a.end));
    if (!words) continue;
    const same = body.find((b) => norm(c.text.slice(b.start, b.end)).includes(words));
    if (!same) continue;
    a.source = same.source;
    a.via = same.via;
    a.cue = same.cue;
    a.rule = 'headline-same-words';
    a.confidence = 0.8;
  }
  return atts.filter((a) => !a.headline || a.source);
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
