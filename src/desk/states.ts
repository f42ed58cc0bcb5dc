import { html } from './html';
import { ApiProblem } from './api';

/** A placeholder of the size of what is coming, so nothing moves when it arrives. */
export function Loading({ label, lines = 6 }: { label: string; lines?: number }) {
  return html`<div class="skeleton" role="status" aria-live="polite">
    <span class="visually-hidden">${label}</span>
    ${Array.from({ length: lines }, (_, i) => html`<div class="skeleton-line" key=${i} aria-hidden="true"></div>`)}
  </div>`;
}

export function Empty({ title, children }: { title: string; children?: unknown }) {
  return html`<div class="state state-empty" data-state="empty">
    <h2 class="state-title">${title}</h2>
    ${children}
  </div>`;
}

const explain = (error: unknown): string => {
  if (error instanceof ApiProblem) {
    if (error.unauthorized) return 'The API key was not accepted. Enter a valid key.';
    if (error.status === 404) return error.message;
    return `${error.problem.title ?? 'The service answered with an error'}${error.problem.detail ? `: ${error.problem.detail}` : ''} (HTTP ${error.status}).`;
  }
  return 'The service could not be reached. Check the connection and try again.';
};

export function ErrorState({ error, retry, title = 'Something went wrong' }: { error: unknown; retry?: () => void; title?: string }) {
  return html`<div class="state state-error" role="alert" data-state="error">
    <h2 class="state-title">${title}</h2>
    <p>${explain(error)}</p>
    ${retry ? html`<button type="button" class="button" onClick=${retry}>Try again</button>` : null}
  </div>`;
}
