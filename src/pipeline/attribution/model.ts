// The attribution stages' working types. Token indices throughout; `start`/`end` are UTF-16
// offsets into the text (annotate() converts them to code points at the end).

import type { QuoteKind } from '../types.js';

/** A span in quotation marks. */
export interface Quotation {
  /** Token index of the opening mark (or of the first word when it continues an earlier quotation). */
  open: number;
  /** Token index of the closing mark, or -1 when the quotation is left open at the paragraph's end. */
  close: number;
  /** Content tokens [first, last), inside the marks. */
  first: number;
  last: number;
  start: number;
  end: number;
  block: number;
  single: boolean;
  /** It carries on a quotation left open at the end of the previous paragraph. */
  continued: boolean;
  /** It names a work, a group or a term ("a film called \"X\"") instead of reporting words. */
  title: boolean;
  /** Short, capitalised like a name, without sentence punctuation ("The Daily Show"). */
  titleCase: boolean;
}

/** Who an attribution is to: an entity mention, or words naming no entity ("officials"). */
export interface Source {
  /** Index into the entity stage's mentions, or -1 for words that name no entity. */
  mention: number;
  /** Token range [first, last) of the words. */
  first: number;
  last: number;
}

/** A token range [first, last). */
export interface TokenRange {
  first: number;
  last: number;
}

/** An attributing expression found in the text, with the content it governs. */
export interface Cue {
  /** Tokens of the cue ("said", "according to", "quoted ... as saying"). */
  cue: TokenRange;
  /** First token of the cue's clause: its subject when that stands before the cue, else the cue. */
  clause: number;
  source: Source | null;
  /** The relaying source ("X quoted Y as saying": X). */
  via: Source | null;
  /** Content tokens, before the snap to whole quotations. */
  content: TokenRange;
  rule: string;
  confidence: number;
  /** The content is someone's own words without quotation marks (a transcript's answer). */
  verbatim?: boolean;
}

/** One attribution, the stages' result before annotate() maps it to a QuoteAnnotation. */
export interface Attribution {
  /** Content tokens [first, last) and their UTF-16 span. */
  first: number;
  last: number;
  start: number;
  end: number;
  block: number;
  kind: QuoteKind;
  source: Source | null;
  via: Source | null;
  cue: TokenRange | null;
  /** First token of the cue's clause (see Cue.clause). */
  clause: number;
  rule: string;
  confidence: number;
  /** Indices of the quotations inside the content. */
  quotations: number[];
  headline: boolean;
}
