import { useState } from 'preact/hooks';
import { EntityPicker, type PickedEntity } from '../entity-picker';
import { html } from '../html';
import { ENTITY_TYPE_LABELS, type ArticleEntity } from '../types';
import type { ArticleActions } from './article-view';
import type { ArticleData } from './load';

export const GENDER_CHOICES = ['female', 'male', 'nonbinary', 'unknown'] as const;

function EntityRow({ entity, data, actions, busy }: { entity: ArticleEntity; data: ArticleData; actions: ArticleActions; busy: boolean }) {
  const [editing, setEditing] = useState<'none' | 'rename' | 'merge'>('none');
  const others: PickedEntity[] = data.entities
    .filter((other) => other.id !== entity.id && other.type === entity.type)
    .map((other) => ({ id: other.id, canonicalName: other.canonicalName, type: other.type }));
  const gender = (entity as { gender?: string | null }).gender ?? null;
  const genderSource = (entity as { genderSource?: string | null }).genderSource ?? null;
  return html`<li class="entity-row" data-entity-row=${entity.id}>
    <p class="entity-name"><span class=${`swatch mention-${entity.type}`} aria-hidden="true"></span>
      <strong>${entity.canonicalName}</strong> <span class="type-tag">${ENTITY_TYPE_LABELS[entity.type]}</span>
      <span class="muted"> · ${entity.mentions.length} ${entity.mentions.length === 1 ? 'mention' : 'mentions'}</span></p>
    ${entity.type === 'PERSON'
      ? html`<p class="gender-line">
          <label for=${`gender-${entity.id}`}>Gender</label>
          <select id=${`gender-${entity.id}`} value=${gender ?? 'unknown'} disabled=${busy}
            onChange=${(event: Event) => actions.setGender(entity.id, (event.target as HTMLSelectElement).value)}>
            ${GENDER_CHOICES.map((choice) => html`<option value=${choice} key=${choice}>${choice}</option>`)}
          </select>
          <span class="muted">${genderSource === 'editor' ? 'set by an editor' : 'estimated'}</span>
        </p>`
      : null}
    <div class="card-actions">
      <button type="button" class="button" aria-expanded=${editing === 'rename' ? 'true' : 'false'} onClick=${() => setEditing(editing === 'rename' ? 'none' : 'rename')}>Rename</button>
      <button type="button" class="button" aria-expanded=${editing === 'merge' ? 'true' : 'false'} onClick=${() => setEditing(editing === 'merge' ? 'none' : 'merge')}>Merge another into it</button>
    </div>
    ${editing === 'rename'
      ? html`<form class="inline-form" onSubmit=${(event: Event) => {
          event.preventDefault();
          const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '').trim();
          if (name) void actions.renameEntity(entity.id, name).then(() => setEditing('none'));
        }}>
          <label for=${`rename-${entity.id}`}>New name</label>
          <input id=${`rename-${entity.id}`} name="name" value=${entity.canonicalName} maxlength="300" required />
          <button type="submit" class="button button-primary" disabled=${busy}>Save</button>
        </form>`
      : null}
    ${editing === 'merge'
      ? html`<${EntityPicker} label=${`Entity to merge into ${entity.canonicalName}`} first=${others} type=${entity.type} exclude=${entity.id}
          onPick=${(other: PickedEntity) => {
            if (confirm(`Merge “${other.canonicalName}” into “${entity.canonicalName}”? Its mentions and quotes move, and it is deleted.`)) {
              void actions.mergeEntity(entity.id, other.id).then(() => setEditing('none'));
            }
          }} />`
      : null}
  </li>`;
}

/** The article's entities: rename, merge, and a person's gender. */
export function EntityPanel({ data, actions, busy }: { data: ArticleData; actions: ArticleActions; busy: boolean }) {
  if (data.entities.length === 0) return html`<p class="state state-empty" data-state="empty">No entities found in this article.</p>`;
  return html`<ul class="entity-list">
    ${data.entities.map((entity) => html`<${EntityRow} key=${entity.id} entity=${entity} data=${data} actions=${actions} busy=${busy} />`)}
  </ul>`;
}
