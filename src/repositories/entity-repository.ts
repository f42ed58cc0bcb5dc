import { uuidv7 } from 'uuidv7';
import { Prisma } from '../generated/prisma/client.js';
import type { EntityType, Gender } from '../generated/prisma/enums.js';
import type { SqlReader } from '../db/sql-reader.js';
import { prismaReader, type DbClient } from './db-client.js';
import { jsonRecordset } from './json-rows.js';

/** An entity with its aliases (alphabetical, a bounded number), as the API shows it. */
export type EntityWithAliases = Prisma.EntityGetPayload<{ include: { aliases: { select: { alias: true } } } }>;

const entityColumns = Prisma.raw(Object.values(Prisma.EntityScalarFieldEnum).map((column) => `e."${column}"`).join(', '));

export interface EntityKey {
  type: EntityType;
  canonicalName: string;
  normalizedName: string;
  aliases: string[];
  /** A person's gender as one article suggests it; anything but female or male tells nothing. */
  gender?: Gender | null | undefined;
}

/** The estimate a key brings: only a definite one, and only for a person. */
const estimateOf = (key: EntityKey): 'female' | 'male' | null =>
  key.type === 'PERSON' && (key.gender === 'female' || key.gender === 'male') ? key.gender : null;

/**
 * Settles a stored gender with the estimates of new articles, in SQL over `e` (the entity) and
 * `k.gender` (a definite estimate). An editor's value is never touched. No estimate yet: the
 * estimate. The same: nothing. A different one: `unknown`, which then stays (articles disagree
 * about this name, so it is left to an editor). The outcome depends only on which estimates were
 * seen, not on their order, so concurrent ingests agree.
 */
const estimateChanges = Prisma.sql`
  e."type" = 'PERSON' AND k.gender IS NOT NULL
  AND e."genderSource" IS DISTINCT FROM 'editor'
  AND e."gender" IS DISTINCT FROM k.gender::"Gender" AND e."gender" IS DISTINCT FROM 'unknown'`;
const settledGender = Prisma.sql`
  "gender" = CASE WHEN e."gender" IS NULL THEN k.gender::"Gender" ELSE 'unknown'::"Gender" END,
  "genderSource" = 'estimated', "version" = e."version" + 1, "updatedAt" = now()`;

export const normalizeName = (name: string): string =>
  name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

const keyOf = (type: string, normalizedName: string): string => `${type}\u0000${normalizedName}`;

/** An alias to record for the entity of `type` and normalized `name`. */
export interface AliasRow {
  type: string;
  name: string;
  alias: string;
  normalized: string;
}

/**
 * The keys to resolve, one per `type + normalizedName` (two keys that normalize alike would join
 * every alias twice: a duplicate alias id in one statement, found by the concurrency fuzzer), in
 * one sorted order so that two transactions inserting them cannot deadlock; and their aliases.
 */
export function prepareEntityKeys(keys: EntityKey[]): { sorted: EntityKey[]; aliasRows: AliasRow[] } {
  const byKey = new Map<string, EntityKey>();
  for (const key of keys) {
    const seen = byKey.get(keyOf(key.type, key.normalizedName));
    if (seen) seen.aliases = [...seen.aliases, ...key.aliases];
    else byKey.set(keyOf(key.type, key.normalizedName), { ...key, aliases: [...key.aliases] });
  }
  const sorted = [...byKey.values()].sort((a, b) => keyOf(a.type, a.normalizedName).localeCompare(keyOf(b.type, b.normalizedName)));
  const aliases = new Map<string, AliasRow>();
  for (const key of sorted) {
    for (const alias of key.aliases) {
      const normalized = normalizeName(alias);
      aliases.set(`${keyOf(key.type, key.normalizedName)}\u0000${normalized}`, { type: key.type, name: key.normalizedName, alias, normalized });
    }
  }
  return { sorted, aliasRows: [...aliases.values()] };
}

/**
 * The common table expressions that resolve `sorted` (from prepareEntityKeys) to entities: insert
 * the missing ones, lock the existing ones against deletion, record new aliases, settle gender
 * estimates. `resolved` ("id", "type" as text, "normalizedName") holds every key found: those the
 * statement inserted and those committed before it began. A key another transaction committed
 * while this insert waited on it, or one a concurrent merge deleted, is in neither.
 */
