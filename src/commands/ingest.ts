// `ingest` command: files, folders and JSON-lines files into the database (embedded or Postgres,
// from the environment like `serve`) or into a running server (--server URL, the key in
// NEWS_ANNOTATIONS_API_KEY), with a
// progress bar, a number of articles in flight, and a summary. Ingest is idempotent by content
// hash, so running it again resumes: what is already stored counts as "existing".

import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { Compile } from 'typebox/compile';
import { loadConfig } from '../config.js';
import { configureAnnotator } from '../services/annotator.js';
import { ApiError } from '../errors.js';
import { schemaIssues } from '../formats/article-input.js';
import { parseHtml } from '../formats/html.js';
import { NINJS_MEDIA_TYPE, parseNinjs } from '../formats/ninjs.js';
import { ArticleJsonInput } from '../schemas/articles.js';
import type { IngestInput } from '../services/ingest-service.js';

/** What a command reads and writes besides its arguments, so it can run in-process in tests. */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): CommandIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Writes, and waits for the stream to drain when its buffer is full. */
export async function writeWithBackpressure(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** A bad command line: the command prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const ingestUsage = `usage: news-annotations ingest [options] <file | folder | file.jsonl>...

  Ingests .txt (wire text), .json (a JSON article or an IPTC ninjs item), .html (a news page) and
  .jsonl/.ndjson files (one JSON article per line, or the lines \`export\` writes); folders are
  read recursively. Articles already stored count as "existing", so a second run resumes where
  the first stopped.

  --concurrency N   articles in flight at once (default 4)
  --server URL      send to a running service instead of the database (POST /v1/articles);
                    its API key comes from NEWS_ANNOTATIONS_API_KEY (never from the command
                    line, where npm's banner, ps and the shell history would show it)

  Without --server the database comes from DATABASE_URL, else the embedded one in DATA_DIR.
  Exits 1 when any article failed, 2 on a bad command line.
`;

type Kind = 'text' | 'json' | 'html' | 'jsonl';

const KIND_OF_EXTENSION: Record<string, Kind> = {
  '.txt': 'text',
  '.text': 'text',
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

interface SourceFile {
  path: string;
  kind: Kind;
}

interface Item {
  /** The file, with `:line` for a line of a JSON-lines file. */
  name: string;
  kind: Exclude<Kind, 'jsonl'>;
  content: string;
}

export type Outcome = { result: 'created' | 'existing'; id: string } | { result: 'failed'; message: string };

/** Stores one item somewhere: the database directly, or a server over HTTP. */
interface Sink {
  send(item: Item): Promise<Outcome>;
  close(): Promise<void>;
}

const kindOf = (file: string): Kind | undefined => KIND_OF_EXTENSION[path.extname(file).toLowerCase()];

/** The files to read, in a stable order; files of other types inside folders are skipped. */
async function collectFiles(targets: string[]): Promise<{ files: SourceFile[]; skipped: number }> {
  const files: SourceFile[] = [];
  let skipped = 0;
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const kind = kindOf(entry.name);
        if (kind) files.push({ path: full, kind });
        else skipped++;
      }
    }
  };
  for (const target of targets) {
    let info;
    try {
      info = await stat(target);
    } catch {
      throw new UsageError(`${target}: no such file or folder`);
    }
    if (info.isDirectory()) await walk(target);
    else {
      const kind = kindOf(target);
      if (!kind) throw new UsageError(`${target}: unknown file type (use .txt, .json, .html, .jsonl or .ndjson)`);
      files.push({ path: target, kind });
    }
  }
  return { files, skipped };
}

const lines = (file: string) => createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });

async function countItems(files: SourceFile[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (file.kind !== 'jsonl') {
      total++;
      continue;
    }
    for await (const line of lines(file.path)) if (line.trim() !== '') total++;
  }
  return total;
}

