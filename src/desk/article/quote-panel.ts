import { EntityPicker, type PickedEntity } from '../entity-picker';
import { html } from '../html';
import { ENTITY_TYPE_LABELS, KIND_LABELS, type Quote } from '../types';
import type { ArticleActions, Span } from './article-view';
import type { ArticleData } from './load';

const excerpt = (text: string, length = 160) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
const unnamedSource = (quote: Quote) => (quote as { unnamedSource?: { text: string } | null }).unnamedSource ?? null;

const STATUS_LABELS: Record<string, string> = {
  unreviewed: 'unreviewed',
  confirmed: 'accepted',
  rejected: 'rejected',
  orphaned: 'orphaned (its words are gone)',
};

function QuoteCard({
  quote,
  selected,
  data,
  actions,
  busy,
  choosingSpeaker,
  setSpeakerFor,
  span,
}: {
  quote: Quote;
  selected: boolean;
  data: ArticleData;
  actions: ArticleActions;
  busy: boolean;
  choosingSpeaker: boolean;
  setSpeakerFor: (id: string | null) => void;
  span: Span | null;
}) {
  const status = quote.provenance.reviewStatus;
  const speakers: PickedEntity[] = data.entities
    .filter((entity) => entity.type === 'PERSON' || entity.type === 'ORG' || entity.type === 'NORP')
    .map((entity) => ({ id: entity.id, canonicalName: entity.canonicalName, type: entity.type }));
  return html`<li class=${`quote-card quote-card-${quote.kind}${selected ? ' is-selected' : ''}`} data-card-of=${quote.id}
      tabindex="-1" aria-current=${selected ? 'true' : undefined} data-status=${status}>
    <button type="button" class="quote-card-text" onClick=${() => actions.select(quote.id)} aria-pressed=${selected ? 'true' : 'false'}>
      <span class="kind-badge">${KIND_LABELS[quote.kind]}</span> ${excerpt(quote.text)}
    </button>
    <dl class="facts">
      <dt>Speaker</dt>
      <dd data-speaker>${quote.speaker
        ? html`${quote.speaker.canonicalName} <span class="type-tag">${ENTITY_TYPE_LABELS[quote.speaker.type]}</span>`
        : unnamedSource(quote)
          ? html`${unnamedSource(quote)!.text} <span class="type-tag">unnamed source</span>`
          : html`<span class="muted">none</span>`}</dd>
      ${quote.via ? html`<dt>Via</dt><dd>${quote.via.canonicalName}</dd>` : null}
      <dt>Cue</dt><dd>${quote.cue?.text ?? html`<span class="muted">none</span>`}</dd>
      <dt>Rule</dt><dd><code>${quote.attribution.rule}</code></dd>
      <dt>Confidence</dt><dd>${quote.attribution.confidence.toFixed(2)}</dd>
      <dt>Status</dt><dd>${STATUS_LABELS[status] ?? status}${quote.provenance.updatedBy ? ` · ${quote.provenance.updatedBy}` : ''}</dd>
    </dl>
    <div class="card-actions">
      ${status === 'rejected'
        ? html`<button type="button" class="button" disabled=${busy} onClick=${() => actions.review(quote, 'unreviewed')}>Restore</button>`
        : html`
          <button type="button" class="button button-accept" disabled=${busy || status === 'confirmed'} onClick=${() => actions.review(quote, 'confirmed')}>Accept</button>
          <button type="button" class="button button-reject" disabled=${busy} onClick=${() => actions.review(quote, 'rejected')}>Reject</button>
          <button type="button" class="button" disabled=${busy} aria-expanded=${choosingSpeaker ? 'true' : 'false'}
            onClick=${() => setSpeakerFor(choosingSpeaker ? null : quote.id)}>Change speaker</button>
          ${span && selected
            ? html`<button type="button" class="button" disabled=${busy} onClick=${() => actions.setSpan(quote, span)}>Set span to selection</button>`
            : null}`}
    </div>
    ${choosingSpeaker
      ? html`<div class="speaker-picker">
          <${EntityPicker} label="New speaker" first=${speakers} exclude=${quote.speaker?.id} autoFocus=${true}
            onPick=${(entity: PickedEntity) => actions.setSpeaker(quote, entity.id)} />
          ${quote.speaker
            ? html`<button type="button" class="button button-quiet" onClick=${() => actions.setSpeaker(quote, null)}>Remove the speaker</button>`
            : null}
        </div>`
      : null}
  </li>`;
}

/** The quotes in text order, with what attributed them and the editor's controls. */
export function QuotePanel(props: {
  data: ArticleData;
  selected: string | null;
  actions: ArticleActions;
  busy: boolean;
  speakerFor: string | null;
  setSpeakerFor: (id: string | null) => void;
  span: Span | null;
}) {
  const { data, selected, speakerFor } = props;
  const shown = data.quotes.filter((quote) => quote.provenance.reviewStatus !== 'rejected');
  const rejected = data.quotes.filter((quote) => quote.provenance.reviewStatus === 'rejected');
  const card = (quote: Quote) =>
    html`<${QuoteCard} key=${quote.id} quote=${quote} selected=${quote.id === selected} data=${data} actions=${props.actions}
      busy=${props.busy} choosingSpeaker=${speakerFor === quote.id} setSpeakerFor=${props.setSpeakerFor} span=${props.span} />`;
  return html`<div class="quote-panel">
    <ol class="quote-list" aria-label="Quotes in text order">${shown.map(card)}</ol>
    ${rejected.length > 0
      ? html`<details class="rejected"><summary>Rejected quotes (${rejected.length})</summary>
          <ol class="quote-list" aria-label="Rejected quotes">${rejected.map(card)}</ol></details>`
      : null}
  </div>`;
}
