import { useState } from 'preact/hooks';
import { EntityPicker, type PickedEntity } from '../entity-picker';
import { html } from '../html';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type ArticleEntity, type EntityType, type Quote, type QuoteKind } from '../types';
import type { ArticleActions, Span } from './article-view';

/** What can be done with the words the editor selected. */
export function SelectionBar({
  span,
  selectedQuote,
  entities,
  actions,
  busy,
}: {
  span: Span;
  selectedQuote: Quote | null;
  entities: ArticleEntity[];
  actions: ArticleActions;
  busy: boolean;
}) {
  const [mode, setMode] = useState<'none' | 'mention'>('none');
  const [newType, setNewType] = useState<EntityType>('PERSON');
  const first: PickedEntity[] = entities.map((entity) => ({ id: entity.id, canonicalName: entity.canonicalName, type: entity.type }));
  const add = (kind: QuoteKind) => actions.addQuote(span, kind);
  return html`<section class="selection-bar" aria-label="Selected text">
    <p class="selection-text">Selected: <q>${span.text.length > 120 ? `${span.text.slice(0, 119)}…` : span.text}</q>
      <span class="muted"> (${span.start}–${span.end})</span></p>
    <div class="card-actions">
      <button type="button" class="button" disabled=${busy} onClick=${() => add('direct')}>Add direct quote</button>
      <button type="button" class="button" disabled=${busy} onClick=${() => add('mixed')}>Add mixed quote</button>
      <button type="button" class="button" disabled=${busy} onClick=${() => add('indirect')}>Add indirect quote</button>
      <button type="button" class="button" disabled=${busy} aria-expanded=${mode === 'mention' ? 'true' : 'false'}
        onClick=${() => setMode(mode === 'mention' ? 'none' : 'mention')}>Add mention</button>
      ${selectedQuote
        ? html`<button type="button" class="button" disabled=${busy} onClick=${() => actions.setSpan(selectedQuote, span)}>Set as span of the selected quote</button>`
        : null}
    </div>
    ${mode === 'mention'
      ? html`<div class="mention-form">
          <${EntityPicker} label="Mention of" first=${first}
            onPick=${(entity: PickedEntity) => actions.addMention(span, { entityId: entity.id })} />
          <form class="new-entity" onSubmit=${(event: Event) => {
            event.preventDefault();
            void actions.addMention(span, { entity: { type: newType, name: span.text } });
          }}>
            <label for="new-entity-type">Or a new entity named “${span.text}”, of type</label>
            <select id="new-entity-type" value=${newType} onChange=${(event: Event) => setNewType((event.target as HTMLSelectElement).value as EntityType)}>
              ${ENTITY_TYPES.map((type) => html`<option value=${type} key=${type}>${ENTITY_TYPE_LABELS[type]}</option>`)}
            </select>
            <button type="submit" class="button button-primary" disabled=${busy}>Add new entity</button>
          </form>
        </div>`
      : null}
  </section>`;
}
