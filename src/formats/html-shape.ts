// A cheap look at an HTML page's shape before it is parsed: DOM parsing and Readability cost
// grows much faster than the page (a few thousand nested elements take minutes), so pages
// nested deeper or holding more elements than any news page are refused at once with a 422
// that says which bound they broke. Pure; no I/O.

import { ApiError } from '../errors.js';

/** Deeper than any real page (browsers' HTML parsers stop nesting at 512). */
export const MAX_HTML_DEPTH = 256;
/** More elements than a news page has (a long article page with its navigation holds a few thousand). */
export const MAX_HTML_ELEMENTS = 10_000;

// Elements that never hold children, and those whose end tag is optional (the parser closes them
// itself when the next one starts): neither makes the page deeper.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command', 'basefont', 'frame', 'isindex']);
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rtc', 'rp', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'html', 'head', 'body']);
// Their content is text to the parser, not markup.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>|<!--[\s\S]*?-->/g;

/** Throws a 422 when the page nests deeper than MAX_HTML_DEPTH or holds more than MAX_HTML_ELEMENTS elements. */
export function checkHtmlShape(html: string): void {
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (!name) continue; // a comment
    if (match[1]) {
      if (!VOID.has(name) && !OPTIONAL_END.has(name) && depth > 0) depth--;
      continue;
    }
    elements++;
    if (elements > MAX_HTML_ELEMENTS) {
      throw new ApiError('unprocessable-content', `The HTML page holds more than ${MAX_HTML_ELEMENTS} elements; send the article itself (as text/plain or JSON).`);
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TAG.lastIndex;
      TAG.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name) || match[3]) continue;
    depth++;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_HTML_DEPTH) {
      throw new ApiError('unprocessable-content', `The HTML page nests elements more than ${MAX_HTML_DEPTH} deep; no news page does.`);
    }
  }
}
