// Database rows to API shapes (the schemas in src/schemas/).
import type { ArticleListRow, ArticleRow, ArticleSummaryRow, ParagraphRow } from '../repositories/article-repository.js';
import type { MentionRow, QuoteRow } from '../repositories/annotation-repository.js';
import type { Article, ArticleSummary } from '../schemas/articles.js';
import type { Gender, Mention, Paragraph, Quote } from '../schemas/annotations.js';
import type { CodePointText } from '../lib/code-points.js';
import { isoTime } from '../lib/iso-time.js';

interface ProvenanceRow {
  origin: 'machine' | 'editor';
  pipelineVersion: string | null;
  reviewStatus: 'unreviewed' | 'confirmed' | 'rejected' | 'orphaned';
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const provenanceOf = (row: ProvenanceRow) => ({
  origin: row.origin,
  pipelineVersion: row.pipelineVersion,
  reviewStatus: row.reviewStatus,
  updatedBy: row.updatedBy,
  createdAt: isoTime(row.createdAt),
  updatedAt: isoTime(row.updatedAt),
});

/**
 * An article list item: the summary with what is still to review. The field is added to the
 * summary rather than the summary spread into a new object: a spread of its 20 fields copied
 * them one by one, and was half of a list page's presenting (about 1 µs an article).
 */
export function presentArticleListItem(row: ArticleListRow): ArticleSummary {
  const item = presentArticleSummary(row) as ArticleSummary;
  item.unreviewed = { quotes: row.unreviewedQuotes, mentions: row.unreviewedMentions };
  return item;
}

export function presentArticleSummary(row: ArticleSummaryRow): Omit<ArticleSummary, 'unreviewed'> {
  return {
    id: row.id,
    revision: row.revision,
    version: row.version,
    format: row.format,
    headline: row.headline,
    source: row.source,
    standfirst: row.standfirst,
    dateline:
      row.datelineText === null
        ? null
        : { text: row.datelineText, place: row.datelinePlace, agency: row.datelineAgency },
    byline: row.byline,
    externalId: row.externalId,
    url: row.url,
    publishedAt: row.publishedAt ? isoTime(row.publishedAt) : null,
    language: row.language,
    contentHash: row.contentHash,
    pipelineVersion: row.pipelineVersion,
    counts: {
      paragraphs: row.paragraphCount,
      quotes: row.quoteCount,
      entities: row.entityCount,
      mentions: row.mentionCount,
    },
    createdAt: isoTime(row.createdAt),
    updatedAt: isoTime(row.updatedAt),
  };
}

/** An article: the summary with the text (added, not spread: see presentArticleListItem). */
export function presentArticle(row: ArticleRow): Article {
  const article = presentArticleSummary(row) as Article;
  article.text = row.text;
  return article;
}

export function presentParagraph(row: ParagraphRow, text: CodePointText): Paragraph {
  return { index: row.index, role: row.role, start: row.start, end: row.end, text: text.slice(row.start, row.end) };
}

/**
 * A person's gender and where it comes from; null for other types. A person no article has told
 * anything about yet is an estimated `unknown`.
 */
export function presentGender(row: {
  type: string;
  gender: Gender | null;
  genderSource: 'estimated' | 'editor' | null;
}): { gender: Gender | null; genderSource: 'estimated' | 'editor' | null } {
  if (row.type !== 'PERSON') return { gender: null, genderSource: null };
  return { gender: row.gender ?? 'unknown', genderSource: row.genderSource ?? 'estimated' };
}

/**
 * A quote from its row with the speaker, speaker mention and relaying entity joined in flat: each
 * is there when its key and its joined columns are (a key whose row is gone reads as none).
 */
export function presentQuote(row: QuoteRow): Quote {
  const speaker = row.speakerEntityId !== null && row.speakerType !== null && row.speakerName !== null;
  const via = row.viaEntityId !== null && row.viaType !== null && row.viaName !== null;
  return {
    id: row.id,
    articleId: row.articleId,
    version: row.version,
    kind: row.kind,
    start: row.start,
    end: row.end,
    text: row.text,
    paragraphIndex: row.paragraphIndex,
    speaker: speaker
      ? {
          id: row.speakerEntityId!,
          type: row.speakerType!,
          canonicalName: row.speakerName!,
          mention:
            row.speakerMentionId !== null && row.mentionStart !== null && row.mentionEnd !== null && row.mentionText !== null
              ? { id: row.speakerMentionId, start: row.mentionStart, end: row.mentionEnd, text: row.mentionText }
              : null,
        }
      : null,
    // The source is an entity or unnamed words, never both: an entity wins over stale words.
    unnamedSource:
      !speaker && row.sourceText !== null && row.sourceStart !== null && row.sourceEnd !== null
        ? { start: row.sourceStart, end: row.sourceEnd, text: row.sourceText }
        : null,
    via: via ? { id: row.viaEntityId!, type: row.viaType!, canonicalName: row.viaName! } : null,
    unnamedVia:
      !via && row.viaText !== null && row.viaStart !== null && row.viaEnd !== null
        ? { start: row.viaStart, end: row.viaEnd, text: row.viaText }
        : null,
    cue:
      row.cueStart !== null && row.cueEnd !== null
        ? { start: row.cueStart, end: row.cueEnd, text: row.cueText ?? '' }
        : null,
    attribution: { rule: row.rule, confidence: row.confidence },
    provenance: provenanceOf(row),
  };
}

export function presentMention(row: Omit<MentionRow, 'entity'>): Mention {
  return {
    id: row.id,
    articleId: row.articleId,
    entityId: row.entityId,
    version: row.version,
    start: row.start,
    end: row.end,
    text: row.text,
    kind: row.kind,
    provenance: provenanceOf(row),
  };
}
