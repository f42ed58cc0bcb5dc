import { ApiError, notFound } from '../errors.js';
import type { Store } from '../repositories/store.js';
import type { EntityType as EntityTypeName, Gender, Quote } from '../schemas/annotations.js';
import type { Entity, EntityDetail, EntityListQuery, EntityPatch, QuoteSearchQuery } from '../schemas/entities.js';
import type { PageResult } from './article-service.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { presentGender, presentQuote } from './presenters.js';
import { isoTime } from '../lib/iso-time.js';

interface EntityRowWithAliases {
  id: string;
  version: number;
  type: EntityTypeName;
  canonicalName: string;
  gender: Gender | null;
  genderSource: 'estimated' | 'editor' | null;
  createdAt: Date;
  updatedAt: Date;
  aliases: { alias: string }[];
}

const presentEntity = (row: EntityRowWithAliases): Entity => ({
  id: row.id,
  version: row.version,
  type: row.type,
  canonicalName: row.canonicalName,
  ...presentGender(row),
  aliases: row.aliases.map((a) => a.alias).filter((alias) => alias !== row.canonicalName),
  createdAt: isoTime(row.createdAt),
  updatedAt: isoTime(row.updatedAt),
});

const staleEntity = () => new ApiError('precondition-failed', 'The entity changed since that ETag: read it again and retry.');

const time = (value: string | undefined): Date | undefined => (value ? new Date(value) : undefined);

/** Entities across articles: search, details, their quotes, renames and merges; and quote search. */
export class EntityService {
  constructor(private readonly store: Store) {}

  private get repos() {
    return this.store.repositories;
  }

  async search(query: EntityListQuery): Promise<PageResult<Entity>> {
    const after = query.cursor ? decodeCursor(query.cursor, { score: 'float', id: 'uuid' }) : null;
    const hits = await this.repos.entities.search({ q: query.q, type: query.type }, after, query.limit + 1);
    const page = hits.slice(0, query.limit);
    const rows = await this.repos.entities.findManyByIds(page.map((hit) => hit.id));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const last = page.at(-1);
    return {
      items: page.flatMap((hit) => {
        const row = byId.get(hit.id);
        return row ? [presentEntity(row)] : [];
      }),
      nextCursor: hits.length > query.limit && last ? encodeCursor({ score: last.score, id: last.id }) : null,
    };
  }

  async get(id: string): Promise<EntityDetail> {
    // Two statements: the entity with its aliases and counts, then its newest articles.
    const found = await this.repos.entities.findWithCounts(id);
    if (!found) throw notFound('entity', id);
    const { counts, ...row } = found;
    const articles = await this.repos.articles.listNamingEntity(id, 20);
    return {
      ...presentEntity(row),
      counts,
      articles: articles.map((a) => ({ id: a.id, headline: a.headline, createdAt: isoTime(a.createdAt) })),
    };
  }

  /** Everything the entity was quoted saying (directly, mixed or indirectly), newest first. */
  async quotes(id: string, query: Pick<QuoteSearchQuery, 'limit' | 'cursor' | 'kind'>): Promise<PageResult<Quote>> {
    if (!(await this.repos.entities.findById(id))) throw notFound('entity', id);
    return this.searchQuotes({ ...query, speaker: id });
  }

