// Builds the editors' desk (src/desk/) into static assets in dist/desk/: the script and the style
// sheet bundled and minified by esbuild under content-hashed names (served with a long max-age),
// and index.html naming them (revalidated on every load). Runs at install (postinstall) and in the
// desk's tests; `npm start` serves what it built. Prints the gzipped size of the JavaScript and
// fails above the budget.
//
//   npm run build:desk   (DESK_OUT_DIR=<folder> writes elsewhere)
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'src/desk');
const outDir = path.resolve(process.env.DESK_OUT_DIR ?? path.join(root, 'dist/desk'));
const assetsDir = path.join(outDir, 'assets');
/** The budget for the desk's JavaScript, gzipped. */
export const JS_BUDGET_BYTES = 150 * 1024;

async function main(): Promise<number> {
  await stat(path.join(sourceDir, 'main.ts')).catch(() => {
    throw new Error(`no desk sources in ${path.relative(root, sourceDir)}: copy src/ before building the desk`);
  });
  await rm(assetsDir, { recursive: true, force: true });
  await mkdir(assetsDir, { recursive: true });
  const result = await build({
    entryPoints: { desk: path.join(sourceDir, 'main.ts'), style: path.join(sourceDir, 'styles.css') },
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  const script = outputs.find((name) => name.startsWith('desk-') && name.endsWith('.js'));
  const style = outputs.find((name) => name.startsWith('style-') && name.endsWith('.css'));
  if (!script || !style) throw new Error(`esbuild wrote ${outputs.join(', ')}: no desk script or style sheet`);
  const template = await readFile(path.join(sourceDir, 'index.html'), 'utf8');
  const html = template.replaceAll('{{script}}', `/desk/assets/${script}`).replaceAll('{{style}}', `/desk/assets/${style}`);
  await writeFile(path.join(outDir, 'index.html'), html);

  let jsBytes = 0;
  for (const name of await readdir(assetsDir)) {
    const body = await readFile(path.join(assetsDir, name));
    const gzipped = gzipSync(body, { level: 9 }).length;
    if (name.endsWith('.js')) jsBytes += gzipped;
    console.log(`desk: ${name.padEnd(28)} ${(body.length / 1024).toFixed(1).padStart(7)} KB, ${(gzipped / 1024).toFixed(1).padStart(6)} KB gzipped`);
  }
  const within = jsBytes <= JS_BUDGET_BYTES;
  console.log(
    `desk: JavaScript ${(jsBytes / 1024).toFixed(1)} KB gzipped of a ${JS_BUDGET_BYTES / 1024} KB budget: ${within ? 'ok' : 'OVER BUDGET'} (${path.relative(root, outDir) || outDir})`,
  );
  return within ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`desk build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
