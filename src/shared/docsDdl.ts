/**
 * Identifier quoting per engine and the CREATE statement of a table rebuilt from the snapshot
 * (snapshots carry no DDL text, only view definitions). One module for the docs site, the Docs
 * view and the explorer's "Show DDL".
 */
import type { Engine } from './connection';
import type { TableInfo } from './schema';

const QUOTES: Record<Engine, { open: string; close: string }> = {
  sqlite: { open: '"', close: '"' },
  postgres: { open: '"', close: '"' },
  mysql: { open: '`', close: '`' },
  mssql: { open: '[', close: ']' },
};

/** The schema a bare table name resolves to, so it can be left out of generated SQL. */
const DEFAULT_SCHEMA: Record<Engine, string | null> = {
  sqlite: 'main',
  postgres: 'public',
  mysql: null,
  mssql: 'dbo',
};

/** Quotes an identifier for the engine, doubling any closing quote inside it. */
export function quoteIdent(engine: Engine, name: string): string {
  const q = QUOTES[engine];
  return `${q.open}${name.split(q.close).join(q.close + q.close)}${q.close}`;
}

const PLAIN = /^[a-z_][a-z0-9_]*$/;

/** Quotes only when needed (mixed case, spaces, symbols), so simple names stay readable. */
export function maybeQuote(engine: Engine, name: string): string {
  return PLAIN.test(name) && !RESERVED.has(name) ? name : quoteIdent(engine, name);
}

// A small list of words that are reserved in every engine and are common column names.
const RESERVED = new Set([
  'order',
  'group',
  'user',
  'select',
  'from',
  'where',
  'table',
  'key',
  'index',
  'check',
  'default',
  'limit',
  'desc',
  'to',
  'column',
  'primary',
  'references',
]);

/** `schema.table` as the engine writes it; the default schema (and MySQL's current database) is left out. */
export function qualifiedName(
  engine: Engine,
  schema: string,
  table: string,
  database?: string,
): string {
  const omit =
    schema === DEFAULT_SCHEMA[engine] ||
    (engine === 'mysql' && schema === database) ||
    schema === '';
  return omit
    ? maybeQuote(engine, table)
    : `${maybeQuote(engine, schema)}.${maybeQuote(engine, table)}`;
}

/**
 * A CREATE statement for a table (columns, primary key, foreign keys, unique and check
 * constraints, then its indexes), or for a view from its definition. Reconstructed from the
 * snapshot, so it is the structure, not necessarily the engine's exact original text.
 */
export function buildDdl(
  engine: Engine,
  schema: string,
  table: TableInfo,
  database?: string,
): string {
  const name = qualifiedName(engine, schema, table.name, database);
  const q = (n: string): string => maybeQuote(engine, n);
  const list = (cols: string[]): string =>
    cols.map((c) => (c.startsWith('(') ? c : q(c))).join(', ');
  if (table.kind !== 'table' && table.kind !== 'foreign_table') {
    const def = (table.definition ?? '').trim().replace(/;\s*$/, '');
    if (/^create\s/i.test(def)) return `${def};`;
    const keyword = table.kind === 'materialized_view' ? 'MATERIALIZED VIEW' : 'VIEW';
    return `CREATE ${keyword} ${name} AS\n${def || '-- definition not available'};`;
  }
  const lines: string[] = [];
  const inlinePk =
    table.primaryKey.length === 1 && engine === 'sqlite' ? table.primaryKey[0] : undefined;
  for (const c of [...table.columns].sort((a, b) => a.ordinal - b.ordinal)) {
    let line = `${q(c.name)} ${c.dataType || 'TEXT'}`;
    // An INTEGER PRIMARY KEY assigns ids by itself; whether the file says AUTOINCREMENT (never
    // reuse ids) is not in the snapshot, so it is not claimed.
    if (c.name === inlinePk) line += ' PRIMARY KEY';
    else if (!c.nullable) line += ' NOT NULL';
    if (c.default !== null) line += ` DEFAULT ${c.default}`;
    lines.push(line);
  }
  if (table.primaryKey.length > 0 && !inlinePk)
    lines.push(`PRIMARY KEY (${list(table.primaryKey)})`);
  for (const fk of table.foreignKeys) {
    const ref = qualifiedName(engine, fk.refSchema, fk.refTable, database);
    let line = `CONSTRAINT ${q(fk.name)} FOREIGN KEY (${list(fk.columns)}) REFERENCES ${ref} (${list(fk.refColumns)})`;
    if (fk.onDelete && fk.onDelete !== 'NO ACTION') line += ` ON DELETE ${fk.onDelete}`;
    if (fk.onUpdate && fk.onUpdate !== 'NO ACTION') line += ` ON UPDATE ${fk.onUpdate}`;
    lines.push(line);
  }
  for (const c of table.constraints) {
    if (c.kind === 'unique') lines.push(`CONSTRAINT ${q(c.name)} UNIQUE (${list(c.columns)})`);
    else if (c.definition)
      lines.push(
        `CONSTRAINT ${q(c.name)} CHECK (${c.definition.replace(/^CHECK\s*/i, '').replace(/^\((.*)\)$/s, '$1')})`,
      );
  }
  const out = [`CREATE TABLE ${name} (\n  ${lines.join(',\n  ')}\n);`];
  for (const ix of table.indexes) {
    if (ix.primary) continue;
    // SQLite and others report the index behind a UNIQUE constraint too; skip the duplicate.
    if (
      ix.unique &&
      table.constraints.some((c) => c.kind === 'unique' && c.columns.join() === ix.columns.join())
    )
      continue;
    out.push(
      `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${q(ix.name)} ON ${name} (${list(ix.columns)});`,
    );
  }
  if (table.comment && engine === 'postgres')
    out.push(`COMMENT ON TABLE ${name} IS '${table.comment.replace(/'/g, "''")}';`);
  return out.join('\n');
}
