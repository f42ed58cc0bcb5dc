import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { ApiError, notFound } from '../errors.js';
import type { NotificationHandler, Subscription } from '../db/notifications.js';
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


// Every request authenticates, so lookups are cached, and a revoke must still hold at once in
// every process that shares the database. The rule, the same in each process:
// - a revoke commits with NOTIFY api_key_changes; every process LISTENs (src/db/notifications.ts),
//   drops the key from its cache when told and acknowledges; the revoking process answers 204 only
//   once every listening process has acknowledged (one that does not within 2 s has its listening
//   connection cut, so it stops trusting its cache);
// - every invalidation bumps a generation number, and a lookup that began under an older
//   generation answers its own request but never fills the cache, so a lookup in flight during a
//   revoke cannot put the key back;
// - while the LISTEN connection is down the cache is not used at all (each request looks its key
//   up), since notifications are lost then; reconnecting clears it.
// Cached keys cost no round trip, so reads keep their speed.
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 10_000;
/** Unknown keys are remembered too (no round trip for a key that keeps failing) until a key is created. */
const UNKNOWN_TTL_MS = 60_000;
/** Look-ups of unknown keys per client address a minute; past it, 429 without a database round trip. */
export const UNKNOWN_KEY_LOOKUPS_PER_MINUTE = 30;
const CHANNEL = 'api_key_changes';
/** How long a revoke waits for every process to acknowledge it. */
const ACKNOWLEDGE_WAIT_MS = 2_000;

export interface ApiKeyServiceOptions {
  /** Notifications from the other processes on the database; without it the cache is this process's alone. */
  listen?: (channel: string, handler: NotificationHandler) => Subscription;
}

export class ApiKeyService {
  private readonly cache = new Map<string, { principal: Principal; until: number }>();
  private readonly unknown = new Map<string, number>();
  private readonly failures = new Map<string, { count: number; windowEnds: number }>();
  private generation = 0;
  private readonly subscription: Subscription | null;

  constructor(
    private readonly store: Store,
    options: ApiKeyServiceOptions = {},
  ) {
    this.subscription = options.listen
      ? options.listen(CHANNEL, {
          onMessage: (payload) => this.onNotification(payload),
          onReset: () => this.invalidateAll(),
        })
      : null;
  }

  private get keys() {
    return this.store.repositories.apiKeys;
  }

  /** The cache may be trusted only while this process hears of every change. */
  private cacheUsable(): boolean {
    return this.subscription === null || this.subscription.listening();
  }

  private invalidateAll(): void {
    this.generation++;
    this.cache.clear();
    this.unknown.clear();
  }

  private invalidateKey(keyId: string): void {
    this.generation++;
    for (const [hash, entry] of this.cache) if (entry.principal.keyId === keyId) this.cache.delete(hash);
  }

  private onNotification(payload: string): void {
    const [kind, keyId] = payload.split(':');
    if (kind === 'revoked' && keyId) {
      this.invalidateKey(keyId);
    } else if (kind === 'created') {
      this.generation++;
      this.unknown.clear();
    }
  }

  /**
   * The key's holder, or null for an unknown or revoked key. `client` (the caller's address) is
   * charged for look-ups of unknown keys: past UNKNOWN_KEY_LOOKUPS_PER_MINUTE they are a 429.
   */
  async authenticate(token: string, client = 'local'): Promise<Principal | null> {
    if (!token.startsWith('na_') || token.length > 200) return null;
    const hash = hashKey(token);
    const now = Date.now();
    const usable = this.cacheUsable();
    if (usable) {
      const cached = this.cache.get(hash);
      if (cached && cached.until > now) return cached.principal;
      const unknownUntil = this.unknown.get(hash);
      if (unknownUntil !== undefined && unknownUntil > now) return null;
    }
    const failures = this.failures.get(client);
    if (failures && failures.windowEnds > now && failures.count >= UNKNOWN_KEY_LOOKUPS_PER_MINUTE) {
      throw new ApiError('too-many-requests', 'Too many unknown API keys from this address; retry later.', {}, {
        'retry-after': String(Math.max(1, Math.ceil((failures.windowEnds - now) / 1000))),
      });
    }
    const generation = this.generation;
    const row = await this.keys.lookupByHash(hash);
    const principal = row && !row.revokedAt ? { keyId: row.id, name: row.name, scopes: row.scopes } : null;
    // Only keys that never existed count against the address (a client still using its revoked key
    // is answered from the cache after once).
    if (!row) this.chargeFailure(client, now);
    // A lookup that began before an invalidation answers its own request, but does not refill the cache.
    if (!usable || generation !== this.generation || !this.cacheUsable()) return principal;
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    if (this.unknown.size >= CACHE_MAX_ENTRIES) this.unknown.clear();
    if (principal) this.cache.set(hash, { principal, until: now + CACHE_TTL_MS });
    else this.unknown.set(hash, now + UNKNOWN_TTL_MS);
    return principal;
  }

