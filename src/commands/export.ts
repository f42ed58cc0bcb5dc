// `export` command: every stored article with its paragraphs, quotes and entities (each with its
// mentions) as JSON lines, newest first, in the API's shapes. Articles are read a page at a time
// and written as they come, so the export runs in constant memory.

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { processIo, writeWithBackpressure, type CommandIo } from './ingest.js';

export const exportUsage = `usage: news-annotations export [--out FILE]

  Writes every article with its paragraphs, quotes and entities (rejected and orphaned
  annotations included, each with its review status) as JSON lines, newest first, to
  FILE (written whole or not at all) or to stdout. The database comes from DATABASE_URL, else the
  embedded one in DATA_DIR.
`;

const ARTICLES_PER_PAGE = 100;
const ANNOTATIONS_PER_PAGE = 500;
const ALL_REVIEW_STATUSES = 'rejected,orphaned';

/** Every page of a cursor-paged list, concatenated. */
async function allPages<T>(
  read: (query: { limit: number; cursor?: string }) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit: ANNOTATIONS_PER_PAGE, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Writes the export to a stream; returns the number of articles written. */
export async function exportArticles(database: Database, out: NodeJS.WritableStream): Promise<number> {
  const [{ Store }, { ArticleService }] = await Promise.all([
    import('../repositories/store.js'),
    import('../services/article-service.js'),
  ]);
  const store = new Store(database);
  const articles = new ArticleService(store);
  let written = 0;
  let beforeId: string | undefined;
  for (;;) {
    const rows = await store.repositories.articles.list({ limit: ARTICLES_PER_PAGE, beforeId });
    for (const row of rows) {
      const line = {
        ...(await articles.get(row.id)),
        paragraphs: await allPages((query) => articles.paragraphs(row.id, query)),
        // Everything, rejected and orphaned annotations included: each carries its review status.
        quotes: await allPages((query) => articles.quotes(row.id, { ...query, include: ALL_REVIEW_STATUSES })),
        entities: await allPages((query) => articles.entities(row.id, { ...query, include: ALL_REVIEW_STATUSES })),
      };
      await writeWithBackpressure(out, `${JSON.stringify(line)}\n`);
      written++;
    }
    if (rows.length < ARTICLES_PER_PAGE) return written;
    beforeId = rows.at(-1)!.id;
  }
}

export async function runExport(args: string[], io: CommandIo = processIo()): Promise<number> {
  let out: string | undefined;
  try {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout.write(exportUsage);
      return 0;
    }
    out = values.out;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${exportUsage}`);
    return 2;
  }

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
    if (!out) {
      const count = await exportArticles(database, io.stdout);
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
      const count = await exportArticles(database, file);
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
  } finally {
    await database.close();
  }
}
