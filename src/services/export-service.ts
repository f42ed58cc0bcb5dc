import { notFound } from '../errors.js';
import { CodePointText } from '../lib/code-points.js';
import type { MentionRow, QuoteRow } from '../repositories/annotation-repository.js';
import type { EntityType as EntityTypeName } from '../schemas/annotations.js';
import type { Store } from '../repositories/store.js';
import type { AnnotationCollection, AnnotationPage, NinjsDocument } from '../schemas/exports.js';
import { presentQuote } from './presenters.js';
import { contextOf } from './text-anchor.js';
import { isoTime } from '../lib/iso-time.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const PAGE_SIZE = 100;

type Annotation = AnnotationPage['items'][number];

type NinjsList = 'people' | 'organisations' | 'places' | 'events' | 'objects';

// The ninjs list of each entity type: buildings and airports are named places, products and
// vehicles material objects; nationalities and groups (NORP), works and laws have no list of their
// own in ninjs and are subjects only (every entity is a subject too, with its relevance).
const ninjsList: Partial<Record<EntityTypeName, NinjsList>> = {
  PERSON: 'people',
  ORG: 'organisations',
  LOC: 'places',
  FAC: 'places',
  EVENT: 'events',
  PRODUCT: 'objects',
};

const kindLabel: Record<QuoteRow['kind'], string> = {
  direct: 'Direct quotation',
  mixed: 'Partly quoted speech',
  indirect: 'Indirect speech',
};

/** The article and its annotations in the newsroom standards: IPTC ninjs and W3C Web Annotation. */
export class ExportService {
  constructor(private readonly store: Store) {}

  private get repos() {
    return this.store.repositories;
  }

  async ninjs(id: string, baseUrl: string): Promise<NinjsDocument> {
    const article = await this.repos.articles.findById(id);
    if (!article) throw notFound('article', id);
    // The entities named or quoted (a source is listed even when no mention names it: an editor
    // chose it), and the unnamed sources.
    const entities = await this.repos.annotations.entitySummary(id);
    const unnamedSources = await this.repos.annotations.unnamedSources(id);
    const most = Math.max(1, entities[0]?.mentions ?? 0);
    const concepts: Record<NinjsList, NinjsDocument['people']> = { people: [], organisations: [], places: [], events: [], objects: [] };
    const subjects: NinjsDocument['subjects'] = [];
    for (const entity of entities) {
      const concept = {
        name: entity.canonicalName,
        rel: entity.quoted ? 'quoted' : 'mentioned',
        uri: `${baseUrl}/v1/entities/${entity.id}`,
        literal: entity.type,
      };
      const list = ninjsList[entity.type];
      if (list) concepts[list].push(concept);
      // Only subjects carry a relevance in ninjs: how often the article names it, against the most named.
      subjects.push({ ...concept, relevance: Math.round((100 * entity.mentions) / most) });
    }
    // The body is the article's paragraphs (the headline and source line have their own fields).
    const text = new CodePointText(article.text);
    const paragraphs = await this.repos.articles.listAllParagraphs(id);
    const body = paragraphs.map((p) => text.slice(p.start, p.end)).join('\n\n');
    // Keys in the order the answer is written (the schema's required fields, then its optional
    // ones, as fast-json-stringify orders them), so that it is written by JSON.stringify in one
    // piece (plugins/response-serializer.ts): the same bytes.
    const document: NinjsDocument = {
      uri: `urn:uuid:${article.id}`,
      type: 'text',
      version: String(article.version),
      firstCreated: article.createdAt.toISOString(),
      versionCreated: article.updatedAt.toISOString(),
      headlines: article.headline ? [{ role: 'main', value: article.headline }] : [],
      bodies: [{ role: 'main', contentType: 'text/plain', value: body }],
      people: concepts.people,
      organisations: concepts.organisations,
      places: concepts.places,
      events: concepts.events,
      objects: concepts.objects,
      subjects,
    };
    if (article.publishedAt) document.contentCreated = article.publishedAt.toISOString();
    if (article.language) document.language = article.language;
    if (article.standfirst) document.descriptions = [{ role: 'summary', value: article.standfirst }];
    if (article.byline) document.by = article.byline;
    if (article.datelinePlace) document.located = article.datelinePlace;
    if (article.source || article.datelineAgency || unnamedSources.length > 0) {
      document.infoSources = [
        ...(article.source ? [{ name: article.source, role: 'publisher' }] : []),
        ...(article.datelineAgency ? [{ name: article.datelineAgency, role: 'originator' }] : []),
        ...unnamedSources.map((name) => ({ name, role: 'unnamed source' })),
      ];
    }
    if (article.externalId) document.altIds = [{ role: 'externalId', value: article.externalId }];
    return document;
  }