/** Every article to ingest, read lazily: a JSON-lines file is streamed, never loaded whole. */
async function* readItems(files: SourceFile[]): AsyncGenerator<Item> {
  for (const file of files) {
    if (file.kind === 'jsonl') {
      let number = 0;
      for await (const line of lines(file.path)) {
        number++;
        if (line.trim() !== '') yield { name: `${file.path}:${number}`, kind: 'json', content: line };
      }
    } else {
      yield { name: file.path, kind: file.kind, content: await readFile(file.path, 'utf8') };
    }
  }
}

const checkJsonArticle = Compile(ArticleJsonInput);

/** A ninjs item has a `uri` and ninjs content fields; a JSON article has `headline` and `body`. */
const looksLikeNinjs = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  'uri' in value &&
  ['headlines', 'bodies', 'body_text', 'body_xhtml', 'body_html'].some((key) => key in value);

/** A line of `export`: an article as the API shows it (text, content hash, ...) with its annotations. */
export interface ExportedArticle {
  text: string;
  contentHash: string;
  headline: string | null;
  source: string | null;
  externalId: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
}

const looksLikeExport = (value: unknown): value is ExportedArticle =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { text?: unknown }).text === 'string' &&
  typeof (value as { contentHash?: unknown }).contentHash === 'string';

/**
 * What to ingest for an exported article so that the same text (and content hash) is stored with
 * the same metadata. Metadata only a JSON article can carry (external id, URL, publication time,
 * language) means it came as headline and body, and goes back that way; anything else goes back
 * as the text it is.
 */
export function ingestInputOfExport(line: ExportedArticle): IngestInput {
  const { text, headline, source, externalId, url, publishedAt, language } = line;
  const prefix = headline === null ? undefined : `${headline}\n\n`;
  const hasJsonMetadata = [externalId, url, publishedAt, language].some((value) => value !== null && value !== undefined);
  if (!hasJsonMetadata || prefix === undefined || !text.startsWith(prefix) || text.length === prefix.length) {
    return { format: 'text', text };
  }
  const article: ArticleJsonInput = { headline: headline!, body: text.slice(prefix.length) };
  if (source !== null) article.source = source;
  if (externalId !== null) article.externalId = externalId;
  if (url !== null) article.url = url;
  if (publishedAt !== null) article.publishedAt = publishedAt;
  if (language !== null) article.language = language;
  return { format: 'json', article };
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new ApiError('malformed-body', `not JSON: ${(error as Error).message}`);
  }
}

/** The ingest input for an item (parsed and checked here, as the service would). */
export function ingestInputOf(item: Item): IngestInput {
  switch (item.kind) {
    case 'text':
      return { format: 'text', text: item.content };
    case 'html':
      return { format: 'json', article: parseHtml(item.content) };
    case 'json': {
      const value = parseJson(item.content);
      if (looksLikeNinjs(value)) return { format: 'json', article: parseNinjs(value) };
      if (looksLikeExport(value)) return ingestInputOfExport(value);
      if (!checkJsonArticle.Check(value)) {
        const issues = schemaIssues(checkJsonArticle.Errors(value)).map((issue) => `${issue.pointer}: ${issue.message}`);
        throw new ApiError('validation-failed', `not a JSON article (headline, body, ...): ${issues.join('; ')}`);
      }
      return { format: 'json', article: value };
    }
  }
}

const describeError = (error: unknown): string =>
  error instanceof ApiError
    ? `${error.code}: ${error.detail ?? error.message}`
    : error instanceof Error
      ? error.message
      : String(error);

async function databaseSink(io: CommandIo, concurrency: number): Promise<Sink> {
  const config = loadConfig(io.env);
  configureAnnotator({ threads: config.annotatorThreads });
  const [{ openDatabase }, { Store }, { IngestService }] = await Promise.all([
    import('../db/database.js'),
    import('../repositories/store.js'),
    import('../services/ingest-service.js'),
  ]);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: Math.max(config.databasePoolSize, concurrency + 1),
    preparedStatements: config.databasePreparedStatements,
  });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  const ingest = new IngestService(new Store(database));
  return {
    async send(item) {
      try {
        const { article, created } = await ingest.ingest(ingestInputOf(item));
        return { result: created ? 'created' : 'existing', id: article.id };
      } catch (error) {
        return { result: 'failed', message: describeError(error) };
      }
    },
    close: () => database.close(),
  };
}

