import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { ApiError, notFound } from '../errors.js';
import type { ApiKeyRow } from '../repositories/api-key-repository.js';
import { isUniqueViolation } from '../repositories/db-client.js';
import type { Store } from '../repositories/store.js';
import type { ApiKey, ApiKeyScope, CreatedApiKey } from '../schemas/api-keys.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { PageResult } from './article-service.js';

/** Who is calling: the key's id, its name (recorded as the actor of changes) and its scopes. */
export interface Principal {
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
}

// Keys are 256 random bits, so a plain SHA-256 is enough to store them safely (no stretching).
const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');
const newKey = (): string => `na_${randomBytes(32).toString('base64url')}`;

const scopeRank: Record<ApiKeyScope, number> = { read: 1, write: 2, admin: 3 };

/** admin includes write, write includes read. */
export function allows(principal: Principal, needed: ApiKeyScope): boolean {
  return principal.scopes.some((scope) => scopeRank[scope] >= scopeRank[needed]);
}

const present = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdAt: row.createdAt.toISOString(),
});


// Every request authenticates: a short cache saves the lookup. A key revoked in this process is
// dropped from the cache at once; other processes notice within the TTL (docs/scaling.md).
const CACHE_TTL_MS = 5_000;
const CACHE_MAX_ENTRIES = 10_000;

export class ApiKeyService {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();

  constructor(private readonly store: Store) {}

  private get keys() {
    return this.store.repositories.apiKeys;
  }

  async authenticate(token: string): Promise<Principal | null> {
    if (!token.startsWith('na_') || token.length > 200) return null;
    const hash = hashKey(token);
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const row = await this.keys.findActiveByHash(hash);
    const principal = row ? { keyId: row.id, name: row.name, scopes: row.scopes } : null;
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    // Unknown keys are not cached, so a key created in another process works at once.
    if (principal) this.cache.set(hash, { principal, until: Date.now() + CACHE_TTL_MS });
    return principal;
  }

  /** Creates a key; the plain key is in the answer and nowhere else, ever. */
  async create(input: { name: string; scopes: ApiKeyScope[] }, plainKey = newKey()): Promise<CreatedApiKey> {
    try {
      const row = await this.keys.create({
        id: uuidv7(),
        name: input.name,
        prefix: plainKey.slice(0, 10),
        hash: hashKey(plainKey),
        scopes: [...new Set(input.scopes)],
      });
      return { ...present(row), key: plainKey };
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError('conflict', `A key named ${input.name} already exists.`);
      throw error;
    }
  }

  async list(query: { limit: number; cursor?: string | undefined }): Promise<PageResult<ApiKey>> {
    const beforeId = query.cursor ? decodeCursor(query.cursor, { id: 'uuid' }).id : undefined;
    const rows = await this.keys.list(query.limit + 1, beforeId);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(present),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
    };
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.keys.revoke(id))) throw notFound('API key', id);
    for (const [hash, entry] of this.cache) if (entry.principal?.keyId === id) this.cache.delete(hash);
  }

  /**
   * Makes sure an admin can get in: registers ADMIN_API_KEY when given, or on a first start with
   * no keys at all creates one. Returns the plain key only when it was just created here.
   */
  async ensureAdminKey(configuredKey: string | undefined): Promise<string | null> {
    if (configuredKey) {
      if (!(await this.authenticate(configuredKey))) {
        await this.create({ name: `admin-${hashKey(configuredKey).slice(0, 8)}`, scopes: ['admin'] }, configuredKey);
      }
      return null;
    }
    if ((await this.keys.countActive()) > 0) return null;
    try {
      return (await this.create({ name: 'admin', scopes: ['admin'] })).key;
    } catch (error) {
      // Another process created the first admin key at the same moment.
      if (error instanceof ApiError && error.code === 'conflict') return null;
      throw error;
    }
  }
}
