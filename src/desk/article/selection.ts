import { codePointLength } from './text-layout';

// Every run of article text is rendered as <span data-s="<code point offset>">: a point in the
// DOM maps back to an offset in the article's text by its run. Labels added beside the text
// (speaker names) have no data-s and are skipped.

const runOf = (node: Node | null): HTMLElement | null => {
  const element = node instanceof HTMLElement ? node : node?.parentElement ?? null;
  return element?.closest<HTMLElement>('[data-s]') ?? null;
};

const runsIn = (root: Node): HTMLElement[] =>
  root instanceof HTMLElement
    ? [...(root.matches('[data-s]') ? [root] : []), ...root.querySelectorAll<HTMLElement>('[data-s]')]
    : [];

function offsetAt(container: Node, offset: number, edge: 'start' | 'end', textRoot: HTMLElement): number | null {
  if (container.nodeType === Node.TEXT_NODE) {
    const run = runOf(container);
    if (!run) return null;
    return Number(run.dataset.s) + codePointLength((container.textContent ?? '').slice(0, offset));
  }
  // A point between child nodes: the run just after it (start) or just before it (end).
  const children = [...container.childNodes];
  const candidates = edge === 'start' ? children.slice(offset) : children.slice(0, offset).reverse();
  for (const child of candidates) {
    const runs = runsIn(child);
    const run = edge === 'start' ? runs[0] : runs.at(-1);
    if (run) return Number(run.dataset.s) + (edge === 'start' ? 0 : codePointLength(run.textContent ?? ''));
  }
  const run = runOf(container);
  if (run && textRoot.contains(run)) return Number(run.dataset.s) + (edge === 'start' ? 0 : codePointLength(run.textContent ?? ''));
  return null;
}

/** The selected span of the article text in code points, or null when nothing in it is selected. */
export function selectedSpan(textRoot: HTMLElement): { start: number; end: number } | null {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!textRoot.contains(range.commonAncestorContainer)) return null;
  const start = offsetAt(range.startContainer, range.startOffset, 'start', textRoot);
  const end = offsetAt(range.endContainer, range.endOffset, 'end', textRoot);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