  /** The whole collection with its first page, or page `page` alone. */
  async webAnnotations(id: string, baseUrl: string, page: number | undefined): Promise<AnnotationCollection | AnnotationPage> {
    const article = await this.repos.articles.findById(id);
    if (!article) throw notFound('article', id);
    const quotes = await this.repos.annotations.listQuotes(id, null, 100_000);
    const mentions = await this.repos.annotations.listMentions(id);
    const source = `${baseUrl}/v1/articles/${id}`;
    const text = new CodePointText(article.text);
    const all = [
      ...quotes.map((quote) => this.quoteAnnotation(quote, source, baseUrl, text)),
      ...mentions.map((mention) => this.mentionAnnotation(mention, source, baseUrl)),
    ];
    const collectionId = `${source}/annotations`;
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const pageOf = (index: number, standalone: boolean): AnnotationPage => ({
      ...(standalone ? { '@context': ANNO_CONTEXT as typeof ANNO_CONTEXT } : {}),
      id: `${collectionId}?page=${index}`,
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: index * PAGE_SIZE,
      ...(index + 1 < pages ? { next: `${collectionId}?page=${index + 1}` } : {}),
      ...(index > 0 ? { prev: `${collectionId}?page=${index - 1}` } : {}),
      items: all.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE),
    });
    if (page !== undefined) {
      if (page >= pages) throw notFound('annotation page', String(page));
      return pageOf(page, true);
    }
    return {
      '@context': ANNO_CONTEXT,
      id: collectionId,
      type: 'AnnotationCollection',
      label: `Annotations of ${article.headline ?? id}`,
      total: all.length,
      first: pageOf(0, false),
      last: `${collectionId}?page=${pages - 1}`,
    };
  }

  private target(source: string, row: { start: number; end: number; text: string; prefix: string; suffix: string }) {
    return { source, selector: this.selectors(row) };
  }

  private selectors(row: { start: number; end: number; text: string; prefix: string; suffix: string }) {
    return [
      { type: 'TextPositionSelector' as const, start: row.start, end: row.end },
      { type: 'TextQuoteSelector' as const, exact: row.text, prefix: row.prefix, suffix: row.suffix },
    ];
  }

  /** Words of the article that belong to an annotation without being its target (a cue, an unnamed source). */
  private words(source: string, text: CodePointText, span: { start: number; end: number; text: string }) {
    return { source, selector: this.selectors({ ...span, ...contextOf(text, span.start, span.end) }) };
  }

  private creator(row: { origin: string; updatedBy: string | null; pipelineVersion: string | null }) {
    return row.updatedBy
      ? { type: 'Person', name: row.updatedBy }
      : { type: 'Software', name: `news-annotations pipeline ${row.pipelineVersion ?? ''}`.trim() };
  }

  /**
   * An attribution: its content is the target; the bodies say its kind, its source and who relayed
   * it (each an entity, or unnamed words of the article) and its cue, the same for every kind.
   */
  private quoteAnnotation(row: QuoteRow, source: string, baseUrl: string, text: CodePointText): Annotation {
    const quote = presentQuote(row);
    const { speaker, unnamedSource, via, unnamedVia, cue } = quote;
    const description = [
      kindLabel[quote.kind],
      speaker ? ` of ${speaker.canonicalName}` : unnamedSource ? ` of an unnamed source ("${unnamedSource.text}")` : ', source unknown',
      via ? `, relayed by ${via.canonicalName}` : unnamedVia ? `, relayed by "${unnamedVia.text}"` : '',
      cue ? `; cue "${cue.text}"` : '',
    ].join('');
    return {
      id: `${source}/quotes/${quote.id}`,
      type: 'Annotation',
      motivation: 'describing',
      created: quote.provenance.createdAt,
      modified: quote.provenance.updatedAt,
      creator: this.creator(row),
      body: [
        { type: 'TextualBody', purpose: 'describing', value: description },
        { type: 'TextualBody', purpose: 'classifying', value: quote.kind },
        ...(speaker ? [{ type: 'SpecificResource', purpose: 'identifying', source: `${baseUrl}/v1/entities/${speaker.id}` }] : []),
        ...(unnamedSource ? [{ type: 'SpecificResource', purpose: 'identifying', ...this.words(source, text, unnamedSource) }] : []),
        ...(via ? [{ type: 'SpecificResource', purpose: 'linking', source: `${baseUrl}/v1/entities/${via.id}` }] : []),
        ...(unnamedVia ? [{ type: 'SpecificResource', purpose: 'linking', ...this.words(source, text, unnamedVia) }] : []),
        ...(cue ? [{ type: 'SpecificResource', purpose: 'describing', ...this.words(source, text, cue) }] : []),
      ],
      target: this.target(source, row),
    };
  }

  private mentionAnnotation(mention: MentionRow, source: string, baseUrl: string): Annotation {
    return {
      id: `${source}/mentions/${mention.id}`,
      type: 'Annotation',
      motivation: 'identifying',
      created: isoTime(mention.createdAt),
      modified: isoTime(mention.updatedAt),
      creator: this.creator(mention),
      body: [
        { type: 'SpecificResource', purpose: 'identifying', source: `${baseUrl}/v1/entities/${mention.entity.id}` },
        { type: 'TextualBody', purpose: 'classifying', value: mention.entity.type },
      ],
      target: this.target(source, mention),
    };
  }
}
