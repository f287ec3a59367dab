/**
 * SQL INSERT statements, several rows per statement (500 by default), with identifiers quoted
 * and literals written the way the target engine reads them back exactly. Literal rules are
 * declared once per engine as data.
 */
import type { Engine } from '../../../shared/connection';
import type { ColumnMeta } from '../../../shared/query';
import { binaryToHex, Decimal, type CellValue, type Row } from '../../../shared/values';
import { isNumberLiteral } from './cellText';
import type { RowWriter } from './types';

/** How one engine spells identifiers and literals. */
interface SqlLiterals {
  quoteIdentifier(name: string): string;
  string(text: string): string;
  binary(hex: string): string;
  boolean(v: boolean): string;
}

const ansiString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Per-engine literal rules. */
export const SQL_LITERALS: Record<Engine, SqlLiterals> = {
  sqlite: {
    quoteIdentifier: (n) => `"${n.replace(/"/g, '""')}"`,
    string: ansiString,
    binary: (hex) => `X'${hex}'`,
    // SQLite stores booleans as integers.
    boolean: (v) => (v ? '1' : '0'),
  },
  postgres: {
    quoteIdentifier: (n) => `"${n.replace(/"/g, '""')}"`,
    // standard_conforming_strings is on by default since 9.1: backslashes are literal.
    string: ansiString,
    binary: (hex) => `'\\x${hex}'::bytea`,
    boolean: (v) => (v ? 'TRUE' : 'FALSE'),
  },
  mysql: {
    quoteIdentifier: (n) => `\`${n.replace(/`/g, '``')}\``,
    // Default sql_mode treats backslash as an escape character (not NO_BACKSLASH_ESCAPES).
    string: (text) =>
      // eslint-disable-next-line no-control-regex -- NUL and Ctrl-Z need escapes in MySQL strings
      `'${text.replace(/[\\'\0\x1a]/g, (ch) => (ch === '\\' ? '\\\\' : ch === "'" ? "''" : ch === '\0' ? '\\0' : '\\Z'))}'`,
    binary: (hex) => `X'${hex}'`,
    boolean: (v) => (v ? 'TRUE' : 'FALSE'),
  },
  mssql: {
    quoteIdentifier: (n) => `[${n.replace(/\]/g, ']]')}]`,
    // N'' keeps non-Latin text intact in nvarchar columns.
    string: (text) => `N${ansiString(text)}`,
    binary: (hex) => `0x${hex}`,
    boolean: (v) => (v ? '1' : '0'),
  },
};

/** One cell as a SQL literal for `engine`. */
export function sqlLiteral(v: CellValue, lit: SqlLiterals): string {
  if (v === null) return 'NULL';
  switch (typeof v) {
    case 'string':
      return lit.string(v);
    case 'number':
      // NaN/Infinity have no numeric literal; as strings, PostgreSQL casts them to float.
      return Number.isFinite(v) ? String(v) : lit.string(String(v));
    case 'boolean':
      return lit.boolean(v);
    case 'bigint':
      return v.toString();
    default:
      break;
  }
  if (v instanceof Decimal) return isNumberLiteral(v.text) ? v.text : lit.string(v.text);
  if (v instanceof Uint8Array) return lit.binary(binaryToHex(v));
  if (v instanceof Date) return lit.string(v.toISOString());
  return lit.string(String(v));
}

/** Options for the SQL writer. */
export interface SqlWriterOptions {
  /** Target table; a string is split on '.' into schema and table, an array is taken as is. */
  tableName?: string | string[];
  engine?: Engine;
  /** Rows per INSERT statement (default 500). */
  rowsPerStatement?: number;
}

/** The SQL INSERT writer. */
export function sqlWriter(columns: ColumnMeta[], opts: SqlWriterOptions = {}): RowWriter {
  const lit = SQL_LITERALS[opts.engine ?? 'postgres'];
  const parts = Array.isArray(opts.tableName)
    ? opts.tableName
    : (opts.tableName ?? 'exported_rows').split('.');
  const table = parts.map((p) => lit.quoteIdentifier(p)).join('.');
  const insert = `INSERT INTO ${table} (${columns.map((c) => lit.quoteIdentifier(c.name)).join(', ')}) VALUES\n`;
  const perStatement = Math.max(1, opts.rowsPerStatement ?? 500);
  let inStatement = 0;
  return {
    header: () => '',
    rows(batch: Row[]): string {
      let out = '';
      for (const row of batch) {
        out += inStatement === 0 ? insert : ',\n';
        let values = '(';
        for (let i = 0; i < columns.length; i++)
          values += (i ? ', ' : '') + sqlLiteral(row[i] ?? null, lit);
        out += values + ')';
        if (++inStatement === perStatement) {
          out += ';\n';
          inStatement = 0;
        }
      }
      return out;
    },
    footer: () => (inStatement > 0 ? ';\n' : ''),
  };
}
