import { useState } from 'preact/hooks';
import { ApiProblem, client, ifMatch, ok } from '../api';
import { csvHref, toCsv } from '../csv';
import { dayBefore, percent } from '../format';
import { html } from '../html';
import { navigate } from '../router';
import { Empty, ErrorState, Loading } from '../states';
import { ENTITY_TYPE_LABELS, type Gender, type VoicesGenders, type VoicesSpeakers, type VoicesTrend, type VoicesTypes } from '../types';
import { useLoad } from '../use-load';
import { BarChart, ShareBar, StackedColumns } from './charts';

const GENDERS: { key: Gender; label: string; tone: string }[] = [
  { key: 'female', label: 'Women', tone: 'tone-female' },
  { key: 'male', label: 'Men', tone: 'tone-male' },
  { key: 'nonbinary', label: 'Non-binary', tone: 'tone-nonbinary' },
  { key: 'unknown', label: 'Unknown', tone: 'tone-unknown' },
];

const TYPE_LABELS: Record<string, string> = { ...ENTITY_TYPE_LABELS, UNNAMED: 'unnamed source', NONE: 'no source' };

interface Voices {
  speakers: VoicesSpeakers;
  types: VoicesTypes;
  genders: VoicesGenders;
  trend: VoicesTrend;
}

async function loadVoices(query: { from: string; to: string; source?: string }, interval: 'day' | 'week' | 'month'): Promise<Voices> {
  const [speakers, types, genders, trend] = await Promise.all([
    ok(client.GET('/v1/voices/speakers', { params: { query: { ...query, type: 'PERSON,ORG', limit: 20 } } })),
    ok(client.GET('/v1/voices/types', { params: { query } })),
    ok(client.GET('/v1/voices/genders', { params: { query } })),
    ok(client.GET('/v1/voices/trend', { params: { query: { ...query, interval } } })),
  ]);
  return { speakers, types, genders, trend };
}

function Download({ name, header, rows }: { name: string; header: string[]; rows: (string | number | null)[][] }) {
  return html`<a class="button button-quiet download" href=${csvHref(toCsv(header, rows))} download=${`${name}.csv`} data-csv=${name}>Download CSV</a>`;
}

function Panel({ id, title, children }: { id: string; title: string; children: unknown }) {
  return html`<section class="voices-panel" aria-labelledby=${`${id}-heading`} data-panel=${id}>
    <h2 id=${`${id}-heading`}>${title}</h2>
    ${children}
  </section>`;
}

