import { ApiError } from '../errors.js';
import type { Store } from '../repositories/store.js';
import type { VoicesScope } from '../repositories/voices-repository.js';
import {
  MAX_PERIOD_DAYS,
  type SourceList,
  type VoicesGenders,
  type VoicesQuery,
  type VoicesSpeakers,
  type VoicesSpeakersQuery,
  type VoicesTrend,
  type VoicesTrendQuery,
  type VoicesTypes,
} from '../schemas/voices.js';

const DAY_MS = 86_400_000;
const DEFAULT_PERIOD_DAYS = 30;
const MAX_SOURCES = 500;

type Gender = VoicesGenders['items'][number]['gender'];
type EntityType = VoicesSpeakers['items'][number]['entity']['type'];
type SourceKind = VoicesTypes['items'][number]['type'];
type Period = VoicesSpeakers['period'];

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The period of a query as days and as the half-open time range of its articles. */
function scopeOf(query: VoicesQuery, now: Date): { scope: VoicesScope; period: Period } {
  const to = query.to ? new Date(`${query.to}T00:00:00Z`) : new Date(`${dayOf(now)}T00:00:00Z`);
  const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date(to.getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new ApiError('validation-failed', '`from` and `to` must be calendar days (YYYY-MM-DD)');
  }
  if (from > to) throw new ApiError('validation-failed', `\`from\` (${dayOf(from)}) is after \`to\` (${dayOf(to)})`);
  const days = (to.getTime() - from.getTime()) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS) {
    throw new ApiError('validation-failed', `The period covers ${days} days; at most ${MAX_PERIOD_DAYS} are allowed`);
  }
  const source = query.source ?? null;
  return {
    scope: { from, until: new Date(to.getTime() + DAY_MS), source },
    period: { from: dayOf(from), to: dayOf(to), source },
  };
}

/** Every aggregate row carries whether the source exists: a source with no article is a 404. */
function assertKnownSource(rows: { sourceKnown: boolean }[], scope: VoicesScope): void {
  if (scope.source !== null && rows[0]?.sourceKnown !== true) {
    throw new ApiError('not-found', `No articles from source ${JSON.stringify(scope.source)}`);
  }
}

/** Who gets quoted: aggregates over a period, each one statement in Postgres. */
export class VoicesService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get voices() {
    return this.store.repositories.voices;
  }

  async speakers(query: VoicesSpeakersQuery): Promise<VoicesSpeakers> {
    const { scope, period } = scopeOf(query, this.now());
    const types = query.type === undefined ? null : query.type.split(',');
    const rows = await this.voices.speakers(scope, types, query.limit);
    assertKnownSource(rows, scope);
    return {
      period,
      items: rows.flatMap((row) =>
        row.id === null
          ? []
          : [
              {
                entity: {
                  id: row.id,
                  type: row.type as EntityType,
                  canonicalName: row.canonicalName,
                  gender: row.type === 'PERSON' ? ((row.gender ?? 'unknown') as Gender) : null,
                  genderSource: row.type === 'PERSON' ? ((row.genderSource ?? null) as 'estimated' | 'editor' | null) : null,
                },
                quotes: row.quotes,
                articles: row.articles,
                byKind: { direct: row.direct, mixed: row.mixed, indirect: row.indirect },
              },
            ],
      ),
    };
  }

  async sourceTypes(query: VoicesQuery): Promise<VoicesTypes> {
    const { scope, period } = scopeOf(query, this.now());
    const rows = await this.voices.sourceTypes(scope);
    assertKnownSource(rows, scope);
    return {
      period,
      items: rows.flatMap((row) =>
        row.type === null
          ? []
          : [
              {
                type: row.type as SourceKind,
                quotes: row.quotes,
                byKind: { direct: row.direct, mixed: row.mixed, indirect: row.indirect },
              },
            ],
      ),
    };
  }

  async genders(query: VoicesQuery): Promise<VoicesGenders> {
    const { scope, period } = scopeOf(query, this.now());
    const rows = await this.voices.genders(scope);
    assertKnownSource(rows, scope);
    return {
      period,
      items: rows.map((row) => ({
        gender: row.gender as Gender,
        quotes: row.quotes,
        people: row.people,
        editorSet: row.editorSet,
      })),
    };
  }

  async trend(query: VoicesTrendQuery): Promise<VoicesTrend> {
    const { scope, period } = scopeOf(query, this.now());
    const rows = await this.voices.trend(scope, query.interval);
    assertKnownSource(rows, scope);
    return {
      period,
      interval: query.interval,
      items: rows.map((row) => ({
        bucket: row.bucket,
        quotes: row.quotes,
        people: { female: row.female, male: row.male, nonbinary: row.nonbinary, unknown: row.unknown },
      })),
    };
  }

  async sources(): Promise<SourceList> {
    return { items: await this.voices.sources(MAX_SOURCES) };
  }
}
