/**
 * SQL text the explorer writes for the user: quoted names, "select the first 100 rows", and a
 * CREATE TABLE rebuilt from the schema snapshot. Pure, per engine (quoting is data, not ifs).
 */
import type { Engine } from '../../../shared/connection';
import { qualifiedName } from '../../../shared/docsDdl';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';

export { buildDdl, maybeQuote, qualifiedName, quoteIdent } from '../../../shared/docsDdl';

/** `SELECT * … ` limited to the first `limit` rows in the engine's syntax. */
export function selectFirstRowsSql(
  engine: Engine,
  schema: string,
  table: string,
  limit = 100,
  database?: string,
): string {
  const name = qualifiedName(engine, schema, table, database);
  return engine === 'mssql'
    ? `SELECT TOP ${limit} *\nFROM ${name};`
    : `SELECT *\nFROM ${name}\nLIMIT ${limit};`;
}

/** Finds a table's details in a snapshot. */
export function findTable(
  snapshot: SchemaSnapshot | undefined,
  schema: string,
  table: string,
): TableInfo | undefined {
  return snapshot?.schemas.find((s) => s.name === schema)?.tables.find((t) => t.name === table);
}
