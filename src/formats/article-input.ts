// What every format parser returns: the JSON ingest shape, plus header fields the JSON shape has
// no place for yet (byline, dateline place), checked against the same bounds as a JSON post.

import { Value } from 'typebox/value';
import { ApiError } from '../errors.js';
import { ArticleJsonInput } from '../schemas/articles.js';

export interface FormatArticle extends ArticleJsonInput {
  /** The byline the format carried (ninjs `by`, the HTML author), when any. */
  byline?: string;
  /** Where the story was filed (ninjs `located`), when given. */
  located?: string;
}

const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** A BCP 47 tag as the JSON shape accepts it, or undefined (formats often carry odd values). */
export function languageTag(value: string | null | undefined): string | undefined {
  const tag = value?.trim();
  return tag && BCP47.test(tag) && tag.length <= 35 ? tag : undefined;
}

/** An RFC 3339 date-time, or undefined when the value is no date. */
export function dateTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Trimmed, with inner whitespace runs made single spaces; undefined when empty. */
export function oneLine(value: string | null | undefined, maxLength?: number): string | undefined {
  const line = value?.replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  return maxLength !== undefined && line.length > maxLength ? line.slice(0, maxLength).trimEnd() : line;
}

export interface SchemaIssue {
  pointer: string;
  message: string;
}

/** TypeBox validation errors as one issue per failing field (unknown properties named). */
export function schemaIssues(
  errors: Iterable<{ keyword: string; instancePath: string; message: string; params: unknown }>,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    // An unknown property fails twice: once as `false` schema, once as additionalProperties.
    if (error.keyword === 'boolean') continue;
    const { additionalProperties: unknown, requiredProperties: missing } = error.params as {
      additionalProperties?: string[];
      requiredProperties?: string[];
    };
    if (missing?.length) {
      for (const name of missing) issues.push({ pointer: `${error.instancePath}/${name}`, message: 'is required' });
    } else if (unknown?.length) {
      for (const name of unknown) issues.push({ pointer: `${error.instancePath}/${name}`, message: `unknown property '${name}'` });
    } else {
      issues.push({ pointer: error.instancePath || '/', message: error.message });
    }
  }
  return issues;
}

/**
 * The article if it fits the JSON ingest schema (the bounds every format shares), else a 400
 * `validation-failed` naming the fields, as a JSON post would get.
 */
export function checkArticle(article: FormatArticle, format: string): FormatArticle {
  const { byline: _byline, located: _located, ...json } = article;
  const issues = schemaIssues(Value.Errors(ArticleJsonInput, json));
  if (issues.length > 0) {
    const fields = issues.map((issue) => `${issue.pointer}: ${issue.message}`);
    throw new ApiError('validation-failed', `The ${format} article does not fit: ${[...new Set(fields)].join('; ')}`);
  }
  return article;
}
