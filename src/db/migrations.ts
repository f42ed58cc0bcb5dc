import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createSchemaEngine, noSchemaFilter } from './schema-engine.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');
export const schemaPath = path.join(projectRoot, 'prisma/schema.prisma');

/** Reads prisma/migrations in Prisma's own layout (one folder per migration, migration.sql). */
export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(dir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(path.join(dir, folder, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/** Applies every migration not yet recorded in _prisma_migrations; returns the names applied. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await createSchemaEngine(adapterFactory);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: noSchemaFilter,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that would bring the migrations up to schema.prisma, or null when they already match.
 * Needs a factory whose shadow database starts empty (PGlite's does).
 */
export async function diffMigrationsToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string | null> {
  const engine = await createSchemaEngine(adapterFactory);
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await readMigrations()) },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }] },
      script: true,
      exitCode: true,
      filters: noSchemaFilter,
    });
    return result.exitCode === 0 ? null : (result.stdout ?? '');
  } finally {
    engine.free();
  }
}
