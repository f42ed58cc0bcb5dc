// The example wire story rebuilt as the other formats newsrooms send: a ninjs 3.1 item (in the
// shape of IPTC's example text article) and an HTML page with navigation, ads and scripts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wireStory } from '../helpers/fixtures.js';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** IPTC's ninjs 3.1 example text article, as published. */
export const iptcExample = JSON.parse(
  readFileSync(path.join(fixturesDir, 'ninjs-3.1-example-text-article.json'), 'utf8'),
) as Record<string, unknown>;

const blocks = wireStory
  .replace(/\r\n?/g, '\n')
  .split(/\n[ \t]*\n/)
  .map((block) => block.trim())
  .filter((block) => block !== '');

/** The wire story's parts: headline line, source line, then the standfirst and paragraphs. */
export const story = {
  headline: blocks[0]!,
  source: blocks[1]!,
  paragraphs: blocks.slice(2),
};

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The story as ninjs 3.1: headline in `headlines`, the paragraphs as a plain-text body. */
export function storyAsNinjs(body: 'text' | 'xhtml' = 'text'): Record<string, unknown> {
  return {
    uri: 'urn:newsml:dunyanews.tv:20190426:kim-putin-summit',
    type: 'text',
    versionCreated: '2019-04-26T08:15:00Z',
    language: 'en',
    by: 'AFP',
    located: 'Vladivostok',
    infoSources: [{ name: story.source, role: 'publisher' }],
    headlines: [{ role: 'main', value: story.headline }],
    bodies: [
      body === 'text'
        ? { role: 'main', contentType: 'text/plain', value: story.paragraphs.join('\n\n') }
        : {
            role: 'richtext',
            contentType: 'application/xhtml+xml',
            value: story.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(' '),
          },
    ],
    subjects: [{ name: 'diplomacy', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000565' }],
  };
}

/** The story as a news site's page: the paragraphs in <p> inside navigation, ads and scripts. */
export function storyAsHtmlPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(story.headline)} | ${escapeHtml(story.source)}</title>
  <meta property="og:site_name" content="${escapeHtml(story.source)}">
  <meta property="article:published_time" content="2019-04-26T08:15:00Z">
  <link rel="canonical" href="https://dunyanews.example/world/kim-putin-summit">
  <script>window.dataLayer = [{ section: "world" }]; function showAd() { document.write("Buy now"); }</script>
  <style>.ad { border: 1px solid red }</style>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">${escapeHtml(story.source)}</a>
    <nav class="main-nav"><ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
      <li><a href="/sport">Sport</a></li><li><a href="/entertainment">Entertainment</a></li>
    </ul></nav>
  </header>
  <div class="ad ad-leaderboard" id="ad-top">Advertisement. Cheap flights to Vladivostok, book now and save 40 percent!</div>
  <main>
    <article class="story">
      <h1>${escapeHtml(story.headline)}</h1>
      <div class="share"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
      <div class="story-body">
${story.paragraphs.map((paragraph) => `        <p>${escapeHtml(paragraph)}</p>`).join('\n')}
      </div>
      <script>showAd();</script>
    </article>
    <aside class="most-read"><h2>Most read</h2><ol>
      <li><a href="/a">Markets slide as oil prices jump</a></li><li><a href="/b">Cricket board names new captain</a></li>
    </ol></aside>
  </main>
  <footer><p>© ${escapeHtml(story.source)}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  <script src="https://ads.example/tracker.js"></script>
</body>
</html>`;
}
