import { formatTime } from '../format';
import { html } from '../html';
import type { HistoryEvent } from '../types';
import type { ArticleActions } from './article-view';
import type { ArticleData } from './load';

const describe = (event: HistoryEvent, data: ArticleData): string => {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  const name = (id: unknown) => data.entities.find((entity) => entity.id === id)?.canonicalName ?? (id ? 'another entity' : 'nobody');
  if (!event.before || !event.after) return '';
  const parts: string[] = [];
  if (changed.includes('speakerEntityId')) parts.push(`speaker ${name(before.speakerEntityId)} → ${name(after.speakerEntityId)}`);
  if (changed.includes('reviewStatus')) parts.push(`${String(before.reviewStatus)} → ${String(after.reviewStatus)}`);
  if (changed.includes('start') || changed.includes('end')) parts.push('span changed');
  if (changed.includes('entityId')) parts.push(`entity ${name(before.entityId)} → ${name(after.entityId)}`);
  if (parts.length > 0) return parts.join('; ');
  return changed.length > 0 ? `changed ${changed.join(', ')}` : '';
  return '';
};

/** Every change to the article's annotations, newest first, each revertible. */
export function HistoryPanel({ data, actions, busy }: { data: ArticleData; actions: ArticleActions; busy: boolean }) {
  const events = [...data.history].reverse();
  if (events.length === 0) return html`<p class="state state-empty" data-state="empty">No change yet: every correction will be listed here.</p>`;
  return html`<ol class="history-list" aria-label="Changes, newest first">
    ${events.map(
      (event) => html`<li class="history-item" key=${event.id} data-event-id=${event.id} data-action=${event.action} data-target=${event.targetId}>
        <p><strong>${event.targetType} ${event.action}</strong> <span class="history-detail">${describe(event, data)}</span></p>
        <p class="muted">${event.actor} · <time datetime=${event.createdAt}>${formatTime(event.createdAt)}</time></p>
        ${event.targetType === 'quote' || event.targetType === 'mention'
          ? html`<button type="button" class="button button-quiet" disabled=${busy} onClick=${() => actions.revert(event)}>Revert</button>`
          : null}
      </li>`,
    )}
  </ol>`;
}
