// An HTML page (text/html) to the JSON ingest shape: Mozilla's Readability (the Firefox Reader
// View algorithm) on a linkedom DOM finds the article and drops navigation, ads, scripts and other
// furniture; its content becomes paragraphs. Pure; no I/O. The HTML itself is not kept.

import { Readability } from '@mozilla/readability';
import { parseHTML } from './dom.js';
import { ApiError } from '../errors.js';
import { checkArticle, dateTime, languageTag, oneLine, type FormatArticle } from './article-input.js';
import { checkHtmlShape } from './html-shape.js';
import { paragraphsOf, type DomNode } from './html-text.js';

export const HTML_MEDIA_TYPE = 'text/html';

/** Upper bound on elements Readability looks at; bigger pages are a 422, not a stalled request. */
const MAX_ELEMENTS = 50_000;

interface DomDocument {
  title: string;
  querySelector(selector: string): (DomNode & { getAttribute(name: string): string | null }) | null;
}

const metaContent = (document: DomDocument, ...selectors: string[]): string | undefined => {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content') ?? undefined;
    if (value?.trim()) return value.trim();
  }
  return undefined;
};

function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The main article of an HTML page, its paragraphs kept. The headline is the `<h1>` inside
 * `<article>` or `<main>`, else Readability's title (og:title, or `<title>` without the site name); `og:site_name` (or `application-name`) is the source; the canonical URL is
 * the url; `article:published_time` the publication time; `<html lang>` the language.
 * Throws a 422 `unprocessable-content` when the page has no article text.
 */
export function parseHtml(html: string): FormatArticle {
  if (html.trim() === '') throw new ApiError('unprocessable-content', 'The HTML page is empty.');
  if (!/<[a-zA-Z!?/]/.test(html)) {
    throw new ApiError('unprocessable-content', 'The body is not HTML (no tags); send plain text as text/plain.');
  }
  checkHtmlShape(html);
  const { document } = parseHTML(html);
  const doc = document as unknown as DomDocument;
  // Read what Readability changes (it rewrites the DOM) before it runs.
  // The article's own <h1>: sites often spend the page's first <h1> on their logo.
  const articleH1 = oneLine(document.querySelector('article h1, main h1, [role="main"] h1')?.textContent, 1000);
  const firstH1 = oneLine(document.querySelector('h1')?.textContent, 1000);
  const canonical =
    httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    httpUrl(metaContent(doc, 'meta[property="og:url"]'));
  const lang = languageTag(document.documentElement?.getAttribute('lang'));
  const siteName = metaContent(doc, 'meta[property="og:site_name"]', 'meta[name="application-name"]');

  let parsed: ReturnType<Readability<DomNode>['parse']>;
  try {
    parsed = new Readability<DomNode>(document as never, {
      maxElemsToParse: MAX_ELEMENTS,
      // Hand back the article element itself: its paragraphs are read from the DOM, not reparsed.
      serializer: (node) => node as unknown as DomNode,
    }).parse();
  } catch (error) {
    throw new ApiError('unprocessable-content', `The HTML page could not be read: ${(error as Error).message}`);
  }
  const paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  const headline = articleH1 ?? oneLine(parsed?.title, 1000) ?? firstH1 ?? oneLine(doc.title, 1000);
  if (!headline) throw new ApiError('unprocessable-content', 'The HTML page has no headline (no <h1> and no <title>).');
  // Readability may keep the headline as the first block of the content: it is the headline, not a paragraph.
  if (paragraphs[0] !== undefined && oneLine(paragraphs[0]) === headline) paragraphs.shift();
  if (paragraphs.length === 0) throw new ApiError('unprocessable-content', 'No article text was found in the HTML page.');

  const source = oneLine(siteName ?? parsed?.siteName, 200);
  const publishedAt = dateTime(parsed?.publishedTime ?? metaContent(doc, 'meta[property="article:published_time"]'));
  const language = lang ?? languageTag(parsed?.lang);
  const byline = oneLine(parsed?.byline, 500);
  return checkArticle(
    {
      headline,
      body: paragraphs.join('\n\n'),
      ...(source ? { source } : {}),
      ...(canonical ? { url: canonical } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(language ? { language } : {}),
      ...(byline ? { byline } : {}),
    },
    'HTML',
  );
}
