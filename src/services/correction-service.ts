import { uuidv7 } from 'uuidv7';
import { ApiError, notFound } from '../errors.js';
import { CodePointText } from '../lib/code-points.js';
import type {
  MentionPlainRow,
  MentionUpdate,
  QuotePlainRow,
  QuoteUpdate,
} from '../repositories/annotation-repository.js';
import type { Repositories, Store } from '../repositories/store.js';
import type { Mention, Quote } from '../schemas/annotations.js';
import type { MentionInput, MentionPatch, QuoteInput, QuotePatch } from '../schemas/editorial.js';
import { presentMention, presentQuote } from './presenters.js';
import { findByQuote, QUOTE_SUB_SPANS, reanchorSubSpans } from './re-anchor.js';
import { anchorSpan, contextOf } from './text-anchor.js';
import { unnamedWordsChange } from './quote-source-input.js';

type AnnotationKind = 'quote' | 'mention';

// The fields of a row that history records and a revert restores.
const quoteFields = [
  'paragraphIndex', 'start', 'end', 'text', 'kind', 'speakerEntityId', 'speakerMentionId', 'viaEntityId',
  'cueStart', 'cueEnd', 'cueText', 'sourceText', 'sourceStart', 'sourceEnd', 'viaText', 'viaStart', 'viaEnd', 'rule',
  'confidence', 'origin', 'pipelineVersion', 'reviewStatus', 'prefix', 'suffix',
] as const;
const mentionFields = [
  'entityId', 'start', 'end', 'text', 'kind', 'origin', 'pipelineVersion', 'reviewStatus', 'prefix', 'suffix',
] as const;

type Snapshot = Record<string, unknown>;

// Fields that change together: a revert restores a whole group when the change touched any of it.
const fieldGroups: readonly (readonly string[])[] = [
  ['start', 'end', 'text', 'prefix', 'suffix', 'paragraphIndex'],
  ...QUOTE_SUB_SPANS.map((columns) => [columns.start, columns.end, columns.text]),
  ['speakerEntityId', 'speakerMentionId', 'rule', 'confidence'],
];

/** The fields an event changed (with their groups), at their values before it. */
function changedFields(before: Snapshot, after: Snapshot | null): Snapshot {
  const changed = new Set<string>();
  for (const field of Object.keys(before)) {
    if (after && JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) continue;
    for (const name of fieldGroups.find((group) => group.includes(field)) ?? [field]) if (name in before) changed.add(name);
  }
  return Object.fromEntries([...changed].map((field) => [field, before[field] ?? null]));
}

interface QuoteReferences {
  speakerEntityId?: string | null;
  speakerMentionId?: string | null;
  viaEntityId?: string | null;
  cueStart?: number | null;
  cueEnd?: number | null;
  cueText?: string | null;
  sourceText?: string | null;
  sourceStart?: number | null;
  sourceEnd?: number | null;
  viaText?: string | null;
  viaStart?: number | null;
  viaEnd?: number | null;
}

function snapshot(row: object, fields: readonly string[]): Snapshot {
  const record = row as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, record[field] ?? null]));
}

const stale = (what: string) =>
  new ApiError('precondition-failed', `The ${what} changed since that ETag: read it again and retry.`);

/** Editors' corrections to quotes and mentions, each with its history event, one transaction each. */
export class CorrectionService {
  constructor(private readonly store: Store) {}

  // ---- quotes

  async getQuote(articleId: string, quoteId: string): Promise<Quote> {
    const row = await this.store.repositories.annotations.findQuote(articleId, quoteId);
    if (!row) throw notFound('quote', quoteId);
    return presentQuote(row);
  }

  async createQuote(articleId: string, input: QuoteInput, actor: string): Promise<Quote> {
    const id = uuidv7();
    await this.store.transaction(async (repos) => {
      const text = await this.articleText(repos, articleId);
      const anchor = anchorSpan(text, input.start, input.end);
      const references = await this.quoteReferences(repos, articleId, text, input);
      const paragraphIndex = await this.paragraphIndexAt(repos, articleId, input.start);
      const row = {
        id,
        articleId,
        paragraphIndex,
        ...anchor,
        kind: input.kind ?? 'direct',
        ...references,
        rule: 'editor',
        confidence: 1,
        origin: 'editor' as const,
        pipelineVersion: null,
        updatedBy: actor,
      };
      await repos.annotations.insertQuotes([row]);
      await this.afterChange(repos, articleId, 'quote', id, 'create', actor, null, snapshot(row, quoteFields));
    });
    return this.getQuote(articleId, id);
  }

