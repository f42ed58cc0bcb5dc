import { html } from '../html';
import { ENTITY_TYPE_LABELS, KIND_LABELS, type EntityType, type Quote } from '../types';
import type { Block, LayoutNode, Mark } from './text-layout';

export interface TextMark extends Mark {
  /** Quotes and cues: the quote; mentions: the entity's type and name. */
  quote?: Quote;
  entityType?: EntityType;
  entityName?: string;
  entityId?: string;
}

const speakerName = (quote: Quote): string =>
  quote.speaker?.canonicalName ?? (quote as { unnamedSource?: { text: string } | null }).unnamedSource?.text ?? 'no speaker';

function renderNode(node: LayoutNode<TextMark>, selected: string | null): unknown {
  if (node.type === 'text') return html`<span data-s=${node.start}>${node.text}</span>`;
  const children = node.children.map((child) => renderNode(child, selected));
  const { mark } = node;
  if (mark.kind === 'mention') {
    return html`<span class=${`mention mention-${mark.entityType}`} data-mention-id=${mark.id} data-entity-id=${mark.entityId}
      data-entity-type=${mark.entityType} title=${`${mark.entityName} (${ENTITY_TYPE_LABELS[mark.entityType ?? 'PERSON']})`}>${children}</span>`;
  }
  if (mark.kind === 'cue') {
    return html`<span class=${`cue${mark.quote?.id === selected ? ' cue-active' : ''}`} data-cue-of=${mark.quote?.id}>${children}</span>`;
  }
  const quote = mark.quote!;
  const classes = `quote quote-${quote.kind}${quote.id === selected ? ' quote-selected' : ''}${
    quote.provenance.reviewStatus === 'confirmed' ? ' quote-confirmed' : ''
  }`;
  return html`<mark class=${classes} data-quote-id=${quote.id} data-kind=${quote.kind} data-piece=${node.first ? 'first' : 'more'}
      >${children}</mark
    >${node.last
      ? html`<span class="speaker-tag" data-speaker-of=${quote.id} aria-hidden="false"
          ><span class="visually-hidden"> (</span><span class="kind-label">${KIND_LABELS[quote.kind]}</span> ${speakerName(quote)}<span
            class="visually-hidden">)</span></span
        >`
      : null}`;
}

/** The article text with its quotes, cues and mentions in place. */
export function ArticleText({ blocks, selected }: { blocks: Block<TextMark>[]; selected: string | null }) {
  return html`${blocks.map((block) =>
    block.role === 'header'
      ? html`<p class="block block-header" key=${`h${block.start}`}>${block.children.map((node) => renderNode(node, selected))}</p>`
      : html`<p class=${`block block-${block.role}`} key=${`p${block.paragraph}`} data-paragraph=${block.paragraph}>
          ${block.children.map((node) => renderNode(node, selected))}</p>`,
  )}`;
}
