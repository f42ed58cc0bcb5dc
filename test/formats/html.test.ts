import t from 'tap';
import { ApiError } from '../../src/errors.js';
import { parseHtml } from '../../src/formats/html.js';
import { story, storyAsHtmlPage } from './fixture-formats.js';

const problemOf = (work: () => unknown): { code: string; detail: string | undefined } => {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('expected a problem');
};

t.test('a news page gives its headline and exactly its article paragraphs', async (t) => {
  const article = parseHtml(storyAsHtmlPage());
  t.equal(article.headline, story.headline, 'the <h1> is the headline, without the site name of <title>');
  t.same(article.body.split('\n\n'), story.paragraphs, 'every <p> of the story, in order, nothing else');
});

t.test('navigation, ads, scripts, asides and the footer are dropped', async (t) => {
  const { body } = parseHtml(storyAsHtmlPage());
  for (const boilerplate of ['Home', 'Cheap flights', 'Buy now', 'dataLayer', 'Share on Twitter', 'Most read', 'All rights reserved', 'Privacy']) {
    t.notOk(body.includes(boilerplate), `no "${boilerplate}"`);
  }
});

t.test('page metadata becomes source, url, publication time and language', async (t) => {
  const article = parseHtml(storyAsHtmlPage());
  t.equal(article.source, story.source, 'og:site_name');
  t.equal(article.url, 'https://dunyanews.example/world/kim-putin-summit', 'the canonical link');
  t.equal(article.publishedAt, '2019-04-26T08:15:00.000Z', 'article:published_time');
  t.equal(article.language, 'en', '<html lang>');
});

t.test('entities are decoded and U+00A0 is kept as text, not collapsed like HTML whitespace', async (t) => {
  const article = parseHtml(
    '<html><body><article><h1>Fish &amp; chips</h1><p>Russia\u00a0s  leader   said &quot;no&quot; &lt;today&gt;.</p><p>Second paragraph here.</p></article></body></html>',
  );
  t.equal(article.headline, 'Fish & chips');
  t.same(article.body.split('\n\n'), ['Russia\u00a0s leader said "no" <today>.', 'Second paragraph here.']);
});

t.test('a page without an <h1> takes its headline from the title', async (t) => {
  const article = parseHtml(
    '<html><head><title>Harbour reopens after storm</title></head><body><div><p>The harbour reopened on Monday after a week of storms.</p><p>"We are relieved," said the harbour master.</p></div></body></html>',
  );
  t.equal(article.headline, 'Harbour reopens after storm');
  t.same(article.body.split('\n\n'), [
    'The harbour reopened on Monday after a week of storms.',
    '"We are relieved," said the harbour master.',
  ]);
});

t.test("a logo in the page's first <h1> is not the headline: the article's own <h1> is", async (t) => {
  const article = parseHtml(
    '<html><head><title>Harbour reopens after storm - Example News</title></head><body><header><h1><a href="/">Example News</a></h1></header><article><h1>Harbour reopens after storm</h1><p>The harbour reopened on Monday after a week of storms.</p><p>"We are relieved," said the harbour master.</p></article></body></html>',
  );
  t.equal(article.headline, 'Harbour reopens after storm');
  t.equal(article.body.split('\n\n').length, 2);
});

t.test('without an <h1> in the article the title is used, without the site name', async (t) => {
  const article = parseHtml(
    '<html><head><title>Harbour reopens after the storm | Example News</title></head><body><header><h1>Example News</h1></header><div class="story"><p>The harbour reopened on Monday after a week of storms.</p><p>"We are relieved," said the harbour master.</p></div></body></html>',
  );
  t.equal(article.headline, 'Harbour reopens after the storm');
});

t.test('broken or empty HTML is a clear 422', async (t) => {
  t.match(problemOf(() => parseHtml('   ')), { code: 'unprocessable-content', detail: /empty/ });
  t.match(problemOf(() => parseHtml('Just some words, no markup.')), { code: 'unprocessable-content', detail: /not HTML/ });
  t.match(problemOf(() => parseHtml('<html><head><title>Only a title</title></head><body><nav><a href="/">Home</a></nav><script>x()</script></body></html>')), {
    code: 'unprocessable-content',
    detail: /No article text/,
  });
  t.match(problemOf(() => parseHtml('<html><body><p>Text with no headline anywhere at all.</p></body></html>')), {
    code: 'unprocessable-content',
    detail: /no headline/,
  });
});
