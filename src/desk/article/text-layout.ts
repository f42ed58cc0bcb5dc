// Lays an article's text out as blocks (paragraphs) holding nested marks (quotes, cues, mentions),
// from spans in code points. Marks that cross a block or another mark's end are cut into pieces
// that nest properly; every piece keeps its mark and says whether it is the mark's first or last.
// Pure: no DOM, so it is tested without a browser.

export type MarkKind = 'quote' | 'cue' | 'mention';

export interface Mark {
  kind: MarkKind;
  id: string;
  start: number;
  end: number;
}

export interface TextNode {
  type: 'text';
  start: number;
  end: number;
  text: string;
}

export interface MarkNode<M extends Mark = Mark> {
  type: 'mark';
  mark: M;
  start: number;
  end: number;
  /** This piece begins the mark / ends it (a mark cut in pieces has one first and one last). */
  first: boolean;
  last: boolean;
  children: LayoutNode<M>[];
}

export type LayoutNode<M extends Mark = Mark> = TextNode | MarkNode<M>;

export interface Block<M extends Mark = Mark> {
  start: number;
  end: number;
  /** The paragraph's index, or null for text outside every paragraph (headline, source line). */
  paragraph: number | null;
  role: string;
  children: LayoutNode<M>[];
}

interface Piece<M extends Mark> {
  mark: M;
  start: number;
  end: number;
  first: boolean;
  last: boolean;
}

// Where spans coincide, a quote holds its cue and mentions, and a cue holds mentions.
const RANK: Record<MarkKind, number> = { quote: 0, cue: 1, mention: 2 };

const byPosition = <M extends Mark>(a: Piece<M>, b: Piece<M>) =>
  a.start - b.start || b.end - a.end || RANK[a.mark.kind] - RANK[b.mark.kind] || (a.mark.id < b.mark.id ? -1 : 1);

function nest<M extends Mark>(points: string[], start: number, end: number, pieces: Piece<M>[]): LayoutNode<M>[] {
  const nodes: LayoutNode<M>[] = [];
  let position = start;
  let rest = pieces;
  while (rest.length > 0) {
    const [outer, ...others] = rest as [Piece<M>, ...Piece<M>[]];
    if (outer.start > position) nodes.push(textNode(points, position, outer.start));
    const inside: Piece<M>[] = [];
    const after: Piece<M>[] = [];
    for (const piece of others) {
      if (piece.start >= outer.end) after.push(piece);
      else if (piece.end <= outer.end) inside.push(piece);
      else {
        // Crosses the outer mark's end: one piece inside it, the rest after it.
        inside.push({ ...piece, end: outer.end, last: false });
        after.push({ ...piece, start: outer.end, first: false });
      }
    }
    nodes.push({
      type: 'mark',
      mark: outer.mark,
      start: outer.start,
      end: outer.end,
      first: outer.first,
      last: outer.last,
      children: nest(points, outer.start, outer.end, inside),
    });
    position = outer.end;
    rest = after.sort(byPosition);
  }
  if (position < end) nodes.push(textNode(points, position, end));
  return nodes;
}

const textNode = (points: string[], start: number, end: number): TextNode => ({
  type: 'text',
  start,
  end,
  text: points.slice(start, end).join(''),
});

/** The blocks of the text: its paragraphs, and the text between them split at blank lines. */
function blocksOf(points: string[], paragraphs: { index: number; role: string; start: number; end: number }[]) {
  const blocks: { start: number; end: number; paragraph: number | null; role: string }[] = [];
  const addGap = (from: number, to: number) => {
    const gap = points.slice(from, to).join('');
    let offset = from;
    for (const part of gap.split(/(\n[ \t]*\n)/)) {
      const length = Array.from(part).length;
      if (part.trim() !== '' && !/^\n[ \t]*\n$/.test(part)) {
        // Trim the part's surrounding whitespace so a block is its words only.
        const lead = Array.from(part).length - Array.from(part.trimStart()).length;
        const trail = Array.from(part).length - Array.from(part.trimEnd()).length;
        blocks.push({ start: offset + lead, end: offset + length - trail, paragraph: null, role: 'header' });
      }
      offset += length;
    }
  };
  let position = 0;
  for (const paragraph of [...paragraphs].sort((a, b) => a.start - b.start)) {
    if (paragraph.start > position) addGap(position, paragraph.start);
    blocks.push({ start: paragraph.start, end: paragraph.end, paragraph: paragraph.index, role: paragraph.role });
    position = Math.max(position, paragraph.end);
  }
  if (position < points.length) addGap(position, points.length);
  return blocks;
}

/** The text as blocks of properly nested marks. Empty and out-of-range spans are left out. */
export function layoutText<M extends Mark>(
  text: string,
  paragraphs: { index: number; role: string; start: number; end: number }[],
  marks: M[],
): Block<M>[] {
  const points = Array.from(text);
  const usable = marks.filter((mark) => mark.start >= 0 && mark.end <= points.length && mark.start < mark.end);
  return blocksOf(points, paragraphs).map((block) => {
    const pieces: Piece<M>[] = [];
    for (const mark of usable) {
      const start = Math.max(mark.start, block.start);
      const end = Math.min(mark.end, block.end);
      if (start < end) pieces.push({ mark, start, end, first: start === mark.start, last: end === mark.end });
    }
    return { ...block, children: nest(points, block.start, block.end, pieces.sort(byPosition)) };
  });
}

/** Code points in a JavaScript (UTF-16) string. */
export const codePointLength = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};
