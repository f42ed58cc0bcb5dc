// NDJSON bodies (batches, ingest jobs): one JSON article per line, each line checked on its own so
// that one bad line fails alone, with the problem a single post of it would get.

import { Compile } from 'typebox/compile';
import { problemCatalogue, problemType, type ProblemCode } from '../errors.js';
import { schemaIssues } from '../formats/article-input.js';
import { findUnsafeText } from '../lib/text-policy.js';
import { ArticleJsonInput } from '../schemas/articles.js';

export interface LineProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { location: string; pointer: string; message: string }[];
  [extension: string]: unknown;
}

export function lineProblem(code: ProblemCode, detail?: string, extensions: Record<string, unknown> = {}): LineProblem {
  const { status, title } = problemCatalogue[code];
  return { type: problemType(code), title, status, ...(detail === undefined ? {} : { detail }), ...extensions };
}

/** The lines of an NDJSON body that hold something, with their 1-based line numbers. */
export function ndjsonLines(body: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  body.split('\n').forEach((text, index) => {
    if (text.trim() !== '') lines.push({ line: index + 1, text: text.replace(/\r$/, '') });
  });
  return lines;
}

const checkArticle = Compile(ArticleJsonInput);

/** The article of one NDJSON line, or the problem with it: JSON, the text policy, the schema. */
export function parseArticleLine(text: string): { article: ArticleJsonInput } | { problem: LineProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: lineProblem('malformed-body', `The line is not JSON: ${(error as Error).message}`) };
  }
  const unsafe = findUnsafeText(value);
  if (unsafe) {
    const errors = [{ location: 'body', pointer: unsafe.pointer, message: unsafe.reason }];
    return { problem: lineProblem('validation-failed', `${unsafe.pointer}: ${unsafe.reason}`, { errors }) };
  }
  if (!checkArticle.Check(value)) {
    const errors = schemaIssues(checkArticle.Errors(value)).map((issue) => ({ location: 'body', ...issue }));
    const detail = errors.map((issue) => `${issue.pointer}: ${issue.message}`).join('; ');
    return { problem: lineProblem('validation-failed', detail, { errors }) };
  }
  return { article: value };
}