  async updateQuote(articleId: string, quoteId: string, version: number, patch: QuotePatch, actor: string): Promise<Quote> {
    await this.store.transaction(async (repos) => {
      const text = await this.articleText(repos, articleId);
      const current = await repos.annotations.findQuote(articleId, quoteId);
      if (!current) throw notFound('quote', quoteId);
      if (current.version !== version) throw stale('quote');
      const data: QuoteUpdate = { updatedBy: actor };
      if (patch.start !== undefined || patch.end !== undefined) {
        const start = patch.start ?? current.start;
        Object.assign(data, anchorSpan(text, start, patch.end ?? current.end), {
          paragraphIndex: await this.paragraphIndexAt(repos, articleId, start),
        });
      }
      if (patch.kind) data.kind = patch.kind;
      if (patch.reviewStatus) data.reviewStatus = patch.reviewStatus;
      Object.assign(data, await this.quoteReferences(repos, articleId, text, patch));
      if (patch.speakerEntityId !== undefined && patch.speakerMentionId === undefined) {
        // A new speaker: the old speaker's mention no longer names them.
        data.speakerMentionId = null;
      }
      if (data.speakerEntityId !== undefined && data.speakerEntityId !== current.speakerEntityId && patch.cue === undefined) {
        // Nor does the old cue ("X said"): it is cleared unless the same change sets a new one.
        Object.assign(data, { cueStart: null, cueEnd: null, cueText: null });
      }
      if (
        patch.speakerEntityId !== undefined ||
        patch.speakerMentionId !== undefined ||
        patch.unnamedSource !== undefined ||
        patch.unnamedVia !== undefined ||
        patch.viaEntityId !== undefined
      ) {
        data.rule = 'editor';
        data.confidence = 1;
      }
      await this.fitIfUnorphaned(repos, 'quote', articleId, text, current, data);
      if (!(await repos.annotations.updateQuote(quoteId, version, data))) throw stale('quote');
      const after = { ...snapshot(current, quoteFields), ...snapshot(data, Object.keys(data).filter((k) => quoteFields.includes(k as never))) };
      const action = Object.keys(patch).length === 1 && patch.reviewStatus ? 'review' : 'update';
      await this.afterChange(repos, articleId, 'quote', quoteId, action, actor, snapshot(current, quoteFields), after);
    });
    return this.getQuote(articleId, quoteId);
  }

