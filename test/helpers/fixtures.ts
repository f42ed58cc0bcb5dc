import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** The example wire story, exactly as received. */
export const wireStory = readFileSync(path.join(fixturesDir, 'vladivostok-summit.txt'), 'utf8');

export interface GoldQuote {
  start: number;
  end: number;
  text: string;
  speaker: string;
  via: string | null;
}

export const wireStoryGold = JSON.parse(readFileSync(path.join(fixturesDir, 'vladivostok-summit.gold.json'), 'utf8')) as {
  header: { headline: string; source: string; standfirst: string; dateline: { place: string; agency: string; text: string } };
  paragraphs: { count_after_headline_and_source_line: number };
  quotes: GoldQuote[];
};

/** Code-point slice of a text, the way the API counts offsets. */
export const sliceCodePoints = (text: string, start: number, end: number): string =>
  Array.from(text).slice(start, end).join('');

/** The example story as a JSON article: its headline, its source line, and the rest as the body. */
export function wireStoryAsJson(): { headline: string; source: string; body: string } {
  const blocks = wireStory.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/).map((block) => block.trim()).filter(Boolean);
  return { headline: blocks[0]!, source: blocks[1]!, body: blocks.slice(2).join('\n\n') };
}
