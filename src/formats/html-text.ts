// HTML to paragraph text: block elements become paragraphs separated by blank lines, inline markup
// is flattened, scripts, styles, navigation and other furniture are dropped. Pure; no I/O.

import { parseHTML } from './dom.js';

/** The part of the DOM node interface this module reads (linkedom's nodes have it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Elements whose content is never article text.
const DROPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO',
  'NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'LABEL', 'FIGURE', 'FIGCAPTION',
  'IMG', 'PICTURE', 'HEAD', 'TITLE', 'META', 'LINK',
]);

// Elements that start and end a paragraph.
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE',
  'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'HR',
  'ADDRESS', 'BODY', 'HTML', 'CENTER', 'DETAILS', 'SUMMARY',
]);

// HTML collapses ASCII whitespace only: U+00A0 and other Unicode spaces are text and are kept.
const HTML_WHITESPACE = /[ \t\n\r\f]+/g;

/**
 * The paragraphs of an HTML element, in document order: the text of every block, whitespace
 * collapsed the way a browser shows it; `<br>` is a line break, two in a row end a paragraph.
 */
export function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = () => {
    for (const part of buffer.split(/\n[ \n]*\n/)) {
      const paragraph = part
        .split('\n')
        .map((line) => line.replace(/^ +| +$/g, ''))
        .filter((line) => line !== '')
        .join('\n');
      if (paragraph !== '') paragraphs.push(paragraph);
    }
    buffer = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      buffer += (node.textContent ?? '').replace(HTML_WHITESPACE, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    const hidden = node.getAttribute?.('hidden') ?? null;
    if (DROPPED.has(name) || hidden !== null || node.getAttribute?.('aria-hidden') === 'true') return;
    if (name === 'BR') {
      buffer += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    if (name === 'PRE') {
      buffer += (node.textContent ?? '').replace(/\r\n?/g, '\n');
    } else {
      for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

/** The paragraphs of an HTML or XHTML fragment (a ninjs XHTML body, say). */
export function paragraphsOfFragment(markup: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${markup}</body></html>`);
  return paragraphsOf(document.body as unknown as DomNode);
}
