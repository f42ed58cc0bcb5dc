import { useEffect, useRef, useState } from 'preact/hooks';
import { client, ok } from './api';
import { html } from './html';
import { ENTITY_TYPE_LABELS, type Entity, type EntityType } from './types';

export interface PickedEntity {
  id: string;
  canonicalName: string;
  type: EntityType;
}

/**
 * Finds an entity by name (the API's prefix and fuzzy search) and hands the chosen one back.
 * `first` lists entities to offer before any search (the article's own).
 */
export function EntityPicker({
  label,
  onPick,
  type,
  first = [],
  exclude,
  autoFocus = false,
}: {
  label: string;
  onPick: (entity: PickedEntity) => void;
  type?: EntityType | undefined;
  first?: PickedEntity[];
  exclude?: string | undefined;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Entity[] | null>(null);
  const [failed, setFailed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useRef(`picker-${Math.random().toString(36).slice(2, 8)}`).current;
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      ok(client.GET('/v1/entities', { params: { query: { q, limit: 8, ...(type ? { type } : {}) } } })).then(
        (page) => live && (setFound(page.items), setFailed(false)),
        () => live && setFailed(true),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, type]);

  const q = text.trim().toLowerCase();
  const local = first.filter((entity) => entity.id !== exclude && (!q || entity.canonicalName.toLowerCase().includes(q)));
  const remote = (found ?? []).filter((entity) => entity.id !== exclude && !local.some((l) => l.id === entity.id));
  const options = [...local, ...remote].slice(0, 12);
  return html`<div class="picker">
    <label for=${id}>${label}</label>
    <input id=${id} ref=${input} type="search" value=${text} autocomplete="off"
      onInput=${(event: Event) => setText((event.target as HTMLInputElement).value)} />
    ${failed ? html`<p class="form-error" role="alert">The search failed; try again.</p>` : null}
    <ul class="picker-options" aria-label=${`${label}: choices`}>
      ${options.map(
        (entity) => html`<li key=${entity.id}>
          <button type="button" class="picker-option" data-entity-id=${entity.id} onClick=${() => onPick(entity)}>
            <span>${entity.canonicalName}</span> <span class="type-tag">${ENTITY_TYPE_LABELS[entity.type]}</span>
          </button>
        </li>`,
      )}
      ${options.length === 0 && q.length >= 2 && found ? html`<li class="muted">No entity found.</li>` : null}
    </ul>
  </div>`;
}
