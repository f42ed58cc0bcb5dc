// IPTC ninjs 3.x (application/vnd.iptc.ninjs+json) to the JSON ingest shape. Pure; no I/O.
//
// Mapping: the `main` headline (else the first) is the headline; the body is the XHTML body when
// there is one (its paragraphs are kept), else the plain-text body; `uri` is the external id,
// `versionCreated` (else `firstCreated`) the publication time, the first named info source (else
// the copyright holder) the source, `language` the language, `by` the byline, `located` the
// place the story was filed from.

import { Value } from 'typebox/value';
import { ApiError } from '../errors.js';
import { checkArticle, dateTime, languageTag, oneLine, schemaIssues, type FormatArticle } from './article-input.js';
import { paragraphsOfFragment } from './html-text.js';
import { NinjsInput } from './ninjs-schema.js';

export const NINJS_MEDIA_TYPE = 'application/vnd.iptc.ninjs+json';

type Body = NonNullable<NinjsInput['bodies']>[number];

const isMarkup = (body: Body): boolean => /xhtml|html|xml/i.test(body.contentType ?? '');
const isPlainText = (body: Body): boolean => !body.contentType || /^text\/plain\b|^body_text$/i.test(body.contentType);

/** The ninjs item's body as paragraphs separated by blank lines, or undefined when it has none. */
function bodyText(item: NinjsInput): string | undefined {
  const bodies = item.bodies ?? [];
  const byRole = (list: Body[]) => list.find((body) => body.role === 'main') ?? list[0];
  // Markup keeps the paragraph structure that plain-text bodies often lose (IPTC's own example
  // runs its paragraphs together in the text/plain body), so it wins when both are there.
  const markup = byRole(bodies.filter(isMarkup))?.value ?? item.body_xhtml ?? item.body_html;
  if (markup !== undefined) {
    const paragraphs = paragraphsOfFragment(markup);
    if (paragraphs.length > 0) return paragraphs.join('\n\n');
  }
  const plain = byRole(bodies.filter(isPlainText))?.value ?? item.body_text;
  if (plain !== undefined) {
    const text = plain.replace(/\r\n?/g, '\n').trim();
    if (text !== '') return text;
  }
  return undefined;
}

/**
 * A ninjs 3.x text item (already parsed JSON) as an article to ingest. Throws a 400
 * `validation-failed` when it is not ninjs this service reads, a 422 `unprocessable-content`
 * when it is ninjs but no article (a picture, no headline, no body).
 */
export function parseNinjs(input: unknown): FormatArticle {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ApiError('validation-failed', 'A ninjs item must be a JSON object.');
  }
  const issues = schemaIssues(Value.Errors(NinjsInput, input));
  if (issues.length > 0) {
    const details = issues.map((issue) =>
      issue.message.startsWith('unknown property') ? `${issue.pointer}: unknown ninjs ${issue.message.slice(8)}` : `${issue.pointer}: ${issue.message}`,
    );
    throw new ApiError('validation-failed', `Not a ninjs 3.x item this service reads: ${[...new Set(details)].join('; ')}`);
  }
  const item = input as NinjsInput;
  if (item.type !== undefined && item.type !== 'text') {
    throw new ApiError('unprocessable-content', `A ninjs item of type '${item.type}' is not an article; send type 'text'.`);
  }
  const headlines = item.headlines ?? [];
  const headline = oneLine((headlines.find((h) => h.role === 'main') ?? headlines[0])?.value ?? item.headline);
  if (!headline) throw new ApiError('unprocessable-content', 'The ninjs item has no headline (`headlines[].value`).');
  const body = bodyText(item);
  if (!body) {
    throw new ApiError('unprocessable-content', 'The ninjs item has no body text (`bodies[].value` as text/plain or XHTML).');
  }
  const source = oneLine(item.infoSources?.find((info) => oneLine(info.name))?.name ?? item.copyrightHolder, 200);
  const publishedAt = dateTime(item.versionCreated ?? item.firstCreated);
  const language = languageTag(item.language);
  const byline = oneLine(item.by);
  const located = oneLine(item.located);
  return checkArticle(
    {
      headline,
      body,
      externalId: item.uri,
      ...(source ? { source } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(language ? { language } : {}),
      ...(byline ? { byline } : {}),
      ...(located ? { located } : {}),
    },
    'ninjs',
  );
}

/** A ninjs document as received (a string or bytes of JSON) as an article to ingest. */
export function parseNinjsJson(raw: string): FormatArticle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ApiError('malformed-body', `The ninjs document is not JSON: ${(error as Error).message}`);
  }
  return parseNinjs(parsed);
}
