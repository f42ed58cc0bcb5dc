import { useState } from 'preact/hooks';
import { client, ok } from './api';
import { EntityPicker, type PickedEntity } from './entity-picker';
import { formatDate } from './format';
import { html } from './html';
import { navigate } from './router';
import { Empty, ErrorState, Loading } from './states';
import type { ArticleSummary } from './types';
import { useLoad } from './use-load';

const PAGE = 25;

interface Filters {
  source: string;
  since: string;
  /** The last day (inclusive) of the ingest dates shown. */
  until: string;
  entity: string;
  entityName: string;
  q: string;
}

const filtersOf = (query: URLSearchParams): Filters => ({
  source: query.get('source') ?? '',
  since: query.get('since') ?? '',
  until: query.get('until') ?? '',
  entity: query.get('entity') ?? '',
  entityName: query.get('entityName') ?? '',
  q: query.get('q') ?? '',
});

/** Midnight UTC `days` after the start of a YYYY-MM-DD day; undefined for what is no day (a hand-edited URL). */
const midnightAfter = (day: string, days: number): string | undefined => {
  const time = Date.parse(`${day}T00:00:00Z`);
  return day && !Number.isNaN(time) ? new Date(time + days * 86_400_000).toISOString() : undefined;
};

const hrefOf = (filters: Filters) => {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  const text = query.toString();
  return text ? `/desk/?${text}` : '/desk/';
};

/** Newest articles first, filtered, with how much of each is still to review. */
export function Inbox({ query }: { query: URLSearchParams }) {
  const filters = filtersOf(query);
  const [more, setMore] = useState<{ items: ArticleSummary[]; cursor: string | null; loading: boolean; error: unknown }>({
    items: [],
    cursor: null,
    loading: false,
    error: null,
  });
  const sources = useLoad(() => ok(client.GET('/v1/sources')), []);
  const since = midnightAfter(filters.since, 0);
  // The API's bound is exclusive: midnight at the end of the chosen day.
  const until = midnightAfter(filters.until, 1);
  const listQuery = {
    limit: PAGE,
    ...(filters.source ? { source: filters.source } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.q ? { q: filters.q } : {}),
  };
  const page = useLoad(async () => {
    const result = await ok(client.GET('/v1/articles', { params: { query: listQuery } }));
    setMore({ items: [], cursor: result.nextCursor, loading: false, error: null });
    return result;
  }, [filters.source, filters.since, filters.until, filters.entity, filters.q]);

  const loadMore = async () => {
    if (!more.cursor) return;
    setMore({ ...more, loading: true, error: null });
    try {
      const next = await ok(client.GET('/v1/articles', { params: { query: { ...listQuery, cursor: more.cursor } } }));
      setMore({ items: [...more.items, ...next.items], cursor: next.nextCursor, loading: false, error: null });
    } catch (error) {
      setMore({ ...more, loading: false, error });
    }
  };

  const apply = (changes: Partial<Filters>) => navigate(hrefOf({ ...filters, ...changes }));
  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    apply({
      q: String(data.get('q') ?? '').trim(),
      since: String(data.get('since') ?? ''),
      until: String(data.get('until') ?? ''),
      source: String(data.get('source') ?? ''),
    });
  };
  const filtered = filters.source || filters.since || filters.until || filters.entity || filters.q;
  const items = [...(page.data?.items ?? []), ...more.items];

  return html`<section class="inbox" aria-labelledby="inbox-title">
    <h1 id="inbox-title">Inbox</h1>
    <form class="filters" role="search" aria-label="Filter articles" onSubmit=${submit}>
      <div class="field">
        <label for="filter-q">Text</label>
        <input id="filter-q" name="q" type="search" value=${filters.q} maxlength="500" />
      </div>
      <div class="field">
        <label for="filter-source">Source</label>
        <select id="filter-source" name="source" value=${filters.source}>
          <option value="">Every source</option>
          ${(sources.data?.items ?? []).map((s) => html`<option value=${s.source} key=${s.source}>${s.source} (${s.articles})</option>`)}
          ${filters.source && !sources.data?.items.some((s) => s.source === filters.source)
            ? html`<option value=${filters.source}>${filters.source}</option>`
            : null}
        </select>
      </div>
      <div class="field">
        <label for="filter-since">Ingested since</label>
        <input id="filter-since" name="since" type="date" value=${filters.since} />
      </div>
      <div class="field">
        <label for="filter-until">Ingested until</label>
        <input id="filter-until" name="until" type="date" value=${filters.until} />
      </div>
      <div class="field field-actions">
        <button type="submit" class="button button-primary">Filter</button>
        ${filtered ? html`<a class="button button-quiet" href="/desk/">Clear</a>` : null}
      </div>
    </form>
    <div class="entity-filter">
      ${filters.entity
        ? html`<p class="chip">Naming <strong>${filters.entityName || 'the chosen entity'}</strong>
            <button type="button" class="button button-quiet" onClick=${() => apply({ entity: '', entityName: '' })}>Remove</button></p>`
        : html`<details><summary>Filter by entity</summary>
            <${EntityPicker} label="Entity named in the article"
              onPick=${(entity: PickedEntity) => apply({ entity: entity.id, entityName: entity.canonicalName })} /></details>`}
    </div>
    <div class="inbox-list" aria-busy=${page.status === 'loading' ? 'true' : 'false'}>
      ${page.status === 'error'
        ? html`<${ErrorState} error=${page.error} retry=${page.reload} title="The articles could not be loaded" />`
        : page.status === 'loading' && !page.data
          ? html`<${Loading} label="Loading articles" lines=${8} />`
          : items.length === 0
            ? html`<${Empty} title=${filtered ? 'No article matches these filters' : 'No articles yet'}>
                <p>${filtered
                  ? 'Change or clear the filters.'
                  : html`Articles appear here once they are ingested, for example with <code>POST /v1/articles</code>.`}</p>
              </${Empty}>`
            : html`<table class="table articles">
                <caption class="visually-hidden">Articles, newest first</caption>
                <thead><tr>
                  <th scope="col">Headline</th><th scope="col">Source</th><th scope="col">Date</th>
                  <th scope="col" class="num">Quotes</th><th scope="col" class="num">To review</th>
                </tr></thead>
                <tbody>
                  ${items.map((article) => {
                    const unreviewed = article.unreviewed.quotes + article.unreviewed.mentions;
                    return html`<tr key=${article.id} data-article-id=${article.id}>
                      <td><a href=${`/desk/articles/${article.id}`}>${article.headline ?? '(no headline)'}</a></td>
                      <td>${article.source ?? '—'}</td>
                      <td><time datetime=${article.publishedAt ?? article.createdAt}>${formatDate(article.publishedAt ?? article.createdAt)}</time></td>
                      <td class="num">${article.counts.quotes}</td>
                      <td class="num">
                        ${unreviewed === 0
                          ? html`<span class="done">All reviewed</span>`
                          : html`<span class="pending" title=${`${article.unreviewed.quotes} quotes and ${article.unreviewed.mentions} mentions unreviewed`}>
                              ${article.unreviewed.quotes} quotes, ${article.unreviewed.mentions} mentions</span>`}
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>
              ${more.error ? html`<${ErrorState} error=${more.error} retry=${loadMore} title="More articles could not be loaded" />` : null}
              ${more.cursor
                ? html`<button type="button" class="button load-more" onClick=${loadMore} disabled=${more.loading}>
                    ${more.loading ? 'Loading…' : 'Load more articles'}</button>`
                : null}`}
    </div>
  </section>`;
}
