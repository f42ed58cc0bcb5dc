import { writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/database.js';

export const openApiPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../openapi/openapi.json');

/** The OpenAPI document as the routes describe it, serialised as committed. */
export async function generateOpenApiDocument(): Promise<string> {
  // The document only needs the routes; this client is never connected (Prisma connects lazily).
  const database = await openDatabase({ databaseUrl: 'postgresql://openapi-generation.invalid/unused' });
  const app = await buildApp({ database });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}

/** Writes openapi/openapi.json, or with `check` only reports whether it is up to date. */
export async function runOpenApi(check: boolean): Promise<boolean> {
  const document = await generateOpenApiDocument();
  if (!check) {
    await writeFile(openApiPath, document);
    return true;
  }
  const committed = await readFile(openApiPath, 'utf8').catch(() => '');
  return committed === document;
}
