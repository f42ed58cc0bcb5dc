import type { EntityType } from '../generated/prisma/enums.js';
import { uuidv7 } from 'uuidv7';
import type { DbClient } from './db-client.js';

export interface EntityKey {
  type: EntityType;
  canonicalName: string;
  normalizedName: string;
  aliases: string[];
}

export const normalizeName = (name: string): string =>
  name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

const keyOf = (type: string, normalizedName: string): string => `${type}\u0000${normalizedName}`;

export class EntityRepository {
  constructor(private readonly db: DbClient) {}

  /**
   * Finds or creates the global entity for each key and records new aliases; returns the ids by
   * `type + normalizedName`. Safe under concurrent ingests: inserts skip rows another transaction
   * created, and keys are inserted in one sorted order so two transactions cannot deadlock.
   */
  async resolve(keys: EntityKey[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    if (keys.length === 0) return ids;
    const sorted = [...keys].sort((a, b) => keyOf(a.type, a.normalizedName).localeCompare(keyOf(b.type, b.normalizedName)));
    await this.db.entity.createMany({
      data: sorted.map((key) => ({
        id: uuidv7(),
        type: key.type,
        canonicalName: key.canonicalName,
        normalizedName: key.normalizedName,
      })),
      skipDuplicates: true,
    });
    const rows = await this.db.entity.findMany({
      where: { OR: sorted.map((key) => ({ type: key.type, normalizedName: key.normalizedName })) },
      select: { id: true, type: true, normalizedName: true },
    });
    for (const row of rows) ids.set(keyOf(row.type, row.normalizedName), row.id);
    const aliases = new Map<string, { id: string; entityId: string; alias: string; normalized: string }>();
    for (const key of sorted) {
      const entityId = ids.get(keyOf(key.type, key.normalizedName));
      if (!entityId) continue;
      for (const alias of key.aliases) {
        const normalized = normalizeName(alias);
        aliases.set(`${entityId}\u0000${normalized}`, { id: uuidv7(), entityId, alias, normalized });
      }
    }
    if (aliases.size > 0) {
      await this.db.entityAlias.createMany({
        data: [...aliases.values()].sort((a, b) => (a.entityId + a.normalized).localeCompare(b.entityId + b.normalized)),
        skipDuplicates: true,
      });
    }
    return ids;
  }

  static idKey = keyOf;
}
