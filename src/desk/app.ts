import { useEffect, useState } from 'preact/hooks';
import { apiKey, UNAUTHORIZED_EVENT } from './api';
import { ArticleView } from './article/article-view';
import { html } from './html';
import { Inbox } from './inbox';
import { KeyGate } from './key-gate';
import { useRoute } from './router';
import { Empty } from './states';
import { VoicesView } from './voices/voices-view';

export function App() {
  const route = useRoute();
  const [hasKey, setHasKey] = useState(() => apiKey.get() !== null);
  const [rejected, setRejected] = useState(false);
  useEffect(() => {
    const onUnauthorized = () => {
      apiKey.clear();
      setRejected(true);
      setHasKey(false);
    };
    addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, []);
  useEffect(() => {
    const titles = { inbox: 'Inbox', article: 'Article', voices: 'Who gets quoted', missing: 'Not found' };
    document.title = `${titles[route.name]} · Desk`;
  }, [route.name]);

  const current = (name: string) => (route.name === name ? 'page' : undefined);
  return html`
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="masthead">
      <a class="brand" href="/desk/">Desk</a>
      <nav aria-label="Desk">
        <a href="/desk/" aria-current=${current('inbox')}>Inbox</a>
        <a href="/desk/voices" aria-current=${current('voices')}>Who gets quoted</a>
      </nav>
      ${hasKey
        ? html`<button type="button" class="button button-quiet" onClick=${() => { apiKey.clear(); setRejected(false); setHasKey(false); }}>Forget key</button>`
        : null}
    </header>
    <main id="main" class="page" tabindex="-1">
      ${!hasKey
        ? html`<${KeyGate} rejected=${rejected} onKey=${() => { setRejected(false); setHasKey(true); }} />`
        : route.name === 'inbox'
          ? html`<${Inbox} query=${route.query} />`
          : route.name === 'article'
            ? html`<${ArticleView} id=${route.id} key=${route.id} />`
            : route.name === 'voices'
              ? html`<${VoicesView} query=${route.query} />`
              : html`<${Empty} title="No such page"><p><a href="/desk/">Back to the inbox</a></p></${Empty}>`}
    </main>`;
}
