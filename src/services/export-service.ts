import { notFound } from '../errors.js';
import { CodePointText } from '../lib/code-points.js';
import type { MentionRow, QuoteRow } from '../repositories/annotation-repository.js';
import type { EntityType as EntityTypeName } from '../schemas/annotations.js';
import type { Store } from '../repositories/store.js';
import type { AnnotationCollection, AnnotationPage, NinjsDocument } from '../schemas/exports.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const PAGE_SIZE = 100;

type Annotation = AnnotationPage['items'][number];

// ninjs has lists for people, organisations and places; every other type is a subject only.
const ninjsRole: Partial<Record<EntityTypeName, 'people' | 'organisations' | 'places'>> = { PERSON: 'people', ORG: 'organisations', LOC: 'places', FAC: 'places' };

/** The article and its annotations in the newsroom standards: IPTC ninjs and W3C Web Annotation. */
export class ExportService {
  constructor(private readonly store: Store) {}

  private get repos() {
    return this.store.repositories;
  }

  async ninjs(id: string, baseUrl: string): Promise<NinjsDocument> {
    const article = await this.repos.articles.findById(id);
    if (!article) throw notFound('article', id);
    const mentions = await this.repos.annotations.listMentions(id);
    const named = new Map<string, { entity: MentionRow['entity']; count: number }>();
    for (const mention of mentions) {
      const entry = named.get(mention.entityId) ?? { entity: mention.entity, count: 0 };
      entry.count += 1;
      named.set(mention.entityId, entry);
    }
    const most = Math.max(1, ...[...named.values()].map((entry) => entry.count));
    const concepts = { people: [], organisations: [], places: [] } as Record<'people' | 'organisations' | 'places', NinjsDocument['people']>;
    const subjects: NinjsDocument['subjects'] = [];
    for (const { entity, count } of [...named.values()].sort((a, b) => b.count - a.count)) {
      const concept = { name: entity.canonicalName, rel: 'mentioned', uri: `${baseUrl}/v1/entities/${entity.id}`, literal: entity.type };
      const role = ninjsRole[entity.type];
      if (role) concepts[role].push(concept);
      // Only subjects carry a relevance in ninjs: how often the article names it, against the most named.
      subjects.push({ ...concept, relevance: Math.round((100 * count) / most) });
    }
    // The body is the article's paragraphs (the headline and source line have their own fields).
    const text = new CodePointText(article.text);
    const paragraphs = await this.repos.articles.listAllParagraphs(id);
    const body = paragraphs.map((p) => text.slice(p.start, p.end)).join('\n\n');
    return {
      uri: `urn:uuid:${article.id}`,
      type: 'text',
      version: String(article.version),
      firstCreated: article.createdAt.toISOString(),
      versionCreated: article.updatedAt.toISOString(),
      ...(article.publishedAt ? { contentCreated: article.publishedAt.toISOString() } : {}),
      ...(article.language ? { language: article.language } : {}),
      headlines: article.headline ? [{ role: 'main', value: article.headline }] : [],
      ...(article.standfirst ? { descriptions: [{ role: 'summary', value: article.standfirst }] } : {}),
      bodies: [{ role: 'main', contentType: 'text/plain', value: body }],
      ...(article.byline ? { by: article.byline } : {}),
      ...(article.datelinePlace ? { located: article.datelinePlace } : {}),
      ...concepts,
      subjects,
      ...(article.source || article.datelineAgency
        ? {
            infoSources: [
              ...(article.source ? [{ name: article.source, role: 'publisher' }] : []),
              ...(article.datelineAgency ? [{ name: article.datelineAgency, role: 'originator' }] : []),
            ],
          }
        : {}),
      ...(article.externalId ? { altIds: [{ role: 'externalId', value: article.externalId }] } : {}),
    };
  }

  /** The whole collection with its first page, or page `page` alone. */
  async webAnnotations(id: string, baseUrl: string, page: number | undefined): Promise<AnnotationCollection | AnnotationPage> {
    const article = await this.repos.articles.findById(id);
    if (!article) throw notFound('article', id);
    const quotes = await this.repos.annotations.listQuotes(id, null, 100_000);
    const mentions = await this.repos.annotations.listMentions(id);
    const source = `${baseUrl}/v1/articles/${id}`;
    const all = [
      ...quotes.map((quote) => this.quoteAnnotation(quote, source, baseUrl)),
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
    return {
      source,
      selector: [
        { type: 'TextPositionSelector' as const, start: row.start, end: row.end },
        { type: 'TextQuoteSelector' as const, exact: row.text, prefix: row.prefix, suffix: row.suffix },
      ],
    };
  }

  private creator(row: { origin: string; updatedBy: string | null; pipelineVersion: string | null }) {
    return row.updatedBy
      ? { type: 'Person', name: row.updatedBy }
      : { type: 'Software', name: `news-annotations pipeline ${row.pipelineVersion ?? ''}`.trim() };
  }

  private quoteAnnotation(quote: QuoteRow, source: string, baseUrl: string): Annotation {
    const speaker = quote.speakerEntity;
    return {
      id: `${source}/quotes/${quote.id}`,
      type: 'Annotation',
      motivation: 'describing',
      created: quote.createdAt.toISOString(),
      modified: quote.updatedAt.toISOString(),
      creator: this.creator(quote),
      body: [
        {
          type: 'TextualBody',
          purpose: 'describing',
          value: speaker ? `Quotation of ${speaker.canonicalName}` : 'Quotation, speaker unknown',
        },
        ...(speaker ? [{ type: 'SpecificResource', purpose: 'identifying', source: `${baseUrl}/v1/entities/${speaker.id}` }] : []),
      ],
      target: this.target(source, quote),
    };
  }

  private mentionAnnotation(mention: MentionRow, source: string, baseUrl: string): Annotation {
    return {
      id: `${source}/mentions/${mention.id}`,
      type: 'Annotation',
      motivation: 'identifying',
      created: mention.createdAt.toISOString(),
      modified: mention.updatedAt.toISOString(),
      creator: this.creator(mention),
      body: [
        { type: 'SpecificResource', purpose: 'identifying', source: `${baseUrl}/v1/entities/${mention.entity.id}` },
        { type: 'TextualBody', purpose: 'classifying', value: mention.entity.type },
      ],
      target: this.target(source, mention),
    };
  }
}