/** Who gets quoted over a period, optionally one source: charts, tables and CSV from the /v1/voices endpoints. */
export function VoicesView({ query }: { query: URLSearchParams }) {
  const to = query.get('to') || dayBefore(0);
  const from = query.get('from') || dayBefore(29, new Date(`${to}T00:00:00Z`));
  const source = query.get('source') || '';
  const interval = (['day', 'week', 'month'].includes(query.get('interval') ?? '') ? query.get('interval') : 'day') as 'day' | 'week' | 'month';
  const scope = { from, to, ...(source ? { source } : {}) };
  const voices = useLoad(() => loadVoices(scope, interval), [from, to, source, interval]);
  const sources = useLoad(() => ok(client.GET('/v1/sources')), []);
  const [genderNote, setGenderNote] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const next = new URLSearchParams();
    for (const key of ['from', 'to', 'source', 'interval']) {
      const value = String(data.get(key) ?? '');
      if (value) next.set(key, value);
    }
    navigate(`/desk/voices?${next.toString()}`);
  };

  const setGender = async (entityId: string, gender: string) => {
    setGenderNote(null);
    try {
      const entity = await ok(client.GET('/v1/entities/{id}', { params: { path: { id: entityId } } }));
      await ok(client.PATCH('/v1/entities/{id}', { params: { path: { id: entityId }, header: ifMatch(entity.version) }, body: { gender } as never }));
      setGenderNote(`Gender of ${entity.canonicalName} set to ${gender}.`);
      voices.reload();
    } catch (error) {
      setGenderNote(error instanceof ApiProblem ? `The gender could not be set: ${error.message}` : 'The gender could not be set.');
    }
  };

  const data = voices.data;
  const total = data ? data.types.items.reduce((sum, item) => sum + item.quotes, 0) : 0;
  const peopleQuotes = data ? data.genders.items.reduce((sum, item) => sum + item.quotes, 0) : 0;

  return html`<section class="voices" aria-labelledby="voices-title">
    <h1 id="voices-title">Who gets quoted</h1>
    <form class="filters" aria-label="Period and source" onSubmit=${submit}>
      <div class="field"><label for="voices-from">From</label><input id="voices-from" name="from" type="date" value=${from} required /></div>
      <div class="field"><label for="voices-to">To</label><input id="voices-to" name="to" type="date" value=${to} required /></div>
      <div class="field">
        <label for="voices-source">Source</label>
        <select id="voices-source" name="source" value=${source}>
          <option value="">Every source</option>
          ${(sources.data?.items ?? []).map((s) => html`<option value=${s.source} key=${s.source}>${s.source}</option>`)}
          ${source && !sources.data?.items.some((s) => s.source === source) ? html`<option value=${source}>${source}</option>` : null}
        </select>
      </div>
      <div class="field">
        <label for="voices-interval">Trend by</label>
        <select id="voices-interval" name="interval" value=${interval}>
          <option value="day">day</option><option value="week">week</option><option value="month">month</option>
        </select>
      </div>
      <div class="field field-actions"><button type="submit" class="button button-primary">Show</button></div>
    </form>
    <p class="muted period-note">Quotes of articles published from ${from} to ${to}${source ? ` by ${source}` : ''} (the ingest date where the publication date is unknown); rejected quotes are not counted.</p>
    ${genderNote ? html`<p class="notice notice-done" role="status">${genderNote}</p>` : null}
    <div class="voices-body" aria-busy=${voices.status === 'loading' ? 'true' : 'false'}>
      ${voices.status === 'error'
        ? html`<${ErrorState} error=${voices.error} retry=${voices.reload} title="The figures could not be loaded" />`
        : !data
          ? html`<div class="voices-grid">${[1, 2, 3, 4].map((n) => html`<div class="voices-panel" key=${n}><${Loading} label="Loading the figures" lines=${7} /></div>`)}</div>`
          : total === 0
            ? html`<${Empty} title="No quotes in this period"><p>Choose a longer period or another source.</p></${Empty}>`
            : html`<div class="voices-grid">
                <${Panel} id="speakers" title="Most quoted people and organisations">
                  <${BarChart} id="chart-speakers" title="Quotes of the most quoted people and organisations"
                    bars=${data.speakers.items.map((item) => ({ label: item.entity.canonicalName, value: item.quotes, tone: item.entity.type === 'PERSON' ? 'tone-person' : 'tone-org' }))} />
                  <table class="table" data-table="speakers">
                    <caption>Most quoted people and organisations, ${from} to ${to}</caption>
                    <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col" class="num">Quotes</th><th scope="col" class="num">Articles</th><th scope="col">Gender</th></tr></thead>
                    <tbody>${data.speakers.items.map((item) => html`<tr key=${item.entity.id} data-entity-id=${item.entity.id}>
                      <th scope="row">${item.entity.canonicalName}</th>
                      <td>${ENTITY_TYPE_LABELS[item.entity.type]}</td>
                      <td class="num">${item.quotes}</td>
                      <td class="num">${item.articles}</td>
                      <td>${item.entity.type === 'PERSON'
                        ? html`<label class="visually-hidden" for=${`g-${item.entity.id}`}>Gender of ${item.entity.canonicalName}</label>
                            <select id=${`g-${item.entity.id}`} value=${item.entity.gender ?? 'unknown'}
                              onChange=${(event: Event) => setGender(item.entity.id, (event.target as HTMLSelectElement).value)}>
                              ${GENDERS.map((g) => html`<option value=${g.key} key=${g.key}>${g.key}</option>`)}
                            </select>
                            <span class="muted">${item.entity.genderSource === 'editor' ? ' set' : ' est.'}</span>`
                        : html`<span class="muted">—</span>`}</td>
                    </tr>`)}</tbody>
                  </table>
                  <${Download} name=${`most-quoted-${from}-${to}`} header=${['entity_id', 'name', 'type', 'quotes', 'articles', 'direct', 'mixed', 'indirect', 'gender', 'gender_source']}
                    rows=${data.speakers.items.map((item) => [item.entity.id, item.entity.canonicalName, item.entity.type, item.quotes, item.articles,
                      item.byKind.direct, item.byKind.mixed, item.byKind.indirect, item.entity.gender, item.entity.genderSource])} />
                </${Panel}>
                <${Panel} id="types" title="Quotes by type of source">
                  <${BarChart} id="chart-types" title="Quotes by type of source"
                    bars=${data.types.items.map((item) => ({ label: TYPE_LABELS[item.type] ?? item.type, value: item.quotes, tone: 'tone-type' }))} />
                  <table class="table" data-table="types">
                    <caption>Quotes by type of source, ${from} to ${to}</caption>
                    <thead><tr><th scope="col">Source type</th><th scope="col" class="num">Quotes</th><th scope="col" class="num">Share</th><th scope="col" class="num">Direct</th><th scope="col" class="num">Mixed</th><th scope="col" class="num">Indirect</th></tr></thead>
                    <tbody>${data.types.items.map((item) => html`<tr key=${item.type}>
                      <th scope="row">${TYPE_LABELS[item.type] ?? item.type}</th><td class="num">${item.quotes}</td><td class="num">${percent(item.quotes, total)}</td>
                      <td class="num">${item.byKind.direct}</td><td class="num">${item.byKind.mixed}</td><td class="num">${item.byKind.indirect}</td></tr>`)}</tbody>
                  </table>
                  <${Download} name=${`source-types-${from}-${to}`} header=${['type', 'quotes', 'direct', 'mixed', 'indirect']}
                    rows=${data.types.items.map((item) => [item.type, item.quotes, item.byKind.direct, item.byKind.mixed, item.byKind.indirect])} />
                </${Panel}>
                <${Panel} id="genders" title="Share of voice by gender of the people quoted">
                  <${ShareBar} id="chart-genders" title="Share of the quotes of people, by estimated gender"
                    parts=${GENDERS.map((g) => ({ label: g.label, value: data.genders.items.find((item) => item.gender === g.key)?.quotes ?? 0, tone: g.tone }))} />
                  <table class="table" data-table="genders">
                    <caption>Quotes of people by gender, ${from} to ${to}. Estimated from given names and pronouns unless an editor set it; unknown where unsure.</caption>
                    <thead><tr><th scope="col">Gender</th><th scope="col" class="num">Quotes</th><th scope="col" class="num">Share</th><th scope="col" class="num">People</th><th scope="col" class="num">Set by editors</th></tr></thead>
                    <tbody>${GENDERS.map((g) => {
                      const item = data.genders.items.find((entry) => entry.gender === g.key);
                      return html`<tr key=${g.key}><th scope="row"><span class=${`swatch ${g.tone}`} aria-hidden="true"></span> ${g.label}</th>
                        <td class="num">${item?.quotes ?? 0}</td><td class="num">${percent(item?.quotes ?? 0, peopleQuotes)}</td>
                        <td class="num">${item?.people ?? 0}</td><td class="num">${item?.editorSet ?? 0}</td></tr>`;
                    })}</tbody>
                  </table>
                  <${Download} name=${`genders-${from}-${to}`} header=${['gender', 'quotes', 'people', 'editor_set']}
                    rows=${data.genders.items.map((item) => [item.gender, item.quotes, item.people, item.editorSet])} />
                </${Panel}>
                <${Panel} id="trend" title=${`Quotes by ${interval}`}>
                  <${StackedColumns} id="chart-trend" title=${`Quotes by ${interval}, people by gender and other sources`}
                    series=${[...GENDERS.map((g) => ({ label: g.label, tone: g.tone })), { label: 'Other sources', tone: 'tone-other' }]}
                    buckets=${data.trend.items.map((item) => {
                      const people = item.people.female + item.people.male + item.people.nonbinary + item.people.unknown;
                      return { label: item.bucket, values: [item.people.female, item.people.male, item.people.nonbinary, item.people.unknown, item.quotes - people] };
                    })} />
                  <p class="legend-inline">${[...GENDERS, { key: 'other', label: 'Other sources', tone: 'tone-other' }].map(
                    (g) => html`<span key=${g.key}><span class=${`swatch ${g.tone}`} aria-hidden="true"></span> ${g.label}</span>`,
                  )}</p>
                  <details class="table-details">
                    <summary>Table</summary>
                    <table class="table" data-table="trend">
                      <caption>Quotes by ${interval}, ${from} to ${to}</caption>
                      <thead><tr><th scope="col">From</th><th scope="col" class="num">Quotes</th>${GENDERS.map((g) => html`<th scope="col" class="num" key=${g.key}>${g.label}</th>`)}</tr></thead>
                      <tbody>${data.trend.items.map((item) => html`<tr key=${item.bucket}><th scope="row">${item.bucket}</th><td class="num">${item.quotes}</td>
                        ${GENDERS.map((g) => html`<td class="num" key=${g.key}>${item.people[g.key]}</td>`)}</tr>`)}</tbody>
                    </table>
                  </details>
                  <${Download} name=${`trend-${interval}-${from}-${to}`} header=${['bucket', 'quotes', 'female', 'male', 'nonbinary', 'unknown']}
                    rows=${data.trend.items.map((item) => [item.bucket, item.quotes, item.people.female, item.people.male, item.people.nonbinary, item.people.unknown])} />
                </${Panel}>
              </div>`}
    </div>
  </section>`;
}