  private chargeFailure(client: string, now: number): void {
    const current = this.failures.get(client);
    if (current && current.windowEnds > now) current.count++;
    else {
      if (this.failures.size >= CACHE_MAX_ENTRIES) this.failures.clear();
      this.failures.set(client, { count: 1, windowEnds: now + 60_000 });
    }
  }

  /** Stops listening (at shutdown). */
  async close(): Promise<void> {
    await this.subscription?.close();
  }

  /** Creates a key; the plain key is in the answer and nowhere else, ever. */
  async create(input: { name: string; scopes: ApiKeyScope[] }, plainKey = newKey()): Promise<CreatedApiKey> {
    try {
      const row = await this.store.transaction(async (repos) => {
        const created = await repos.apiKeys.create({
          id: uuidv7(),
          name: input.name,
          prefix: plainKey.slice(0, 10),
          hash: hashKey(plainKey),
          scopes: [...new Set(input.scopes)],
        });
        // Other processes forget the unknown keys they remembered: this may be one of them.
        await repos.apiKeys.notifyChange('created');
        return created;
      });
      this.generation++;
      this.unknown.clear();
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

  /**
   * Revokes a key for every process at once (see the cache rule above). The last active admin key
   * cannot be revoked: nobody could manage keys any more (409).
   */
  async revoke(id: string): Promise<void> {
    // Unique per call: two revokes of one key wait for their own acknowledgements.
    const payload = `revoked:${id}:${randomBytes(6).toString('hex')}`;
    const hearing = this.subscription?.expect(payload) ?? null;
    try {
      await this.store.transaction(async (repos) => {
        const admins = await repos.apiKeys.lockActiveAdmins();
        if (admins.length === 1 && admins[0] === id) {
          throw new ApiError('conflict', 'This is the last active admin key: create another admin key before revoking it.');
        }
        if (!(await repos.apiKeys.revoke(id))) throw notFound('API key', id);
        await repos.apiKeys.notifyChange(payload);
      });
      this.invalidateKey(id);
      // The 204 waits until every listening process has dropped the key (see the cache rule above).
      if (hearing && this.subscription?.listening()) {
        const late = await hearing.everyone(ACKNOWLEDGE_WAIT_MS);
        if (late.length > 0) {
          process.emitWarning(`API key ${id} revoked; ${late.length} process(es) did not acknowledge within ${ACKNOWLEDGE_WAIT_MS} ms and lost their listening connection`);
        }
      }
    } finally {
      hearing?.cancel();
    }
  }

  /**
   * Makes sure an admin can get in: registers ADMIN_API_KEY when given, or on a first start with
   * no keys at all creates one. Returns the plain key only when it was just created here.
   */
  async ensureAdminKey(configuredKey: string | undefined): Promise<string | null> {
    if (configuredKey) {
      const existing = await this.keys.findByHash(hashKey(configuredKey));
      if (existing?.revokedAt) {
        // Revoked stays revoked: the service starts, and says why the key does not work.
        process.emitWarning('ADMIN_API_KEY names a key that was revoked; it stays revoked. Set another key.');
        return null;
      }
      if (existing) return null;
      try {
        await this.create({ name: `admin-${hashKey(configuredKey).slice(0, 8)}`, scopes: ['admin'] }, configuredKey);
      } catch (error) {
        // Another process registered it at the same moment.
        if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
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