export function entityResolutionCtes(sorted: EntityKey[], aliasRows: AliasRow[]): Prisma.Sql {
  return Prisma.sql`
      input AS (
        SELECT * FROM ${jsonRecordset(
          sorted.map((key, ord) => ({
            id: uuidv7(),
            type: key.type,
            name: key.canonicalName,
            normalized: key.normalizedName,
            gender: estimateOf(key),
            ord,
          })),
          'e',
          { id: 'uuid', type: 'text', name: 'text', normalized: 'text', gender: 'text', ord: 'int' },
        )}
      ), inserted AS (
        INSERT INTO "Entity" ("id", "type", "canonicalName", "normalizedName", "gender", "genderSource", "updatedAt")
        SELECT id, type::"EntityType", name, normalized, gender::"Gender",
               CASE WHEN gender IS NOT NULL THEN 'estimated'::"GenderSource" END, now()
          FROM input ORDER BY ord
        ON CONFLICT ("type", "normalizedName") DO NOTHING
        RETURNING "id", "type"::text AS "type", "normalizedName"
      ), existing AS (
        -- Locked against deletion (in id order, as merges lock): a row a merge deleted meanwhile is skipped.
        SELECT e."id", e."type"::text AS "type", e."normalizedName" FROM "Entity" e
          JOIN input k ON e."type"::text = k.type AND e."normalizedName" = k.normalized
         ORDER BY e."id" FOR KEY SHARE OF e
      ), resolved AS (
        SELECT * FROM inserted UNION ALL SELECT * FROM existing
      ), aliases AS (
        INSERT INTO "EntityAlias" ("id", "entityId", "alias", "normalized")
        SELECT a.id, r."id", a.alias, a.normalized
          FROM ${jsonRecordset(
            aliasRows.map((row, ord) => ({ id: uuidv7(), ...row, ord })),
            'a',
            { id: 'uuid', type: 'text', name: 'text', alias: 'text', normalized: 'text', ord: 'int' },
          )}
          JOIN resolved r ON r."type" = a.type AND r."normalizedName" = a.name
         ORDER BY a.ord
        ON CONFLICT ("entityId", "normalized") DO NOTHING
      ), estimated AS (
        -- Existing people whose stored gender this article's estimate changes (rows inserted above
        -- already have it). Only rows that change are locked.
        UPDATE "Entity" e SET ${settledGender}
          FROM input k
         WHERE e."type"::text = k.type AND e."normalizedName" = k.normalized AND ${estimateChanges}
      )`;
}

export class EntityRepository {
  constructor(
    private readonly db: DbClient,
    private readonly reader: SqlReader = prismaReader(db),
  ) {}

