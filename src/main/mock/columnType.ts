/** Reads a column's declared type (as introspection reports it) into what the generator needs. */
import type { Engine } from '../../shared/connection';

/** The broad kind of values a column holds. */
export type ValueKind =
  | 'int'
  | 'decimal'
  | 'float'
  | 'bool'
  | 'text'
  | 'date'
  | 'timestamp'
  | 'time'
  | 'year'
  | 'uuid'
  | 'json'
  | 'binary'
  | 'enum'
  | 'inet'
  | 'interval'
  | 'unknown';

/** A parsed column type. */
export interface ColumnType {
  kind: ValueKind;
  /** Character length limit for text (undefined: unlimited). */
  length?: number;
  /** Numeric precision/scale for decimals. */
  precision?: number;
  scale?: number;
  /** Value range for integers and decimals. */
  min?: number;
  max?: number;
  /** Inline enum values (MySQL `enum('a','b')`). */
  values?: string[];
}

const INT_RANGES: Record<string, [number, number, number]> = {
  // name: [signed min, signed max, unsigned max]
  tinyint: [-128, 127, 255],
  smallint: [-32768, 32767, 65535],
  int2: [-32768, 32767, 65535],
  mediumint: [-8388608, 8388607, 16777215],
  int: [-2147483648, 2147483647, 4294967295],
  integer: [-2147483648, 2147483647, 4294967295],
  int4: [-2147483648, 2147483647, 4294967295],
  serial: [1, 2147483647, 2147483647],
  smallserial: [1, 32767, 32767],
  // Kept within ±2^53 so values stay exact as JS numbers.
  bigint: [-9007199254740991, 9007199254740991, 9007199254740991],
  int8: [-9007199254740991, 9007199254740991, 9007199254740991],
  bigserial: [1, 9007199254740991, 9007199254740991],
};

function parseEnumList(text: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'')*)'/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]!.replace(/''/g, "'"));
  return out;
}

/** Parses `dataType` for `engine`; `enumValues` is set when the type names a known enum. */
export function parseColumnType(dataType: string, engine: Engine, enumValues?: string[]): ColumnType {
  const t = dataType.trim().toLowerCase();
  if (enumValues) return { kind: 'enum', values: enumValues };
  if (t.startsWith('enum(')) return { kind: 'enum', values: parseEnumList(dataType) };
  if (t.endsWith('[]') || t.startsWith('array')) return { kind: 'unknown' };
  const m = /^([a-z_ ]+?)\s*(?:\(\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?\))?\s*(unsigned)?\s*(zerofill)?$/.exec(t);
  const base = (m?.[1] ?? t).trim();
  const a = m?.[2] !== undefined ? Number(m[2]) : undefined;
  const b = m?.[3] !== undefined ? Number(m[3]) : undefined;
  const unsigned = m?.[4] !== undefined;
  if (base === 'boolean' || base === 'bool' || base === 'bit' || (base === 'tinyint' && a === 1 && engine === 'mysql'))
    return { kind: 'bool' };
  const range = INT_RANGES[base];
  if (range) return { kind: 'int', min: unsigned ? 0 : range[0], max: unsigned ? range[2] : range[1] };
  if (base === 'numeric' || base === 'decimal' || base === 'dec' || base === 'money' || base === 'number') {
    const precision = a ?? (engine === 'mysql' ? 10 : 12);
    const scale = b ?? (a === undefined && engine !== 'mysql' ? 2 : 0);
    const max = Math.min(10 ** (precision - scale) - 10 ** -scale, 1e12);
    return { kind: 'decimal', precision, scale, min: unsigned ? 0 : -max, max };
  }
  if (/^(real|float\d?|double( precision)?|float4|float8)$/.test(base)) return { kind: 'float' };
  if (/^(n?varchar|varchar2|character varying|n?char|character|bpchar|nchar varying|varying character|native character)$/.test(base))
    return { kind: 'text', length: a ?? (base.includes('var') ? undefined : 1) };
  if (/^(text|tinytext|mediumtext|longtext|clob|string|citext|name|ntext)$/.test(base))
    return base === 'tinytext' ? { kind: 'text', length: 255 } : { kind: 'text' };
  if (base === 'date') return { kind: 'date' };
  if (/^(timestamp|datetime|datetime2|smalldatetime|timestamptz|timestamp with(out)? time zone|datetimeoffset)$/.test(base))
    return { kind: 'timestamp' };
  if (/^(time|timetz|time with(out)? time zone)$/.test(base)) return { kind: 'time' };
  if (base === 'year') return { kind: 'year' };
  if (base === 'uuid' || base === 'uniqueidentifier') return { kind: 'uuid' };
  if (base === 'json' || base === 'jsonb') return { kind: 'json' };
  if (base === 'inet' || base === 'cidr') return { kind: 'inet' };
  if (base === 'interval') return { kind: 'interval' };
  if (/^(bytea|blob|tinyblob|mediumblob|longblob|binary|varbinary|image)$/.test(base))
    return { kind: 'binary', length: a };
  // SQLite's type affinity rules: a declared type containing INT is an integer, and so on.
  if (engine === 'sqlite') {
    if (t.includes('int')) return { kind: 'int', min: INT_RANGES.bigint![0], max: INT_RANGES.bigint![1] };
    if (/char|clob|text/.test(t)) return { kind: 'text', length: a };
    if (/real|floa|doub/.test(t)) return { kind: 'float' };
    if (t === '') return { kind: 'text' };
  }
  return { kind: 'unknown' };
}
