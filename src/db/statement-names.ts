/**
 * Names for prepared statements. A named statement is parsed and planned once per connection and
 * then only bound and executed; unnamed, Postgres parses, analyses and plans it on every call,
 * which was a sixth of its CPU per ingest (docs/benchmarks.md). Every distinct text gets a name
 * until `limit` texts have one; later texts run unnamed, so neither this map nor the statements
 * each connection keeps can grow without bound.
 */
export function statementNamer(limit: number): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    // Full-text searches stay unnamed: how common the words are decides their best plan (the newest
    // rows first for a frequent word, the GIN index for a rare one), and after a few runs a prepared
    // statement may settle on one generic plan for every word (bench:scale saw search p95 double).
    if (text.includes('@@')) return undefined;
    let name = names.get(text);
    if (name === undefined && names.size < limit) {
      name = `na_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
}

/** How many distinct statement texts a process names: a few hundred cover every query of the service. */
export const STATEMENT_NAME_LIMIT = 500;

/** Options for Prisma's pg adapter that name its statements with `name`. */
export function adapterStatementNames(name: (text: string) => string | undefined): {
  statementNameGenerator: (query: { sql: string }) => string;
} {
  // pg runs a query unnamed when its name is undefined; the adapter's type does not say so.
  return { statementNameGenerator: (query) => name(query.sql) as string };
}
