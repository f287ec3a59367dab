/**
 * Result value mapping for MySQL/MariaDB. The connection is opened with `supportBigNumbers`,
 * `bigNumberStrings`, `dateStrings` and `jsonStrings`, so mysql2 already yields the engine's
 * text for dates, times and JSON and Buffers for binary data; only BIGINT, DECIMAL, BIT and
 * GEOMETRY columns need a per-cell conversion, and only those columns pay for one.
 */
import type { ColumnMeta } from '../../../shared/query';
import { Decimal, type CellValue, type Row } from '../../../shared/values';

/** The parts of a mysql2 column definition we use. */
export interface MysqlField {
  name: string;
  columnType?: number;
  type?: number;
  characterSet?: number;
  columnLength?: number;
  flags?: number | string[];
  extendedFormat?: string;
  typeName?: string;
}

const BINARY_CHARSET = 63;
const UNSIGNED_FLAG = 32;

const TYPE_NAMES: Record<number, string> = {
  0: 'DECIMAL',
  1: 'TINYINT',
  2: 'SMALLINT',
  3: 'INT',
  4: 'FLOAT',
  5: 'DOUBLE',
  6: 'NULL',
  7: 'TIMESTAMP',
  8: 'BIGINT',
  9: 'MEDIUMINT',
  10: 'DATE',
  11: 'TIME',
  12: 'DATETIME',
  13: 'YEAR',
  14: 'DATE',
  15: 'VARCHAR',
  16: 'BIT',
  17: 'TIMESTAMP',
  18: 'DATETIME',
  19: 'TIME',
  242: 'VECTOR',
  245: 'JSON',
  246: 'DECIMAL',
  247: 'ENUM',
  248: 'SET',
  249: 'TINYBLOB',
  250: 'MEDIUMBLOB',
  251: 'LONGBLOB',
  252: 'BLOB',
  253: 'VARCHAR',
  254: 'CHAR',
  255: 'GEOMETRY',
};

type Converter = (value: CellValue | object) => CellValue;

const toBigInt: Converter = (v) =>
  typeof v === 'string' ? BigInt(v) : typeof v === 'number' ? BigInt(v) : (v as CellValue);
const toDecimal: Converter = (v) => (typeof v === 'string' ? new Decimal(v) : (v as CellValue));
const bitValue: Converter = (v) => {
  if (!(v instanceof Uint8Array)) return v as CellValue;
  let n = 0n;
  for (const byte of v) n = (n << 8n) | BigInt(byte);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
};
const geometryText: Converter = (v) =>
  v instanceof Uint8Array || typeof v !== 'object' || v === null
    ? (v as CellValue)
    : JSON.stringify(v);

function typeCode(f: MysqlField): number {
  return f.columnType ?? f.type ?? -1;
}

/** The converter a column needs, or null when mysql2's value is already right. */
function converterFor(f: MysqlField): Converter | null {
  switch (typeCode(f)) {
    case 8:
      return toBigInt;
    case 0:
    case 246:
      return toDecimal;
    case 16:
      return bitValue;
    case 255:
      return geometryText;
    default:
      return null;
  }
}

/** Column metadata as the app shows it (`BIGINT UNSIGNED`, `BLOB`, `TEXT`, `JSON`, …). */
export function columnMeta(f: MysqlField): ColumnMeta {
  const code = typeCode(f);
  let type = TYPE_NAMES[code] ?? '';
  const binary = f.characterSet === BINARY_CHARSET;
  if (f.extendedFormat === 'json') type = 'JSON';
  else if (code >= 249 && code <= 252 && !binary) type = type.replace('BLOB', 'TEXT');
  else if (code === 253 && binary) type = 'VARBINARY';
  else if (code === 254 && binary) type = 'BINARY';
  const flags = typeof f.flags === 'number' ? f.flags : 0;
  if (flags & UNSIGNED_FLAG && code >= 1 && code <= 9 && code !== 6 && code !== 7)
    type += ' UNSIGNED';
  return { name: f.name, type };
}

/**
 * Builds the in-place row fixer for a result set's columns, or null when no column needs one
 * (the common case for text and small integers: zero per-cell work).
 */
export function rowFixer(fields: MysqlField[]): ((rows: Row[]) => void) | null {
  const fixes: [number, Converter][] = [];
  fields.forEach((f, i) => {
    const c = converterFor(f);
    if (c) fixes.push([i, c]);
  });
  if (fixes.length === 0) return null;
  return (rows) => {
    for (const row of rows) {
      for (const [i, c] of fixes) {
        const v = row[i];
        if (v !== null && v !== undefined) row[i] = c(v);
      }
    }
  };
}
