import { uuidv7 } from 'uuidv7';
import { ApiError, notFound } from '../errors.js';
import { CodePointText } from '../lib/code-points.js';
import type { MentionPlainRow, QuotePlainRow } from '../repositories/annotation-repository.js';
import type { ArticleRow, CurrentRevisionRow, RevisionRow, RevisionSummaryRow } from '../repositories/article-repository.js';
import type { NewEvent } from '../repositories/event-repository.js';
import type { Repositories, Store } from '../repositories/store.js';
import type { Static } from 'typebox';
import type { Article, ArticleRevision } from '../schemas/articles.js';
import {
  hashText,
  headerColumns,
  paragraphRows,
  prepareArticle,
  resolveEntities,
  type IngestInput,
} from './ingest-service.js';
import type { ArticleAnnotation } from '../pipeline/types.js';
import { annotateOffThread } from './annotator.js';
import { presentArticle } from './presenters.js';
import { findByQuote, nearlyEqual, overlapFraction, reanchorSubSpans, spanMapper, type SpanMapper } from './re-anchor.js';
import { contextOf } from './text-anchor.js';
import { machineMentionColumns, machineQuoteColumns } from './pipeline-columns.js';

export type RevisionSummary = Static<typeof ArticleRevision>;

type Span = { start: number; end: number };

/** Annotations an editor made or touched: they are re-anchored, never replaced by the pipeline. */
const touchedByEditor = (row: { origin: string; updatedBy: string | null; reviewStatus: string }): boolean =>
  row.origin === 'editor' || row.updatedBy !== null || row.reviewStatus === 'confirmed' || row.reviewStatus === 'rejected';

/**
 * Where an editor's annotation is in the new text: its exact text with the best-matching context,
 * else its place by the edit script when the text there changed only a little; null if lost.
 */
function reanchorEdited(row: Span & { text: string; prefix: string; suffix: string }, mapper: SpanMapper, newText: CodePointText): Span | null {
  const mapped = mapper.map(row.start, row.end);
  const found = findByQuote(newText, { exact: row.text, prefix: row.prefix, suffix: row.suffix }, mapped?.start ?? row.start);
  if (found) return found;
  if (mapped && nearlyEqual(row.text, newText.slice(mapped.start, mapped.end))) return mapped;
  return null;
}

const spanKey = (span: Span) => `${span.start}:${span.end}`;

/** The current text as a revision: it became current when the one before it was replaced. */
const currentSummaryOf = (article: CurrentRevisionRow, previous: Pick<RevisionRow, 'replacedAt'> | null): RevisionSummary => ({
  revision: article.revision,
  current: true,
  contentHash: article.contentHash,
  headline: article.headline,
  pipelineVersion: article.pipelineVersion,
  createdBy: null,
  createdAt: (previous?.replacedAt ?? article.createdAt).toISOString(),
  replacedAt: null,
});

const summaryOf = (row: RevisionSummaryRow): RevisionSummary => ({
  revision: row.revision,
  current: false,
  contentHash: row.contentHash,
  headline: row.headline,
  pipelineVersion: row.pipelineVersion,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  replacedAt: row.replacedAt.toISOString(),
});

/**
 * Revising an article: the new text is annotated again and every annotation keeps its id where
 * it can be found again. Machine annotations match the new pipeline output through the edit
 * script; editors' annotations are re-anchored by text and context; the rest become `orphaned`
 * with their old span. The earlier text is kept as a revision.
 */
export class RevisionService {
  constructor(private readonly store: Store) {}

