import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiProblem, client, ifMatch, ok } from '../api';
import { formatDate } from '../format';
import { html } from '../html';
import { Empty, ErrorState, Loading } from '../states';
import type { EntityType, HistoryEvent, Quote, QuoteKind } from '../types';
import { useLoad } from '../use-load';
import { ArticleText, type TextMark } from './article-text';
import { EntityPanel } from './entity-panel';
import { HistoryPanel } from './history-panel';
import { loadArticle, type ArticleData } from './load';
import { QuotePanel } from './quote-panel';
import { selectedSpan } from './selection';
import { SelectionBar } from './selection-bar';
import { layoutText } from './text-layout';

export type Notice = { kind: 'stale' | 'error' | 'done'; message: string } | null;
type Tab = 'quotes' | 'entities' | 'history';

interface UndoStep {
  kind: 'quote' | 'mention';
  targetId: string;
  eventId: string;
  label: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** What the panels can ask the view to do; each is one API call, then a reload. */
export interface ArticleActions {
  select: (quoteId: string) => void;
  review: (quote: Quote, status: 'confirmed' | 'rejected' | 'unreviewed') => Promise<void>;
  setSpeaker: (quote: Quote, entityId: string | null) => Promise<void>;
  setSpan: (quote: Quote, span: Span) => Promise<void>;
  addQuote: (span: Span, kind: QuoteKind) => Promise<void>;
  addMention: (span: Span, entity: { entityId: string } | { entity: { type: EntityType; name: string } }) => Promise<void>;
  revert: (event: HistoryEvent) => Promise<void>;
  renameEntity: (entityId: string, name: string) => Promise<void>;
  mergeEntity: (intoId: string, otherId: string) => Promise<void>;
  setGender: (entityId: string, gender: string) => Promise<void>;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** One article for review: the text with its annotations in place, and the panels that correct them. */
export function ArticleView({ id }: { id: string }) {
  const data = useLoad(() => loadArticle(id), [id]);
  const [selected, setSelected] = useState<string | null>(null);
  const onKeyRef = useRef<(event: KeyboardEvent) => void>(() => {});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<Tab>('quotes');
  const [span, setSpan] = useState<Span | null>(null);
  const [speakerFor, setSpeakerFor] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const undo = useRef<UndoStep[]>([]);
  const textRoot = useRef<HTMLDivElement>(null);

  const loaded = data.data;
  const visibleQuotes = useMemo(
    () => (loaded?.quotes ?? []).filter((quote) => quote.provenance.reviewStatus !== 'rejected' && quote.provenance.reviewStatus !== 'orphaned'),
    [loaded],
  );
  const blocks = useMemo(() => {
    if (!loaded) return [];
    const marks: TextMark[] = [];
    for (const quote of visibleQuotes) {
      marks.push({ kind: 'quote', id: quote.id, start: quote.start, end: quote.end, quote });
      if (quote.cue) marks.push({ kind: 'cue', id: `cue-${quote.id}`, start: quote.cue.start, end: quote.cue.end, quote });
    }
    for (const entity of loaded.entities) {
      for (const mention of entity.mentions) {
        marks.push({
          kind: 'mention',
          id: mention.id,
          start: mention.start,
          end: mention.end,
          entityType: entity.type,
          entityName: entity.canonicalName,
          entityId: entity.id,
        });
      }
    }
    return layoutText(loaded.article.text, loaded.paragraphs, marks);
  }, [loaded, visibleQuotes]);

  // The selected quote follows the list: the first one at the start, a neighbour when it goes.
  useEffect(() => {
    if (visibleQuotes.length === 0) return setSelected(null);
    if (!selected || !loaded?.quotes.some((quote) => quote.id === selected)) setSelected(visibleQuotes[0]!.id);
  }, [visibleQuotes]);

  // The span of article text the editor selects, for adding and fixing annotations.
  useEffect(() => {
    const update = () => {
      const root = textRoot.current;
      const found = root ? selectedSpan(root) : null;
      if (!found || !loaded) return setSpan((previous) => (found === null && previous && document.activeElement?.closest('.selection-bar') ? previous : null));
      const points = Array.from(loaded.article.text);
      let { start, end } = found;
      while (start < end && /\s/u.test(points[start]!)) start++;
      while (end > start && /\s/u.test(points[end - 1]!)) end--;
      setSpan(start < end ? { start, end, text: points.slice(start, end).join('') } : null);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [loaded]);

  /** Runs one change; a 412 is shown as a stale version with a reload, other problems as errors. */
  const change = useCallback(
    async (label: string, work: () => Promise<{ kind: 'quote' | 'mention'; id: string } | null>) => {
      setBusy(true);
      setNotice(null);
      try {
        const target = await work();
        const next = await loadArticle(id);
        data.set(next);
        if (target) {
          const event = [...next.history].reverse().find((e) => e.targetId === target.id);
          if (event) undo.current.push({ kind: target.kind, targetId: target.id, eventId: event.id, label });
        }
        setNotice({ kind: 'done', message: `${label}.` });
      } catch (error) {
        if (error instanceof ApiProblem && error.stale) {
          setNotice({
            kind: 'stale',
            message: 'This annotation was changed by someone else since you loaded the article, so your change was not saved.',
          });
        } else {
          setNotice({ kind: 'error', message: error instanceof ApiProblem ? error.message : 'The service could not be reached.' });
        }
      } finally {
        setBusy(false);
      }
    },
    [id, data.set],
  );

  const path = { id };
  const actions: ArticleActions = {
    select: (quoteId) => setSelected(quoteId),
    review: (quote, status) =>
      change(status === 'confirmed' ? 'Quote accepted' : status === 'rejected' ? 'Quote rejected' : 'Quote back to unreviewed', async () => {
        await ok(client.PATCH('/v1/articles/{id}/quotes/{quoteId}', {
          params: { path: { id, quoteId: quote.id }, header: ifMatch(quote.version) },
          body: { reviewStatus: status },
        }));
        return { kind: 'quote', id: quote.id };
      }),
    setSpeaker: (quote, entityId) =>
      change('Speaker changed', async () => {
        setSpeakerFor(null);
        await ok(client.PATCH('/v1/articles/{id}/quotes/{quoteId}', {
          params: { path: { id, quoteId: quote.id }, header: ifMatch(quote.version) },
          body: { speakerEntityId: entityId, speakerMentionId: null },
        }));
        return { kind: 'quote', id: quote.id };
      }),
    setSpan: (quote, span) =>
      change('Quote span fixed', async () => {
        await ok(client.PATCH('/v1/articles/{id}/quotes/{quoteId}', {
          params: { path: { id, quoteId: quote.id }, header: ifMatch(quote.version) },
          body: { start: span.start, end: span.end },
        }));
        return { kind: 'quote', id: quote.id };
      }),
    addQuote: (span, kind) =>
      change('Quote added', async () => {
        const quote = await ok(client.POST('/v1/articles/{id}/quotes', { params: { path }, body: { start: span.start, end: span.end, kind } }));
        getSelection()?.removeAllRanges();
        setSelected(quote.id);
        return { kind: 'quote', id: quote.id };
      }),
    addMention: (span, entity) =>
      change('Mention added', async () => {
        const mention = await ok(client.POST('/v1/articles/{id}/mentions', { params: { path }, body: { start: span.start, end: span.end, ...entity } }));
        getSelection()?.removeAllRanges();
        return { kind: 'mention', id: mention.id };
      }),
    revert: (event) =>
      change('Change reverted', async () => {
        const kind = event.targetType === 'mention' ? 'mention' : 'quote';
        if (kind === 'quote') {
          await ok(client.POST('/v1/articles/{id}/quotes/{quoteId}/revert', { params: { path: { id, quoteId: event.targetId } }, body: { eventId: event.id } }));
        } else {
          await ok(client.POST('/v1/articles/{id}/mentions/{mentionId}/revert', { params: { path: { id, mentionId: event.targetId } }, body: { eventId: event.id } }));
        }
        return null;
      }),
    renameEntity: (entityId, name) =>
      change('Entity renamed', async () => {
        const entity = await ok(client.GET('/v1/entities/{id}', { params: { path: { id: entityId } } }));
        await ok(client.PATCH('/v1/entities/{id}', { params: { path: { id: entityId }, header: ifMatch(entity.version) }, body: { canonicalName: name } }));
        return null;
      }),
    mergeEntity: (intoId, otherId) =>
      change('Entities merged', async () => {
        await ok(client.POST('/v1/entities/{id}/merge', { params: { path: { id: intoId } }, body: { entityId: otherId } }));
        return null;
      }),
    setGender: (entityId, gender) =>
      change('Gender set', async () => {
        const entity = await ok(client.GET('/v1/entities/{id}', { params: { path: { id: entityId } } }));
        await ok(
          client.PATCH('/v1/entities/{id}', {
            params: { path: { id: entityId }, header: ifMatch(entity.version) },
            body: { gender } as never,
          }),
        );
        return null;
      }),
  };

  const undoLast = () => {
    const step = undo.current.pop();
    if (!step) return setNotice({ kind: 'done', message: 'Nothing to undo.' });
    const event = loaded?.history.find((e) => e.id === step.eventId);
    if (event) void actions.revert(event).then(() => setNotice({ kind: 'done', message: `Undone: ${step.label}.` }));
  };

  // Keyboard: j/k or arrows move between quotes, a accepts, r rejects, s changes the speaker, u undoes.
  // The handler is this render's, kept in a ref as the render runs: an effect re-subscribing it
  // would run only after paint, and a key pressed in between acted on the quote selected before.
  onKeyRef.current = (event: KeyboardEvent) => {
    if (event.altKey || event.metaKey || (event.ctrlKey && event.key !== 'z') || isTyping(event.target) || busy) return;
    const index = visibleQuotes.findIndex((quote) => quote.id === selected);
    const current = visibleQuotes[index];
    const move = (delta: number) => {
      const next = visibleQuotes[Math.min(visibleQuotes.length - 1, Math.max(0, index + delta))];
      if (!next) return;
      setSelected(next.id);
      setTab('quotes');
      requestAnimationFrame(() => {
        document.querySelector<HTMLElement>(`.quote-card[data-card-of="${next.id}"]`)?.focus();
        document.querySelector(`mark[data-quote-id="${next.id}"]`)?.scrollIntoView({ block: 'nearest' });
      });
    };
    const keys: Record<string, () => void> = {
      j: () => move(1),
      ArrowDown: () => move(1),
      k: () => move(-1),
      ArrowUp: () => move(-1),
      a: () => current && void actions.review(current, 'confirmed'),
      r: () => current && void actions.review(current, 'rejected'),
      s: () => current && (setTab('quotes'), setSpeakerFor(current.id)),
      u: undoLast,
      z: () => event.ctrlKey && undoLast(),
      '?': () => setHelp((shown) => !shown),
      Escape: () => (setSpeakerFor(null), setHelp(false)),
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => onKeyRef.current(event);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (data.status === 'error' && !loaded) {
    return html`<h1 class="visually-hidden">Article</h1>
      <${ErrorState} error=${data.error} retry=${data.reload} title="The article could not be loaded" />`;
  }
  const article = loaded?.article;
  return html`<article class="article-view" aria-busy=${data.status === 'loading' || busy ? 'true' : 'false'}>
    <header class="article-head">
      <p class="breadcrumb"><a href="/desk/">Inbox</a></p>
      <h1 class="article-title">${article ? article.headline ?? '(no headline)' : html`<span class="skeleton-line skeleton-title" aria-hidden="true"></span><span class="visually-hidden">Loading the article</span>`}</h1>
      <p class="article-meta">${article
        ? html`${`${article.source ?? 'No source'} · ${formatDate(article.publishedAt ?? article.createdAt)} · revision ${article.revision} · `}<span
            data-testid="quote-count">${visibleQuotes.length} quotes</span>`
        : '\u00a0'}</p>
    </header>
    <div class="notice-area" aria-live="polite">
      ${notice
        ? html`<div class=${`notice notice-${notice.kind}`} role=${notice.kind === 'done' ? 'status' : 'alert'} data-notice=${notice.kind}>
            <p>${notice.kind === 'stale' ? html`<strong>Stale version. </strong>` : null}${notice.message}</p>
            ${notice.kind === 'stale'
              ? html`<button type="button" class="button button-primary" onClick=${() => { setNotice(null); data.reload(); }}>Reload the article</button>`
              : html`<button type="button" class="button button-quiet" onClick=${() => setNotice(null)}>Dismiss</button>`}
          </div>`
        : null}
    </div>
    <div class="article-layout">
      <section class="article-text" aria-label="Article text">
        <${Legend} />
        <div class="text" ref=${textRoot} data-article-text>
          ${loaded ? html`<${ArticleText} blocks=${blocks} selected=${selected} />` : html`<${Loading} label="Loading the article text" lines=${14} />`}
        </div>
      </section>
      <aside class="side-panel" aria-label="Annotations">
        ${span && loaded
          ? html`<${SelectionBar} span=${span} selectedQuote=${visibleQuotes.find((quote) => quote.id === selected) ?? null}
              entities=${loaded.entities} actions=${actions} busy=${busy} />`
          : html`<p class="hint">Select words in the text to add a quote or a mention, or to fix the span of the selected quote. Press <kbd>?</kbd> for keys.</p>`}
        ${help ? html`<${KeyHelp} />` : null}
        <div class="tabs" role="tablist" aria-label="Panels">
          ${(['quotes', 'entities', 'history'] as Tab[]).map(
            (name) => html`<button type="button" role="tab" id=${`tab-${name}`} aria-selected=${tab === name ? 'true' : 'false'}
              aria-controls=${`panel-${name}`} tabindex=${tab === name ? 0 : -1} onClick=${() => setTab(name)} key=${name}>
              ${name === 'quotes' ? `Quotes (${visibleQuotes.length})` : name === 'entities' ? `Entities (${loaded?.entities.length ?? 0})` : 'History'}
            </button>`,
          )}
        </div>
        <div class="tab-panel" role="tabpanel" id=${`panel-${tab}`} aria-labelledby=${`tab-${tab}`}>
          ${!loaded
            ? html`<${Loading} label="Loading the annotations" lines=${8} />`
            : tab === 'quotes'
              ? loaded.quotes.length === 0
                ? html`<${Empty} title="No quotes found"><p>Select words in the text to add one.</p></${Empty}>`
                : html`<${QuotePanel} data=${loaded} selected=${selected} actions=${actions} busy=${busy}
                    speakerFor=${speakerFor} setSpeakerFor=${setSpeakerFor} span=${span} />`
              : tab === 'entities'
                ? html`<${EntityPanel} data=${loaded} actions=${actions} busy=${busy} />`
                : html`<${HistoryPanel} data=${loaded as ArticleData} actions=${actions} busy=${busy} />`}
        </div>
      </aside>
    </div>
  </article>`;
}

function Legend() {
  return html`<details class="legend">
    <summary>How to read the text</summary>
    <ul>
      <li><mark class="quote quote-direct">Direct quote</mark>: solid outline, in quotation marks in the text.</li>
      <li><mark class="quote quote-mixed">Mixed quote</mark>: dashed outline, partly in quotation marks.</li>
      <li><mark class="quote quote-indirect">Indirect quote</mark>: dotted underline, reported speech.</li>
      <li>The kind and the speaker follow each quote in small capitals; the cue of the selected quote is underlined twice.</li>
      <li>Names are underlined by type: <span class="mention mention-PERSON">person</span>, <span class="mention mention-ORG">organisation</span>,
        <span class="mention mention-LOC">place</span>, <span class="mention mention-NORP">group</span>, <span class="mention mention-FAC">facility</span>,
        <span class="mention mention-PRODUCT">product</span>, <span class="mention mention-EVENT">event</span>,
        <span class="mention mention-WORK_OF_ART">work</span>, <span class="mention mention-LAW">law</span>; hover for the entity.</li>
    </ul>
  </details>`;
}

function KeyHelp() {
  return html`<section class="key-help" aria-label="Keyboard shortcuts">
    <h2>Keys</h2>
    <dl>
      <dt><kbd>j</kbd> / <kbd>↓</kbd></dt><dd>next quote</dd>
      <dt><kbd>k</kbd> / <kbd>↑</kbd></dt><dd>previous quote</dd>
      <dt><kbd>a</kbd></dt><dd>accept the quote</dd>
      <dt><kbd>r</kbd></dt><dd>reject the quote</dd>
      <dt><kbd>s</kbd></dt><dd>change its speaker</dd>
      <dt><kbd>u</kbd> / <kbd>Ctrl</kbd>+<kbd>z</kbd></dt><dd>undo your last change</dd>
      <dt><kbd>Esc</kbd></dt><dd>close</dd>
    </dl>
  </section>`;
}
