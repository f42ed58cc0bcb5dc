// The pipeline's output contract. Every span is a half-open [start, end) range in Unicode code
// points into the text exactly as given to annotate() (see DESIGN.md, "Text and offsets").

export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'NORP' | 'FAC' | 'PRODUCT' | 'EVENT' | 'WORK_OF_ART' | 'LAW';
export type MentionKind = 'name' | 'nominal' | 'pronoun';
export type QuoteKind = 'direct' | 'mixed' | 'indirect';
export type ArticleFormat = 'wire' | 'plain';
export type ParagraphRole = 'headline' | 'source' | 'byline' | 'standfirst' | 'body';

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export interface Dateline extends TextSpan {
  place: string | null;
  agency: string | null;
}

export interface ArticleHeader {
  format: ArticleFormat;
  headline: TextSpan | null;
  source: TextSpan | null;
  standfirst: TextSpan | null;
  dateline: Dateline | null;
  byline: TextSpan | null;
}

/** A block of text separated by blank lines; headline and source line are blocks too. */
export interface Block extends TextSpan {
  role: ParagraphRole;
}

export interface EntityAnnotation {
  /** Local id, unique inside one annotation result ("e0", "e1", ...). */
  key: string;
  type: EntityType;
  canonicalName: string;
  /** Every distinct name-kind surface form seen for the entity in this text. */
  aliases: string[];
  /**
   * PERSON only: gender estimated from the given name and the pronouns resolved to the person;
   * 'unknown' when that evidence is missing, weak or conflicting (see pipeline/gender.ts).
   */
  gender?: 'female' | 'male' | 'unknown';
}

export interface MentionAnnotation extends TextSpan {
  entityKey: string;
  kind: MentionKind;
}

export interface QuoteAnnotation extends TextSpan {
  kind: QuoteKind;
  /** Index into `paragraphs` (not `blocks`) of the paragraph where the quote starts; -1 for the headline. */
  paragraphIndex: number;
  speakerEntityKey: string | null;
  /** Index into `mentions` of the mention that names the speaker for this quote. */
  speakerMentionIndex: number | null;
  /**
   * The words naming the speaker when they name no entity ("one poster", "the report's authors");
   * absent or null when the speaker is an entity or unknown.
   */
  speakerText?: TextSpan | null;
  /** The entity that relayed the words ("KCNA quoted Kim as saying" -> KCNA). */
  viaEntityKey: string | null;
  /** The words of a relaying source that names no entity ("..., state media said"). */
  viaText?: TextSpan | null;
  /** For a mixed quote: the parts of the content inside quotation marks. */
  quotedSpans?: TextSpan[];
  cue: TextSpan | null;
  /** Name of the attribution rule, so editors can ask "why". */
  rule: string;
  confidence: number;
}

export interface ArticleAnnotation {
  pipelineVersion: string;
  header: ArticleHeader;
  /** Every block, including headline, source line and byline. */
  blocks: Block[];
  /** The article's paragraphs: standfirst and body blocks (headline, source and byline excluded). */
  paragraphs: Block[];
  entities: EntityAnnotation[];
  mentions: MentionAnnotation[];
  quotes: QuoteAnnotation[];
}