  async revise(id: string, version: number, input: IngestInput, actor: string): Promise<{ article: Article; changed: boolean }> {
    const prepared = prepareArticle(input);
    const contentHash = hashText(prepared.text);
    let changed = false;
    // Annotated before the transaction, so that it does not hold a pooled connection while the text
    // waits for an annotator thread. The transaction checks again; should this read have been
    // stale (a replica behind), the text is annotated there after all.
    const current = await this.store.repositories.articles.findById(id);
    let annotation: ArticleAnnotation | null =
      current && current.contentHash !== contentHash ? await annotateOffThread(prepared.text, { layout: prepared.layout }) : null;
    await this.store.transaction(async (repos) => {
      // Locked for the whole revision: a concurrent PUT or correction waits, then sees the new
      // version (412) instead of writing over a half-made revision.
      changed = false; // a transaction aborted by a deadlock runs again from here
      const article = await repos.articles.lockForUpdate(id);
      if (!article) throw notFound('article', id);
      if (article.version !== version) {
        throw new ApiError('precondition-failed', 'The article changed since that ETag: read it again and retry.');
      }
      if (article.contentHash === contentHash) return;
      const clash = await repos.articles.findByContentHash(contentHash);
      if (clash) throw new ApiError('conflict', `Article ${clash.id} already has exactly this text.`, { existingId: clash.id });
      changed = true;

      annotation ??= await annotateOffThread(prepared.text, { layout: prepared.layout });
      const oldText = new CodePointText(article.text);
      const newText = new CodePointText(prepared.text);
      const mapper = spanMapper(oldText, newText);
      const old = await repos.annotations.allOf(id);

      const previous = await repos.articles.findRevision(id, article.revision - 1);
      await repos.articles.saveRevision({
        id: uuidv7(),
        articleId: id,
        revision: article.revision,
        text: article.text,
        contentHash: article.contentHash,
        headline: article.headline,
        pipelineVersion: article.pipelineVersion,
        createdBy: null,
        // It became current when the one before it was replaced, or at ingest.
        createdAt: previous?.replacedAt ?? article.createdAt,
      });
      const replaced = await repos.articles.replaceText(id, version, {
        text: prepared.text,
        contentHash,
        ...headerColumns(prepared, annotation),
        ...(prepared.source !== undefined ? { source: prepared.source } : {}),
        ...(prepared.url !== undefined ? { url: prepared.url } : {}),
        ...(prepared.publishedAt !== undefined ? { publishedAt: prepared.publishedAt } : {}),
        ...(prepared.language !== undefined ? { language: prepared.language } : {}),
        paragraphCount: annotation.paragraphs.length,
      });
      if (!replaced) throw new ApiError('precondition-failed', 'The article changed since that ETag: read it again and retry.');
      await repos.articles.replaceParagraphs(id, paragraphRows(id, annotation));
      const entityIdOf = await resolveEntities(repos, annotation);

      const events: NewEvent[] = [
        {
          articleId: id,
          targetType: 'article',
          targetId: id,
          action: 'revise',
          actor,
          before: { revision: article.revision, contentHash: article.contentHash },
          after: { revision: article.revision + 1, contentHash },
        },
      ];
      const mentionIdOfNew = await this.reviseMentions(repos, id, old.mentions, annotation, entityIdOf, mapper, newText, actor, events);
      await this.reviseQuotes(repos, id, old.quotes, annotation, entityIdOf, mentionIdOfNew, mapper, newText, actor, events);
      await repos.events.append(events);
      await repos.articles.setCounts(id, await repos.annotations.visibleCounts(id));
    });
    const stored = await this.store.repositories.articles.findById(id);
    if (!stored) throw notFound('article', id);
    return { article: presentArticle(stored), changed };
  }

  private async reviseMentions(
    repos: Repositories,
    articleId: string,
    oldMentions: MentionPlainRow[],
    annotation: ArticleAnnotation,
    entityIdOf: Map<string, string>,
    mapper: SpanMapper,
    newText: CodePointText,
    actor: string,
    events: NewEvent[],
  ): Promise<(string | null)[]> {
    const taken = new Set<string>();
    for (const row of oldMentions.filter(touchedByEditor)) {
      const span = reanchorEdited(row, mapper, newText);
      if (span) {
        taken.add(spanKey(span));
        await repos.annotations.updateMention(row.id, row.version, {
          ...span,
          text: newText.slice(span.start, span.end),
          ...contextOf(newText, span.start, span.end),
          ...(row.reviewStatus === 'orphaned' ? { reviewStatus: 'unreviewed' as const } : {}),
        });
      } else await this.orphan(repos, 'mention', articleId, row, actor, events);
    }
    // Untouched machine mentions keep their id when the new pipeline finds a mention at their mapped place.
    const machineByMappedSpan = new Map<string, MentionPlainRow>();
    for (const row of oldMentions.filter((m) => !touchedByEditor(m))) {
      const mapped = mapper.map(row.start, row.end);
      if (mapped) machineByMappedSpan.set(spanKey(mapped), row);
    }
    const reused = new Set<string>();
    const idOfNew: (string | null)[] = [];
    const inserts = [];
    for (const mention of annotation.mentions) {
      const entityId = entityIdOf.get(mention.entityKey);
      if (!entityId || taken.has(spanKey(mention))) {
        idOfNew.push(null);
        continue;
      }
      const fields = {
        ...machineMentionColumns(mention, newText),
        entityId,
        pipelineVersion: annotation.pipelineVersion,
        reviewStatus: 'unreviewed' as const,
      };
      const previous = machineByMappedSpan.get(spanKey(mention));
      if (previous && !reused.has(previous.id)) {
        reused.add(previous.id);
        await repos.annotations.updateMention(previous.id, previous.version, fields);
        idOfNew.push(previous.id);
      } else {
        const id = uuidv7();
        inserts.push({ id, articleId, ...fields });
        idOfNew.push(id);
      }
    }
    await repos.annotations.insertMentions(inserts);
    for (const row of oldMentions.filter((m) => !touchedByEditor(m) && !reused.has(m.id))) {
      await this.orphan(repos, 'mention', articleId, row, actor, events);
    }
    return idOfNew;
  }