  /**
   * Finds or creates the global entity for each key and records new aliases; returns the ids by
   * `type + normalizedName`. Safe under concurrent ingests: inserts skip rows another transaction
   * created, and keys are inserted in one sorted order so two transactions cannot deadlock.
   * Every returned entity stays until the transaction ends (a merge that would delete it waits);
   * one that a concurrent merge deleted first is made again, as a later ingest would.
   */
  async resolve(keys: EntityKey[], rounds = 3): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    if (keys.length === 0) return ids;
    const { sorted, aliasRows } = prepareEntityKeys(keys);
    // One statement: insert the missing entities, read the ids of all, record the aliases. The
    // entity part of the statement sees the entities committed before it began and the ones it
    // inserts; one that a concurrent ingest committed while this insert waited on it is in
    // neither, and is read (with its aliases) by the fallback below.
    const rows = await this.db.$queryRaw<{ id: string; type: string; normalizedName: string }[]>`
      WITH ${entityResolutionCtes(sorted, aliasRows)}
      SELECT * FROM resolved`;
    for (const row of rows) ids.set(keyOf(row.type, row.normalizedName), row.id);
    if (sorted.some((key) => !ids.has(keyOf(key.type, key.normalizedName)))) await this.resolveLate(sorted, aliasRows, ids);
    const vanished = sorted.filter((key) => !ids.has(keyOf(key.type, key.normalizedName)));
    if (vanished.length > 0 && rounds > 1) for (const [key, id] of await this.resolve(vanished, rounds - 1)) ids.set(key, id);
    return ids;
  }

  /** The ids (and aliases) of entities a concurrent transaction committed during resolve(). */
  private async resolveLate(
    sorted: EntityKey[],
    aliasRows: AliasRow[],
    ids: Map<string, string>,
  ): Promise<void> {
    const missing = sorted.filter((key) => !ids.has(keyOf(key.type, key.normalizedName)));
    const rows = await this.db.$queryRaw<{ id: string; type: string; normalizedName: string }[]>`
      SELECT e."id", e."type"::text AS "type", e."normalizedName" FROM "Entity" e
        JOIN unnest(${missing.map((key) => key.type)}::text[], ${missing.map((key) => key.normalizedName)}::text[]) AS k(type, normalized)
          ON e."type"::text = k.type AND e."normalizedName" = k.normalized
       ORDER BY e."id" FOR KEY SHARE OF e`;
    for (const row of rows) ids.set(keyOf(row.type, row.normalizedName), row.id);
    const estimates = missing.flatMap((key) => {
      const id = ids.get(keyOf(key.type, key.normalizedName));
      const gender = estimateOf(key);
      return id && gender ? [{ id, gender }] : [];
    });
    if (estimates.length > 0) {
      await this.db.$executeRaw`
        UPDATE "Entity" e SET ${settledGender}
          FROM ${jsonRecordset(estimates, 'k', { id: 'uuid', gender: 'text' })}
         WHERE e."id" = k.id AND ${estimateChanges}`;
    }
    const missingKeys = new Set(missing.map((key) => keyOf(key.type, key.normalizedName)));
    const withIds = aliasRows.flatMap((row) => {
      const key = keyOf(row.type, row.name);
      const entityId = missingKeys.has(key) ? ids.get(key) : undefined;
      return entityId ? [{ id: uuidv7(), entityId, alias: row.alias, normalized: row.normalized }] : [];
    });
    if (withIds.length === 0) return;
    await this.db.$executeRaw`
      INSERT INTO "EntityAlias" ("id", "entityId", "alias", "normalized")
      SELECT a.id, a."entityId", a.alias, a.normalized
        FROM ${jsonRecordset(withIds, 'a', { id: 'uuid', entityId: 'uuid', alias: 'text', normalized: 'text' })}
      ON CONFLICT ("entityId", "normalized") DO NOTHING`;
  }

  static idKey = keyOf;

  /**
   * Which of these entities exist, each kept from deletion (a merge waits) until the transaction
   * ends, so that a row written with its id cannot lose the reference before it commits.
   */
  async holdForReference(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Entity" WHERE "id" = ANY(${[...ids].sort()}::uuid[]) ORDER BY "id" FOR KEY SHARE`;
    return new Set(rows.map((row) => row.id));
  }

  /** Locks these entity rows until the transaction ends, in id order (no deadlock between two lockers). */
  async lockForUpdate(ids: string[]): Promise<void> {
    await this.db.$queryRaw`SELECT "id" FROM "Entity" WHERE "id" = ANY(${[...ids].sort()}::uuid[]) ORDER BY "id" FOR UPDATE`;
  }

  async findById(id: string): Promise<EntityWithAliases | null> {
    return (await this.withAliases(Prisma.sql`e."id" = ${id}::uuid`, 200))[0] ?? null;
  }

  /**
   * The entity with its first 200 aliases and its counts (mentions, articles mentioning it, quotes
   * it is the source of), in one statement; null when there is none. (Looked up first and counted
   * after, it was two statements with a third for the articles: p99 about 2x the raw read's in
   * `npm run bench`.)
   */
  async findWithCounts(id: string): Promise<(EntityWithAliases & { counts: { mentions: number; articles: number; quotes: number } }) | null> {
    const rows = await this.reader.rows<Omit<EntityWithAliases, 'aliases'> & { aliasNames: string[]; mentions: number; articles: number; quotes: number }>(Prisma.sql`
      SELECT ${entityColumns},
             ARRAY(SELECT a."alias"::text FROM "EntityAlias" a WHERE a."entityId" = e."id" ORDER BY a."alias" LIMIT 200) AS "aliasNames",
             m."mentions", m."articles",
             (SELECT count(*)::int FROM "Quote" q WHERE q."speakerEntityId" = e."id") AS "quotes"
        FROM "Entity" e,
             LATERAL (SELECT count(*)::int AS "mentions", count(DISTINCT mm."articleId")::int AS "articles"
                        FROM "Mention" mm WHERE mm."entityId" = e."id") m
       WHERE e."id" = ${id}::uuid`);
    const row = rows[0];
    if (!row) return null;
    const { aliasNames, mentions, articles, quotes, ...entity } = row;
    return { ...entity, aliases: aliasNames.map((alias) => ({ alias })), counts: { mentions, articles, quotes } };
  }

  /**
   * Entities with their first `aliasLimit` aliases, in one statement on the page reader (through
   * Prisma's model queries these reads were two statements and cost more CPU than the query).
   */
  private async withAliases(condition: Prisma.Sql, aliasLimit: number): Promise<EntityWithAliases[]> {
    const rows = await this.reader.rows<Omit<EntityWithAliases, 'aliases'> & { aliasNames: string[] }>(Prisma.sql`
      SELECT ${entityColumns},
             ARRAY(SELECT a."alias"::text FROM "EntityAlias" a WHERE a."entityId" = e."id" ORDER BY a."alias" LIMIT ${aliasLimit}) AS "aliasNames"
        FROM "Entity" e WHERE ${condition}`);
    return rows.map(({ aliasNames, ...row }) => ({ ...row, aliases: aliasNames.map((alias) => ({ alias })) }));
  }

  /** Finds the entity of this type and name, creating it when there is none. */
  async findOrCreate(type: EntityType, name: string): Promise<string> {
    const normalizedName = normalizeName(name);
    const ids = await this.resolve([{ type, canonicalName: name.trim(), normalizedName, aliases: [name.trim()] }]);
    const id = ids.get(keyOf(type, normalizedName));
    if (!id) throw new Error(`entity ${type} ${name} could not be resolved`);
    return id;
  }

  /**
   * Renames if the entity still has `version`; the old name stays an alias. Answers 'clash' when
   * another entity of the type has the name, 'stale' when the version moved on.
   */
  async rename(id: string, version: number, type: EntityType, oldName: string, newName: string): Promise<'ok' | 'clash' | 'stale'> {
    const normalizedName = normalizeName(newName);
    const clash = await this.db.entity.findFirst({ where: { type, normalizedName, NOT: { id } }, select: { id: true } });
    if (clash) return 'clash';
    const { count } = await this.db.entity.updateMany({
      where: { id, version },
      data: { canonicalName: newName, normalizedName, version: { increment: 1 } },
    });
    if (count === 0) return 'stale';
    await this.db.entityAlias.createMany({
      data: [oldName, newName].map((alias) => ({ id: uuidv7(), entityId: id, alias, normalized: normalizeName(alias) })),
      skipDuplicates: true,
    });
    return 'ok';
  }

  /** An editor's gender for a person, if the entity still has `version`; false when it did not. */
  async setGender(id: string, version: number, gender: Gender): Promise<boolean> {
    const { count } = await this.db.entity.updateMany({
      where: { id, version },
      data: { gender, genderSource: 'editor', version: { increment: 1 } },
    });
    return count === 1;
  }

  /**
   * Moves every mention, quote and alias of `sourceId` to `targetId` and deletes the source. A
   * person's gender is settled like two articles' estimates, except that an editor's value wins.
   */
  async merge(targetId: string, sourceId: string, sourceName: string): Promise<void> {
    await this.db.mention.updateMany({ where: { entityId: sourceId }, data: { entityId: targetId } });
    await this.db.quote.updateMany({ where: { speakerEntityId: sourceId }, data: { speakerEntityId: targetId } });
    await this.db.quote.updateMany({ where: { viaEntityId: sourceId }, data: { viaEntityId: targetId } });
    const aliases = await this.db.entityAlias.findMany({ where: { entityId: sourceId }, select: { alias: true } });
    await this.db.entityAlias.createMany({
      data: [sourceName, ...aliases.map((a) => a.alias)].map((alias) => ({
        id: uuidv7(),
        entityId: targetId,
        alias,
        normalized: normalizeName(alias),
      })),
      skipDuplicates: true,
    });
    await this.db.$executeRaw`
      UPDATE "Entity" t SET
        "gender" = CASE
          WHEN t."genderSource" = 'editor' THEN t."gender"
          WHEN s."genderSource" = 'editor' OR t."gender" IS NULL OR s."gender" IS NULL OR s."gender" = t."gender"
            THEN COALESCE(CASE WHEN s."genderSource" = 'editor' THEN s."gender" END, t."gender", s."gender")
          ELSE 'unknown'::"Gender" END,
        "genderSource" = CASE WHEN t."genderSource" = 'editor' OR s."genderSource" = 'editor' THEN 'editor'::"GenderSource"
                              ELSE COALESCE(t."genderSource", s."genderSource") END
        FROM "Entity" s
       WHERE t."id" = ${targetId}::uuid AND s."id" = ${sourceId}::uuid AND t."type" = 'PERSON'`;
    await this.db.entity.delete({ where: { id: sourceId } });
    await this.db.entity.update({ where: { id: targetId }, data: { version: { increment: 1 } } });
  }

  /** The articles whose mentions use this entity (for history events). */
  async articleIdsOf(entityId: string): Promise<string[]> {
    const rows = await this.db.mention.findMany({ where: { entityId }, distinct: ['articleId'], select: { articleId: true } });
    const quoteRows = await this.db.quote.findMany({
      where: { OR: [{ speakerEntityId: entityId }, { viaEntityId: entityId }] },
      distinct: ['articleId'],
      select: { articleId: true },
    });
    return [...new Set([...rows, ...quoteRows].map((row) => row.articleId))];
  }

  /**
   * Name search over canonical names and aliases: prefix matches first, then fuzzy (trigram word
   * similarity) ones, best first; keyset on (score, id).
   */
  search(
    filter: { q?: string | undefined; type?: EntityType | undefined },
    after: { score: number; id: string } | null,
    limit: number,
  ): Promise<{ id: string; score: number }[]> {
    const type = filter.type ? Prisma.sql`AND e."type" = ${filter.type}::"EntityType"` : Prisma.empty;
    if (!filter.q) {
      const cursor = after ? Prisma.sql`AND e."id" > ${after.id}::uuid` : Prisma.empty;
      return this.reader.rows<{ id: string; score: number }>(Prisma.sql`
        SELECT e."id", 0::float8 AS "score" FROM "Entity" e
        WHERE TRUE ${type} ${cursor}
        ORDER BY e."id" LIMIT ${limit}`);
    }
    const q = normalizeName(filter.q);
    const prefix = `${q.replace(/[\%_]/g, '\$&')}%`;
    const cursor = after
      ? Prisma.sql`WHERE ("score" < ${after.score} OR ("score" = ${after.score} AND "id" > ${after.id}::uuid))`
      : Prisma.empty;
    return this.reader.rows<{ id: string; score: number }>(Prisma.sql`
      WITH names AS (
        SELECT e."id", e."normalizedName" AS name FROM "Entity" e WHERE TRUE ${type}
          AND (e."normalizedName" LIKE ${prefix} OR ${q} <% e."normalizedName")
        UNION ALL
        SELECT e."id", a."normalized" AS name FROM "EntityAlias" a JOIN "Entity" e ON e."id" = a."entityId"
          WHERE TRUE ${type} AND (a."normalized" LIKE ${prefix} OR ${q} <% a."normalized")
      ), scored AS (
        SELECT "id", MAX(CASE WHEN name LIKE ${prefix} THEN 2 ELSE 1 END + word_similarity(${q}, name))::float8 AS "score"
        FROM names GROUP BY "id"
      )
      SELECT "id", "score" FROM scored ${cursor}
      ORDER BY "score" DESC, "id" LIMIT ${limit}`);
  }

  findManyByIds(ids: string[]): Promise<EntityWithAliases[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.withAliases(Prisma.sql`e."id" = ANY(${ids}::uuid[])`, 50);
  }
}