  async deleteQuote(articleId: string, quoteId: string, version: number, actor: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      await this.articleText(repos, articleId);
      const current = await repos.annotations.findQuote(articleId, quoteId);
      if (!current) throw notFound('quote', quoteId);
      if (!(await repos.annotations.deleteQuote(quoteId, version))) throw stale('quote');
      await this.afterChange(repos, articleId, 'quote', quoteId, 'delete', actor, snapshot(current, quoteFields), null);
    });
  }

  // ---- mentions

  async getMention(articleId: string, mentionId: string): Promise<Mention> {
    const row = await this.store.repositories.annotations.findMention(articleId, mentionId);
    if (!row) throw notFound('mention', mentionId);
    return presentMention(row);
  }

  /** Adds a mention; the same span and entity again gives back the existing one (`created` false). */
  async createMention(articleId: string, input: MentionInput, actor: string): Promise<{ mention: Mention; created: boolean }> {
    let id = uuidv7();
    let created = true;
    await this.store.transaction(async (repos) => {
      const text = await this.articleText(repos, articleId);
      const anchor = anchorSpan(text, input.start, input.end);
      const entityId = await this.mentionEntity(repos, input);
      if (!entityId) throw new ApiError('validation-failed', 'A new mention needs `entityId` or `entity`.');
      // A retried post: the article lock makes the look-up and the insert one step.
      const existing = await repos.annotations.findLiveMentionAt(articleId, anchor, entityId);
      created = !existing;
      if (existing) {
        id = existing.id;
        return;
      }
      const row = {
        id,
        articleId,
        entityId,
        ...anchor,
        kind: input.kind ?? 'name',
        origin: 'editor' as const,
        pipelineVersion: null,
        updatedBy: actor,
      };
      await repos.annotations.insertMentions([row]);
      await this.afterChange(repos, articleId, 'mention', id, 'create', actor, null, snapshot(row, mentionFields));
    });
    return { mention: await this.getMention(articleId, id), created };
  }

  async updateMention(
    articleId: string,
    mentionId: string,
    version: number,
    patch: MentionPatch,
    actor: string,
  ): Promise<Mention> {
    await this.store.transaction(async (repos) => {
      const text = await this.articleText(repos, articleId);
      const current = await repos.annotations.findMention(articleId, mentionId);
      if (!current) throw notFound('mention', mentionId);
      if (current.version !== version) throw stale('mention');
      const data: MentionUpdate = { updatedBy: actor };
      if (patch.start !== undefined || patch.end !== undefined) {
        Object.assign(data, anchorSpan(text, patch.start ?? current.start, patch.end ?? current.end));
      }
      if (patch.kind) data.kind = patch.kind;
      if (patch.reviewStatus) data.reviewStatus = patch.reviewStatus;
      const entityId = await this.mentionEntity(repos, patch);
      if (entityId) data.entityId = entityId;
      await this.fitIfUnorphaned(repos, 'mention', articleId, text, current, data);
      if (!(await repos.annotations.updateMention(mentionId, version, data))) throw stale('mention');
      const after = { ...snapshot(current, mentionFields), ...snapshot(data, Object.keys(data).filter((k) => mentionFields.includes(k as never))) };
      const action = Object.keys(patch).length === 1 && patch.reviewStatus ? 'review' : 'update';
      await this.afterChange(repos, articleId, 'mention', mentionId, action, actor, snapshot(current, mentionFields), after);
    });
    return this.getMention(articleId, mentionId);
  }

  async deleteMention(articleId: string, mentionId: string, version: number, actor: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      await this.articleText(repos, articleId);
      const current = await repos.annotations.findMention(articleId, mentionId);
      if (!current) throw notFound('mention', mentionId);
      if (current.version !== version) throw stale('mention');
      await this.releaseSpeakerMention(repos, articleId, mentionId, actor);
      if (!(await repos.annotations.deleteMention(mentionId, version))) throw stale('mention');
      await this.afterChange(repos, articleId, 'mention', mentionId, 'delete', actor, snapshot(current, mentionFields), null);
    });
  }

  // ---- revert

  /**
   * Undoes one change of a quote or mention: the fields that `eventId` changed go back to their
   * values before it (a whole group when it touched any of it: the span, the cue, the source, the
   * speaker); fields it did not change keep their current values, so later changes of other fields
   * stay. Reverting a creation deletes, reverting a deletion recreates. The result must fit the
   * article as it is now: a span whose words moved in a revision is found again, one whose words are
   * gone is a 409, and so is a speaker mention deleted or an entity merged away since.
   */
  async revert(kind: AnnotationKind, articleId: string, annotationId: string, eventId: string, actor: string): Promise<Quote | Mention | null> {
    await this.store.transaction(async (repos) => {
      const text = await this.articleText(repos, articleId);
      const event = await repos.events.findById(eventId);
      if (!event || event.articleId !== articleId || event.targetId !== annotationId || event.targetType !== kind) {
        throw new ApiError('unprocessable-content', `Event ${eventId} is not a change of this ${kind}.`);
      }
      const eventBefore = (event.before ?? null) as Snapshot | null;
      const eventAfter = (event.after ?? null) as Snapshot | null;
      const fields = kind === 'quote' ? quoteFields : mentionFields;
      const current: QuotePlainRow | MentionPlainRow | null =
        kind === 'quote'
          ? await repos.annotations.findQuote(articleId, annotationId)
          : await repos.annotations.findMention(articleId, annotationId);
      const before = current ? snapshot(current, fields) : null;
      let target: Snapshot | null;
      if (eventBefore === null) target = null;
      else if (!current) {
        if (eventAfter !== null) {
          throw new ApiError('conflict', `The ${kind} was deleted after this change: revert its deletion first.`);
        }
        target = snapshot(eventBefore, fields);
      } else target = { ...before, ...changedFields(eventBefore, eventAfter) };

      if (target === null) {
        if (current) {
          if (kind === 'mention') await this.releaseSpeakerMention(repos, articleId, annotationId, actor);
          await (kind === 'quote' ? repos.annotations.deleteQuote(annotationId, current.version) : repos.annotations.deleteMention(annotationId, current.version));
        }
      } else {
        await this.fitToArticle(repos, kind, articleId, text, target);
        if (!current) {
          const row = { ...target, id: annotationId, articleId, updatedBy: actor };
          await (kind === 'quote'
            ? repos.annotations.insertQuotes([row as unknown as Parameters<typeof repos.annotations.insertQuotes>[0][number]])
            : repos.annotations.insertMentions([row as unknown as Parameters<typeof repos.annotations.insertMentions>[0][number]]));
        } else {
          const data = { ...target, updatedBy: actor };
          const applied =
            kind === 'quote'
              ? await repos.annotations.updateQuote(annotationId, current.version, data as QuoteUpdate)
              : await repos.annotations.updateMention(annotationId, current.version, data as MentionUpdate);
          if (!applied) throw stale(kind);
        }
      }
      await this.afterChange(repos, articleId, kind, annotationId, 'revert', actor, before, target);
    });
    try {
      return kind === 'quote' ? await this.getQuote(articleId, annotationId) : await this.getMention(articleId, annotationId);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not-found') return null;
      throw error;
    }
  }

  /**
   * Makes a restored state fit the current article, in place: its span found again in the current
   * text (an orphaned one keeps its old span), its cue and source near it or cleared; every entity
   * and mention it names must still exist. A 409 `conflict` says what no longer fits.
   */
  private async fitToArticle(repos: Repositories, kind: AnnotationKind, articleId: string, text: CodePointText, target: Snapshot): Promise<void> {
    const { start, end } = target as { start: number; end: number };
    const words = String(target.text);
    if (target.reviewStatus !== 'orphaned' && (end > text.length || text.slice(start, end) !== words)) {
      const found = findByQuote(text, { exact: words, prefix: String(target.prefix ?? ''), suffix: String(target.suffix ?? '') }, start);
      if (!found) throw new ApiError('conflict', `The words this ${kind} covered ("${words.slice(0, 80)}") are no longer in the article.`);
      Object.assign(target, found, contextOf(text, found.start, found.end));
      if (kind === 'quote') target.paragraphIndex = await this.paragraphIndexAt(repos, articleId, found.start);
    }
    if (kind === 'quote') Object.assign(target, reanchorSubSpans(target, text, target.start as number));
    const missing: string[] = [];
    for (const field of kind === 'quote' ? ['speakerEntityId', 'viaEntityId'] : ['entityId']) {
      const entityId = target[field];
      if (typeof entityId === 'string' && !(await repos.entities.holdForReference([entityId])).has(entityId)) missing.push(`${field}: entity ${entityId} was merged or deleted since`);
    }
    const mentionId = target.speakerMentionId;
    if (typeof mentionId === 'string' && !(await repos.annotations.findMention(articleId, mentionId))) {
      missing.push(`speakerMentionId: mention ${mentionId} was deleted since`);
    }
    if (missing.length > 0) throw new ApiError('conflict', `This change cannot be reverted: ${missing.join('; ')}.`);
  }

  /**
   * A review status given to an orphaned annotation brings it back into lists, exports and counts,
   * but an orphan keeps the span (and cue, source, relay) it had in an older revision of the text.
   * So, as a revert does, its words are found again in the text as it is now and its spans move
   * there (into `data`), or the change is a 409 when they are gone. Every other row already fits.
   */
  private async fitIfUnorphaned(
    repos: Repositories,
    kind: AnnotationKind,
    articleId: string,
    text: CodePointText,
    current: QuotePlainRow | MentionPlainRow,
    data: QuoteUpdate | MentionUpdate,
  ): Promise<void> {
    if (current.reviewStatus !== 'orphaned' || data.reviewStatus === undefined || data.reviewStatus === 'orphaned') return;
    const fields = kind === 'quote' ? quoteFields : mentionFields;
    // The row as the change leaves it (a span or cue set by the same change is already fresh).
    const target: Snapshot = { ...snapshot(current, fields), ...snapshot(data, Object.keys(data).filter((k) => fields.includes(k as never))) };
    await this.fitToArticle(repos, kind, articleId, text, target);
    const moved = ['start', 'end', 'text', 'prefix', 'suffix', ...(kind === 'quote' ? ['paragraphIndex', ...QUOTE_SUB_SPANS.flatMap((c) => [c.start, c.end, c.text])] : [])];
    Object.assign(data, snapshot(target, moved));
  }

  /** The quotes whose speaker this mention names lose it, each as a recorded change (a new ETag). */
  private async releaseSpeakerMention(repos: Repositories, articleId: string, mentionId: string, actor: string): Promise<void> {
    for (const quote of await repos.annotations.findQuotesBySpeakerMention(mentionId)) {
      if (!(await repos.annotations.updateQuote(quote.id, quote.version, { speakerMentionId: null, updatedBy: actor }))) throw stale('quote');
      const before = snapshot(quote, quoteFields);
      await repos.events.append([
        { articleId, targetType: 'quote', targetId: quote.id, action: 'update', actor, before, after: { ...before, speakerMentionId: null } },
      ]);
    }
  }

  // ---- helpers

  /**
   * The article's text, its row locked until the transaction ends. Every change takes this lock
   * first, as revisions do: changes of one article run one after another, in one lock order.
   */
  private async articleText(repos: Repositories, articleId: string): Promise<CodePointText> {
    const article = await repos.articles.lockForUpdate(articleId);
    if (!article) throw notFound('article', articleId);
    return new CodePointText(article.text);
  }

  private async paragraphIndexAt(repos: Repositories, articleId: string, start: number): Promise<number> {
    const paragraphs = await repos.articles.listAllParagraphs(articleId);
    return paragraphs.find((p) => start >= p.start && start < p.end)?.index ?? -1;
  }

  /** Speaker, speaker mention, via entity and cue of a quote input, checked against the article. */
  private async quoteReferences(
    repos: Repositories,
    articleId: string,
    text: CodePointText,
    input: Pick<QuotePatch, 'speakerEntityId' | 'speakerMentionId' | 'unnamedSource' | 'viaEntityId' | 'unnamedVia' | 'cue'>,
  ): Promise<QuoteReferences> {
    const data: QuoteReferences = {};
    const source = unnamedWordsChange(text, input);
    let speakerEntityId = input.speakerEntityId;
    if (input.speakerMentionId) {
      const mention = await repos.annotations.findMention(articleId, input.speakerMentionId);
      if (!mention) throw new ApiError('unprocessable-content', `Mention ${input.speakerMentionId} is not in this article.`);
      if (speakerEntityId && speakerEntityId !== mention.entityId) {
        throw new ApiError('unprocessable-content', 'speakerMentionId names another entity than speakerEntityId.');
      }
      speakerEntityId = mention.entityId;
      data.speakerMentionId = mention.id;
    } else if (input.speakerMentionId === null) {
      data.speakerMentionId = null;
    }
    for (const [field, entityId] of [['speakerEntityId', speakerEntityId], ['viaEntityId', input.viaEntityId]] as const) {
      if (entityId === undefined) continue;
      // Held until the change commits: a merge deleting it meanwhile waits (else a foreign key 500).
      if (entityId !== null && !(await repos.entities.holdForReference([entityId])).has(entityId)) {
        throw new ApiError('unprocessable-content', `${field}: no entity with id ${entityId}.`);
      }
      data[field] = entityId;
    }
    if (input.cue === null) Object.assign(data, { cueStart: null, cueEnd: null, cueText: null });
    else if (input.cue) {
      const cue = anchorSpan(text, input.cue.start, input.cue.end, 'cue');
      Object.assign(data, { cueStart: cue.start, cueEnd: cue.end, cueText: cue.text });
    }
    return Object.assign(data, source);
  }

  private async mentionEntity(repos: Repositories, input: Pick<MentionPatch, 'entityId' | 'entity'>): Promise<string | null> {
    if (input.entityId && input.entity) {
      throw new ApiError('validation-failed', 'Give either `entityId` or `entity`, not both.');
    }
    if (input.entityId) {
      if (!(await repos.entities.holdForReference([input.entityId])).has(input.entityId)) {
        throw new ApiError('unprocessable-content', `entityId: no entity with id ${input.entityId}.`);
      }
      return input.entityId;
    }
    if (input.entity) return repos.entities.findOrCreate(input.entity.type, input.entity.name);
    return null;
  }

  /** Records the event and refreshes the article's counts and version. */
  private async afterChange(
    repos: Repositories,
    articleId: string,
    targetType: AnnotationKind,
    targetId: string,
    action: string,
    actor: string,
    before: Snapshot | null,
    after: Snapshot | null,
  ): Promise<void> {
    await repos.events.append([{ articleId, targetType, targetId, action, actor, before, after }]);
    await repos.articles.setCounts(articleId, await repos.annotations.visibleCounts(articleId));
  }
}
