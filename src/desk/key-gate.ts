import { useState } from 'preact/hooks';
import { apiKey, ApiProblem, client, ok } from './api';
import { html } from './html';

/** Asks for the API key once per browser session and checks it against the API. */
export function KeyGate({ onKey, rejected }: { onKey: () => void; rejected: boolean }) {
  const [error, setError] = useState<string | null>(rejected ? 'The API key was not accepted. Enter a valid key.' : null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const key = (new FormData(form).get('apiKey') ?? '').toString().trim();
    if (!key) return setError('Enter an API key.');
    setBusy(true);
    apiKey.set(key);
    try {
      await ok(client.GET('/v1/articles', { params: { query: { limit: 1 } } }));
      onKey();
    } catch (failure) {
      apiKey.clear();
      setError(
        failure instanceof ApiProblem && (failure.status === 401 || failure.status === 403)
          ? 'The API key was not accepted. Check it and try again.'
          : 'The service could not be reached. Try again.',
      );
    } finally {
      setBusy(false);
    }
  };
  return html`<section class="key-gate" aria-labelledby="key-title">
    <h1 id="key-title">Open the desk</h1>
    <p>Enter your API key. It is kept in this browser tab only, until you close it.</p>
    <form onSubmit=${submit} class="key-form">
      <label for="api-key">API key</label>
      <input id="api-key" name="apiKey" type="password" autocomplete="off" spellcheck="false" required
        aria-describedby=${error ? 'key-error' : undefined} aria-invalid=${error ? 'true' : undefined} />
      <button type="submit" class="button button-primary" disabled=${busy}>${busy ? 'Checking…' : 'Open'}</button>
    </form>
    <p id="key-error" class="form-error" role="alert">${error ?? ''}</p>
  </section>`;
}
