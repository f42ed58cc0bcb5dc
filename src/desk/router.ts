import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'inbox'; query: URLSearchParams }
  | { name: 'article'; id: string }
  | { name: 'voices'; query: URLSearchParams }
  | { name: 'missing' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function routeOf(location: Location): Route {
  const path = location.pathname.replace(/\/+$/, '');
  const query = new URLSearchParams(location.search);
  if (path === '/desk') return { name: 'inbox', query };
  if (path === '/desk/voices') return { name: 'voices', query };
  const article = /^\/desk\/articles\/([^/]+)$/.exec(path);
  if (article?.[1] && UUID.test(article[1])) return { name: 'article', id: article[1] };
  return { name: 'missing' };
}

/** Goes to a desk path without reloading the page. */
export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current route; changes on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location));
  useEffect(() => {
    const update = () => setRoute(routeOf(location));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}

/** Follows same-desk links in the page without a reload (modifier clicks open tabs as usual). */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith('/desk')) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}