  /** Quotes across articles: ranked full-text search with `q`, newest first without. */
  async searchQuotes(query: QuoteSearchQuery): Promise<PageResult<Quote>> {
    const filter = { speakerEntityId: query.speaker, kinds: query.kind, since: time(query.since), until: time(query.until) };
    if (query.q) {
      const after = query.cursor ? decodeCursor(query.cursor, { rank: 'float', id: 'uuid' }) : null;
      const hits = await this.repos.annotations.searchQuotes({ ...filter, q: query.q }, after, query.limit + 1);
      const page = hits.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(presentQuote),
        nextCursor: hits.length > query.limit && last ? encodeCursor({ rank: last.rank, id: last.id }) : null,
      };
    }
    const after = query.cursor ? decodeCursor(query.cursor, { t: 'string', id: 'uuid' }) : null;
    const afterTime = after ? new Date(after.t) : null;
    if (afterTime && Number.isNaN(afterTime.getTime())) throw new ApiError('invalid-cursor');
    const rows = await this.repos.annotations.listRecentQuotes(
      filter,
      after && afterTime ? { createdAt: afterTime, id: after.id } : null,
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(presentQuote),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  /**
   * Renames an entity and/or sets a person's gender as an editor, if it still has `version`; each
   * change is an event in the history of every article that names the entity.
   */
  async update(id: string, version: number, patch: EntityPatch, actor: string): Promise<EntityDetail> {
    await this.store.transaction(async (repos) => {
      const row = await repos.entities.findById(id);
      if (!row) throw notFound('entity', id);
      if (row.version !== version) throw staleEntity();
      if (patch.gender !== undefined && row.type !== 'PERSON') {
        throw new ApiError('unprocessable-content', `Only people have a gender; this entity is ${row.type}.`);
      }
      const changes: { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
      let current = version;
      if (patch.canonicalName !== undefined) {
        const name = patch.canonicalName.trim();
        const outcome = await repos.entities.rename(id, current, row.type, row.canonicalName, name);
        if (outcome === 'clash') {
          throw new ApiError('conflict', `Another ${row.type} is already called ${name}: merge them instead.`);
        }
        if (outcome === 'stale') throw staleEntity();
        current += 1;
        changes.push({ action: 'rename', before: { canonicalName: row.canonicalName }, after: { canonicalName: name } });
      }
      if (patch.gender !== undefined) {
        if (!(await repos.entities.setGender(id, current, patch.gender))) throw staleEntity();
        changes.push({
          action: 'set-gender',
          before: presentGender(row),
          after: { gender: patch.gender, genderSource: 'editor' },
        });
      }
      const articleIds = await repos.entities.articleIdsOf(id);
      await repos.events.append(
        changes.flatMap((change) =>
          [null, ...articleIds].map((articleId) => ({ articleId, targetType: 'entity' as const, targetId: id, actor, ...change })),
        ),
      );
    });
    return this.get(id);
  }

  /** Merges `sourceId` into `targetId`: its mentions, quotes and names move; it is deleted. */
  async merge(targetId: string, sourceId: string, actor: string): Promise<EntityDetail> {
    if (targetId === sourceId) throw new ApiError('unprocessable-content', 'An entity cannot be merged into itself.');
    await this.store.transaction(async (repos) => {
      // Both rows locked first (in id order): a concurrent merge of either waits, then finds it gone.
      await repos.entities.lockForUpdate([targetId, sourceId]);
      const target = await repos.entities.findById(targetId);
      const source = await repos.entities.findById(sourceId);
      if (!target) throw notFound('entity', targetId);
      if (!source) throw new ApiError('unprocessable-content', `entityId: no entity with id ${sourceId}.`);
      if (source.type !== target.type) {
        throw new ApiError('unprocessable-content', `A ${source.type} cannot be merged into a ${target.type}: change the mentions' entity instead.`);
      }
      const articleIds = await repos.entities.articleIdsOf(sourceId);
      await repos.entities.merge(targetId, sourceId, source.canonicalName);
      await repos.events.append(
        [null, ...articleIds].map((articleId) => ({
          articleId,
          targetType: 'entity' as const,
          targetId,
          action: 'merge',
          actor,
          before: {
            merged: { id: source.id, type: source.type, canonicalName: source.canonicalName },
            into: { id: target.id, canonicalName: target.canonicalName },
          },
          after: { id: target.id, canonicalName: target.canonicalName },
        })),
      );
      for (const articleId of articleIds) {
        await repos.articles.setCounts(articleId, await repos.annotations.visibleCounts(articleId));
      }
    });
    return this.get(targetId);
  }
}