const RETRYABLE = new Set([429, 502, 503, 504]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function serverSink(server: string, key: string): Sink {
  const endpoint = `${server.replace(/\/+$/, '')}/v1/articles`;
  /** The request for an item: files as they are, an exported line as the JSON article it was. */
  const requestOf = (item: Item): { contentType: string; body: string } => {
    if (item.kind === 'text') return { contentType: 'text/plain; charset=utf-8', body: item.content };
    if (item.kind === 'html') return { contentType: 'text/html; charset=utf-8', body: item.content };
    const value = parseJson(item.content);
    if (looksLikeNinjs(value)) return { contentType: NINJS_MEDIA_TYPE, body: item.content };
    if (looksLikeExport(value)) {
      const input = ingestInputOfExport(value);
      return { contentType: 'application/json', body: JSON.stringify(input.format === 'text' ? { text: input.text } : input.article) };
    }
    return { contentType: 'application/json', body: item.content };
  };
  return {
    async send(item) {
      let contentType: string;
      let body: string;
      try {
        ({ contentType, body } = requestOf(item));
      } catch (error) {
        return { result: 'failed', message: describeError(error) };
      }
      for (let attempt = 1; ; attempt++) {
        let response: Response;
        try {
          response = await fetch(endpoint, {
            method: 'POST',
            headers: { 'content-type': contentType, authorization: `Bearer ${key}`, accept: 'application/json' },
            body,
            signal: AbortSignal.timeout(120_000),
          });
        } catch (error) {
          if (attempt < 3) {
            await sleep(500 * attempt);
            continue;
          }
          return { result: 'failed', message: `${endpoint}: ${describeError((error as Error).cause ?? error)}` };
        }
        if (RETRYABLE.has(response.status) && attempt < 3) {
          await response.body?.cancel();
          const retryAfter = Number(response.headers.get('retry-after'));
          await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : 500 * attempt);
          continue;
        }
        const text = await response.text();
        let answer: { id?: string; type?: string; detail?: string; title?: string } = {};
        try {
          answer = JSON.parse(text) as typeof answer;
        } catch {
          // not JSON: reported below by status
        }
        if ((response.status === 201 || response.status === 200) && answer.id) {
          return { result: response.status === 201 ? 'created' : 'existing', id: answer.id };
        }
        const code = answer.type?.split(':').pop();
        return {
          result: 'failed',
          message: `${response.status}${code ? ` ${code}` : ''}: ${answer.detail ?? answer.title ?? text.slice(0, 200)}`,
        };
      }
    },
    close: async () => {},
  };
}

interface Counts {
  created: number;
  existing: number;
  failed: number;
}

/** A bar with count, rate and ETA on a terminal; a plain line every 5% otherwise. */
class Progress {
  private readonly started = Date.now();
  private readonly bar: cliProgress.SingleBar | undefined;
  private readonly step: number;
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly counts: Counts,
    private readonly io: CommandIo,
  ) {
    this.step = Math.max(1, Math.ceil(total / 20));
    if (io.stdout.isTTY) {
      this.bar = new cliProgress.SingleBar(
        {
          stream: io.stdout as NodeJS.WritableStream as never,
          format:
            'ingest {bar} {value}/{total} {percentage}% | {speed}/s | ETA {eta_formatted} | created {created} existing {existing} failed {failed}',
          hideCursor: true,
          etaBuffer: 50,
          fps: 10,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0, this.payload());
    }
  }

  get elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  private payload() {
    return { speed: (this.done / Math.max(this.elapsedSeconds, 0.001)).toFixed(1), ...this.counts };
  }

  tick(): void {
    this.done++;
    if (this.bar) {
      this.bar.update(this.done, this.payload());
      return;
    }
    if (this.done % this.step === 0 || this.done === this.total) {
      const rate = this.done / Math.max(this.elapsedSeconds, 0.001);
      const eta = rate > 0 ? Math.round((this.total - this.done) / rate) : 0;
      const percent = this.total ? Math.floor((this.done / this.total) * 100) : 100;
      const { created, existing, failed } = this.counts;
      this.io.stdout.write(
        `ingest ${this.done}/${this.total} ${percent}% | ${rate.toFixed(1)}/s | ETA ${eta}s | created ${created} existing ${existing} failed ${failed}\n`,
      );
    }
  }

  stop(): void {
    this.bar?.stop();
  }

  /** Whether failures may be printed as they happen (not while a bar redraws its line). */
  get printsInline(): boolean {
    return this.bar === undefined;
  }
}

