import { Prisma } from '../generated/prisma/client.js';

/**
 * Rows handed to Postgres as one `json` parameter and read back as a table by json_to_recordset,
 * for bulk inserts. The statement text is the same whatever the number of rows, so it is prepared
 * once per connection; and one string is cheap for every layer on the way, where one array per
 * column had each element inspected by Prisma's parameter handling and escaped by pg (a tenth of
 * the service's CPU per ingest, docs/benchmarks.md). Keys not in `columns` are ignored; a column
 * missing from a row reads as NULL. Strings must be well-formed UTF-16 (ingest checks the text).
 */
export function jsonRecordset(rows: readonly object[], alias: string, columns: Readonly<Record<string, string>>): Prisma.Sql {
  const definition = Object.entries(columns)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(', ');
  return Prisma.sql`json_to_recordset(${JSON.stringify(rows)}::json) AS ${Prisma.raw(alias)}(${Prisma.raw(definition)})`;
}
