#!/usr/bin/env bash
# A second generator, so the spec is not tuned to one tool: @hey-api/openapi-ts (pinned in
# package.json) generates a typed fetch SDK from the committed openapi/openapi.json into a temp
# folder, plus a small program that uses it, and strict `tsc` must compile them. Works offline:
# the generator, its fetch client and TypeScript all come from node_modules.
#   bash scripts/check-second-generator.sh   (npm run openapi:second-generator)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/na-hey-api-XXXXXX")
trap 'rm -rf "$out"' EXIT

# The input is a path with a leading ./ or /: a bare "openapi/openapi.json" reads as a registry name.
"$root/node_modules/.bin/openapi-ts" \
  --input "$root/openapi/openapi.json" \
  --output "$out/client" \
  --client @hey-api/client-fetch \
  --plugins @hey-api/typescript @hey-api/sdk \
  --no-log-file --silent

# Using the SDK the way a newsroom tool would: if the generated types lost an operation or a
# field the flow needs, this stops compiling.
cat >"$out/use.ts" <<'TS'
import { client } from './client/client.gen';
import { createArticle, getArticleQuote, listArticleQuotes, listArticles, searchQuotes, updateArticleQuote } from './client/sdk.gen';
import type { ProblemDetails } from './client/types.gen';

export async function flow(baseUrl: string, key: string, headline: string, text: string): Promise<string | undefined> {
  client.setConfig({ baseUrl, headers: { Authorization: `Bearer ${key}` } });
  // Hey API types a request body by its JSON media type only; text/plain works at run time.
  const created = await createArticle({ body: { headline, body: text, source: 'Example Wire', externalId: 'ew-1' } });
  const id = created.data?.id;
  if (!id) return undefined;
  const page = await listArticles({ query: { limit: 10 } });
  const next: string | null | undefined = page.data?.nextCursor;
  const quotes = await listArticleQuotes({ path: { id }, query: { limit: 50 } });
  const first = quotes.data?.items[0];
  if (!first) return next ?? undefined;
  const start: number = first.start;
  const read = await getArticleQuote({ path: { id, quoteId: first.id } });
  const etag = read.response.headers.get('etag') ?? '';
  const changed = await updateArticleQuote({
    path: { id, quoteId: first.id },
    headers: { 'if-match': etag },
    body: { reviewStatus: 'confirmed' },
  });
  const problem: ProblemDetails | undefined = changed.error as ProblemDetails | undefined;
  const found = await searchQuotes({ query: { q: 'bad faith', limit: 5 } });
  return `${start} ${problem?.type ?? ''} ${found.data?.items.length ?? 0}`;
}
TS

cat >"$out/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "lib": ["ES2023", "DOM", "DOM.Iterable"],
    "strict": true,
    "noEmit": true,
    "skipLibCheck": false,
    "types": []
  },
  "include": ["client/**/*.ts", "use.ts"]
}
JSON

"$root/node_modules/.bin/tsc" -p "$out/tsconfig.json"
echo "@hey-api/openapi-ts: $(find "$out/client" -name '*.ts' | wc -l) generated files compile with strict tsc"
