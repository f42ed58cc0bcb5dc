#!/usr/bin/env node
// The command line: serve, migrate, annotate, openapi. Each command imports only what it needs.
import { ConfigError, loadConfig } from './config.js';
import { DataDirInUseError } from './db/pglite.js';

const usage = `usage: news-annotations <command>

  serve              start the HTTP service (applies pending migrations first)
  migrate            apply pending migrations and exit
  annotate           read JSON lines {"id","text"} on stdin, write annotations as JSON lines
  ingest [--concurrency N] [--server URL] <files | folder | file.jsonl>...
                     store articles (wire .txt, .json, ninjs, .html, .jsonl, export files) with
                     progress; resumable; with --server the key is read from NEWS_ANNOTATIONS_API_KEY
  export [--out FILE] [--server URL]
                     write every article with its annotations as JSON lines (ingest reads them back)
  worker [--concurrency N]
                     ingest queued ingest jobs until SIGTERM/SIGINT (needs DATABASE_URL)
  openapi [--check]  write openapi/openapi.json from the routes (--check: fail when it differs)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve': {
      const { startServer } = await import('./server.js');
      await startServer(loadConfig());
      return -1; // keep running
    }
    case 'migrate': {
      const config = loadConfig();
      const { openDatabase } = await import('./db/database.js');
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await database.migrate();
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database schema up to date');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'annotate': {
      const { runAnnotate } = await import('./commands/annotate.js');
      await runAnnotate(process.stdin, process.stdout);
      return 0;
    }
    case 'ingest': {
      const { runIngest } = await import('./commands/ingest.js');
      return runIngest(args);
    }
    case 'export': {
      const { runExport } = await import('./commands/export.js');
      return runExport(args);
    }
    case 'worker': {
      const { runWorker } = await import('./commands/worker.js');
      return runWorker(args);
    }
    case 'openapi': {
      const { runOpenApi, openApiPath } = await import('./commands/openapi.js');
      const check = args.includes('--check');
      const ok = await runOpenApi(check);
      if (check && !ok) console.error(`${openApiPath} differs from the routes: run npm run openapi and commit it`);
      else if (!check) console.log(`wrote ${openApiPath}`);
      return ok ? 0 : 1;
    }
    default:
      process.stderr.write(usage);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof DataDirInUseError ? error.message : error);
    process.exitCode = 1;
  },
);