  private async reviseQuotes(
    repos: Repositories,
    articleId: string,
    oldQuotes: QuotePlainRow[],
    annotation: ArticleAnnotation,
    entityIdOf: Map<string, string>,
    mentionIdOfNew: (string | null)[],
    mapper: SpanMapper,
    newText: CodePointText,
    actor: string,
    events: NewEvent[],
  ): Promise<void> {
    const paragraphAt = (start: number) =>
      annotation.paragraphs.findIndex((p) => start >= p.start && start < p.end);
    const taken: Span[] = [];
    for (const row of oldQuotes.filter(touchedByEditor)) {
      const span = reanchorEdited(row, mapper, newText);
      if (span) {
        taken.push(span);
        await repos.annotations.updateQuote(row.id, row.version, {
          ...span,
          text: newText.slice(span.start, span.end),
          paragraphIndex: paragraphAt(span.start),
          ...contextOf(newText, span.start, span.end),
          // Its cue and source move with it (or are cleared when their words are gone).
          ...reanchorSubSpans(row, newText, span.start, mapper),
          ...(row.reviewStatus === 'orphaned' ? { reviewStatus: 'unreviewed' as const } : {}),
        });
      } else await this.orphan(repos, 'quote', articleId, row, actor, events);
    }
    const machine = oldQuotes
      .filter((q) => !touchedByEditor(q))
      .map((row) => ({ row, mapped: mapper.map(row.start, row.end) }));
    const reused = new Set<string>();
    const inserts = [];
    for (const quote of annotation.quotes) {
      if (taken.some((span) => overlapFraction(span, quote) >= 0.5)) continue;
      const speakerEntityId = quote.speakerEntityKey ? (entityIdOf.get(quote.speakerEntityKey) ?? null) : null;
      const viaEntityId = quote.viaEntityKey ? (entityIdOf.get(quote.viaEntityKey) ?? null) : null;
      const fields = {
        speakerEntityId,
        viaEntityId,
        ...machineQuoteColumns(quote, newText, mentionIdOfNew, speakerEntityId, viaEntityId),
        pipelineVersion: annotation.pipelineVersion,
        reviewStatus: 'unreviewed' as const,
      };
      // The old machine quote that overlaps this one most, at its mapped place, keeps its id.
      let best: { row: QuotePlainRow; overlap: number } | null = null;
      for (const candidate of machine) {
        if (!candidate.mapped || reused.has(candidate.row.id)) continue;
        const overlap = overlapFraction(candidate.mapped, quote);
        if (overlap >= 0.5 && (!best || overlap > best.overlap)) best = { row: candidate.row, overlap };
      }
      if (best) {
        reused.add(best.row.id);
        await repos.annotations.updateQuote(best.row.id, best.row.version, fields);
      } else inserts.push({ id: uuidv7(), articleId, ...fields });
    }
    await repos.annotations.insertQuotes(inserts);
    for (const { row } of machine.filter(({ row }) => !reused.has(row.id))) {
      await this.orphan(repos, 'quote', articleId, row, actor, events);
    }
  }

  private async orphan(
    repos: Repositories,
    kind: 'quote' | 'mention',
    articleId: string,
    row: { id: string; version: number; reviewStatus: string; start: number; end: number; text: string },
    actor: string,
    events: NewEvent[],
  ): Promise<void> {
    if (row.reviewStatus === 'orphaned') return;
    const data = { reviewStatus: 'orphaned' as const };
    if (kind === 'quote') await repos.annotations.updateQuote(row.id, row.version, data);
    else await repos.annotations.updateMention(row.id, row.version, data);
    events.push({
      articleId,
      targetType: kind,
      targetId: row.id,
      action: 'orphan',
      actor,
      before: { reviewStatus: row.reviewStatus, start: row.start, end: row.end, text: row.text },
      after: { reviewStatus: 'orphaned', start: row.start, end: row.end, text: row.text },
    });
  }

  // The reads of revisions are one statement each (the article and its revisions together).
  async revisions(id: string): Promise<RevisionSummary[]> {
    const found = await this.store.repositories.articles.listRevisionsWithCurrent(id);
    if (!found) throw notFound('article', id);
    return [...found.earlier.map(summaryOf), currentSummaryOf(found.current, found.earlier.at(-1) ?? null)];
  }

  async revision(id: string, revision: number): Promise<RevisionSummary & { text: string }> {
    const found = await this.store.repositories.articles.findRevisionWithCurrent(id, revision);
    if (!found) throw notFound('article', id);
    if (revision === found.current.revision) return { ...currentSummaryOf(found.current, found.revision), text: found.current.text! };
    if (!found.revision) throw notFound('revision', `${id}/${revision}`);
    return { ...summaryOf(found.revision), text: found.revision.text! };
  }
}
