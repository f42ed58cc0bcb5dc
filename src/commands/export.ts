// `export` command: every stored article with its paragraphs, quotes and entities (each with its
// mentions) as JSON lines, newest first, in the API's shapes. Articles are read a page at a time
// and written as they come, so the export runs in constant memory.

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { processIo, UsageError, writeWithBackpressure, type CommandIo } from './ingest.js';

export const exportUsage = `usage: news-annotations export [--out FILE] [--server URL]

  Writes every article with its paragraphs, quotes and entities (rejected and orphaned
  annotations included, each with its review status) as JSON lines, newest first, to
  FILE (written whole or not at all) or to stdout. \`ingest\` takes the file back.

  --server URL   read from a running service (its /v1 API) instead of the database; the API key
                 comes from NEWS_ANNOTATIONS_API_KEY
  Without --server the database comes from DATABASE_URL, else the embedded one in DATA_DIR.
`;

const ARTICLES_PER_PAGE = 100;
const ANNOTATIONS_PER_PAGE = 500;
const ALL_REVIEW_STATUSES = 'rejected,orphaned';

type PageQuery = { limit: number; cursor?: string };
type Page<T> = { items: T[]; nextCursor: string | null };

/** Where an export reads articles from: the database through the services, or the HTTP API. */
interface ArticleReader {
  /** Article ids, newest first, a page at a time. */
  ids(): AsyncGenerator<string>;
  article(id: string): Promise<object>;
  paragraphs(id: string, query: PageQuery): Promise<Page<unknown>>;
  quotes(id: string, query: PageQuery & { include: string }): Promise<Page<unknown>>;
  entities(id: string, query: PageQuery & { include: string }): Promise<Page<unknown>>;
}

/** Every page of a cursor-paged list, concatenated. */
async function allPages<T>(read: (query: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit: ANNOTATIONS_PER_PAGE, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function databaseReader(database: Database): Promise<ArticleReader> {
  const [{ Store }, { ArticleService }] = await Promise.all([
    import('../repositories/store.js'),
    import('../services/article-service.js'),
  ]);
  const store = new Store(database);
  const articles = new ArticleService(store);
  return {
    async *ids() {
      let beforeId: string | undefined;
      for (;;) {
        const rows = await store.repositories.articles.list({ limit: ARTICLES_PER_PAGE, beforeId });
        for (const row of rows) yield row.id;
        if (rows.length < ARTICLES_PER_PAGE) return;
        beforeId = rows.at(-1)!.id;
      }
    },
    article: (id) => articles.get(id),
    paragraphs: (id, query) => articles.paragraphs(id, query),
    quotes: (id, query) => articles.quotes(id, query),
    entities: (id, query) => articles.entities(id, query),
  };
}

/** Reads through the API of a running service, as any client would. */
export function serverReader(server: string, key: string): ArticleReader {
  const base = `${server.replace(/\/+$/, '')}/v1`;
  const get = async <T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> => {
    const search = new URLSearchParams(
      Object.entries(query).flatMap(([name, value]): [string, string][] => (value === undefined ? [] : [[name, String(value)]])),
    ).toString();
    const url = `${base}${path}${search ? `?${search}` : ''}`;
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    if (!response.ok) {
      let detail = text.slice(0, 200);
      try {
        const problem = JSON.parse(text) as { type?: string; detail?: string; title?: string };
        detail = `${problem.type?.split(':').pop() ?? ''}: ${problem.detail ?? problem.title ?? ''}`;
      } catch {
        // not a problem document: its start is shown
      }
      throw new Error(`GET ${url}: ${response.status} ${detail}`);
    }
    return JSON.parse(text) as T;
  };
  return {
    async *ids() {
      let cursor: string | undefined;
      do {
        const page = await get<Page<{ id: string }>>('/articles', { limit: ARTICLES_PER_PAGE, cursor });
        for (const item of page.items) yield item.id;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
    article: (id) => get(`/articles/${id}`),
    paragraphs: (id, query) => get(`/articles/${id}/paragraphs`, query),
    quotes: (id, query) => get(`/articles/${id}/quotes`, query),
    entities: (id, query) => get(`/articles/${id}/entities`, query),
  };
}

/** Writes the export to a stream; returns the number of articles written. */
export async function writeExport(reader: ArticleReader, out: NodeJS.WritableStream): Promise<number> {
  let written = 0;
  for await (const id of reader.ids()) {
    const line = {
      ...(await reader.article(id)),
      paragraphs: await allPages((query) => reader.paragraphs(id, query)),
      // Everything, rejected and orphaned annotations included: each carries its review status.
      quotes: await allPages((query) => reader.quotes(id, { ...query, include: ALL_REVIEW_STATUSES })),
      entities: await allPages((query) => reader.entities(id, { ...query, include: ALL_REVIEW_STATUSES })),
    };
    await writeWithBackpressure(out, `${JSON.stringify(line)}\n`);
    written++;
  }
  return written;
}

/** Writes the export of a database to a stream; returns the number of articles written. */
export async function exportArticles(database: Database, out: NodeJS.WritableStream): Promise<number> {
  return writeExport(await databaseReader(database), out);
}

export async function runExport(args: string[], io: CommandIo = processIo()): Promise<number> {
  let out: string | undefined;
  let server: string | undefined;
  let key: string | undefined;
  try {
    const { values } = parseArgs({
      args,
      options: {
        out: { type: 'string', short: 'o' },
        server: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout.write(exportUsage);
      return 0;
    }
    out = values.out;
    server = values.server;
    if (server !== undefined) {
      if (!/^https?:\/\/[^/]/.test(server)) throw new UsageError('--server must be an http:// or https:// URL');
      key = io.env.NEWS_ANNOTATIONS_API_KEY;
      if (!key) throw new UsageError('--server needs the API key in NEWS_ANNOTATIONS_API_KEY');
    }
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${exportUsage}`);
    return 2;
  }

  if (server !== undefined) return writeTo(out, io, serverReader(server, key!));
  const config = loadConfig(io.env);
  const { openDatabase } = await import('../db/database.js');
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 4,
    preparedStatements: config.databasePreparedStatements,
  });
  try {
    await database.migrate();
    return await writeTo(out, io, await databaseReader(database));
  } finally {
    await database.close();
  }
}

/** Writes the export to `out` (whole or not at all) or to stdout. */
async function writeTo(out: string | undefined, io: CommandIo, reader: ArticleReader): Promise<number> {
  if (!out) {
    const count = await writeExport(reader, io.stdout);
    io.stderr.write(`exported ${count} article${count === 1 ? '' : 's'}\n`);
    return 0;
  }
  // Written next to the target and renamed at the end: a failed export leaves no half file.
  const partial = `${out}.partial`;
  const file = createWriteStream(partial, 'utf8');
  const opened = new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', reject);
  });
  try {
    await opened;
    const count = await writeExport(reader, file);
    await new Promise<void>((resolve, reject) => {
      file.once('error', reject);
      file.end(() => resolve());
    });
    await rename(partial, out);
    io.stderr.write(`exported ${count} article${count === 1 ? '' : 's'} to ${out}\n`);
    return 0;
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