const MAX_LISTED_FAILURES = 100;

export async function runIngest(args: string[], io: CommandIo = processIo()): Promise<number> {
  let options: { concurrency: number; server: string | undefined; key: string | undefined; targets: string[] };
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        concurrency: { type: 'string', short: 'c' },
        server: { type: 'string' },
        key: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout.write(ingestUsage);
      return 0;
    }
    const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      throw new UsageError('--concurrency must be a whole number from 1 to 64');
    }
    // Refused, not used: by now npm has printed the command line with the key in its banner.
    if (values.key !== undefined) {
      throw new UsageError(
        '--key is not taken: a key on the command line shows in npm\'s banner, in ps and in the shell history. Set NEWS_ANNOTATIONS_API_KEY instead (and consider revoking the key you typed).',
      );
    }
    const key = io.env.NEWS_ANNOTATIONS_API_KEY;
    if (values.server !== undefined) {
      if (!/^https?:\/\/[^/]/.test(values.server)) throw new UsageError('--server must be an http:// or https:// URL');
      if (!key) throw new UsageError('--server needs the API key in NEWS_ANNOTATIONS_API_KEY');
    }
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    options = { concurrency, server: values.server, key, targets: positionals };
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${ingestUsage}`);
    return 2;
  }

  let files: SourceFile[];
  let skipped: number;
  try {
    ({ files, skipped } = await collectFiles(options.targets));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  const total = await countItems(files);
  if (skipped > 0) io.stderr.write(`skipping ${skipped} file${skipped === 1 ? '' : 's'} of other types\n`);

  const sink = options.server ? serverSink(options.server, options.key!) : await databaseSink(io, options.concurrency);
  const counts: Counts = { created: 0, existing: 0, failed: 0 };
  const failures: string[] = [];
  const progress = new Progress(total, counts, io);
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSignal);
  try {
    const items = readItems(files);
    const worker = async () => {
      // An async generator queues concurrent next() calls, so the workers share it safely.
      for (;;) {
        if (interrupted) return;
        const next = await items.next();
        if (next.done) return;
        const outcome = await sink.send(next.value);
        if (outcome.result === 'failed') {
          counts.failed++;
          const line = `failed ${next.value.name}: ${outcome.message}`;
          if (progress.printsInline) io.stderr.write(`${line}\n`);
          else if (failures.length < MAX_LISTED_FAILURES) failures.push(line);
        } else {
          counts[outcome.result]++;
        }
        progress.tick();
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onSignal);
    await sink.close();
  }
  for (const line of failures) io.stderr.write(`${line}\n`);
  if (counts.failed > failures.length && !progress.printsInline) {
    io.stderr.write(`... and ${counts.failed - failures.length} more failures\n`);
  }
  const processed = counts.created + counts.existing + counts.failed;
  const where = options.server ? options.server : 'the database';
  io.stdout.write(
    `${interrupted ? 'interrupted after' : 'ingested'} ${processed} of ${total} article${total === 1 ? '' : 's'} into ${where} in ${progress.elapsedSeconds.toFixed(1)}s: ` +
      `${counts.created} created, ${counts.existing} existing (already stored), ${counts.failed} failed\n`,
  );
  if (interrupted) return 130;
  return counts.failed > 0 ? 1 : 0;
}
