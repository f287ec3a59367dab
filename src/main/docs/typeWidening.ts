/**
 * Is a column type change safe? Widening (varchar(40) → varchar(80), int → bigint,
 * numeric(8,2) → numeric(10,2), varchar → text) keeps every stored value and every reader
 * working; anything else narrows or changes meaning and is reported as breaking.
 */

/** How a type changed. `changed` covers everything that is neither the same nor a known widening. */
export type TypeChange = 'same' | 'widened' | 'narrowed' | 'changed';

interface ParsedType {
  base: string;
  args: number[] | null;
  /** Everything after the parentheses (`unsigned`, `with time zone`, …), normalized. */
  suffix: string;
}

/** Splits `numeric(10, 2) unsigned` into base, numeric arguments and suffix. */
export function parseType(t: string): ParsedType {
  const s = t.trim().toLowerCase().replace(/\s+/g, ' ');
  let base: string;
  let rawArgs: string | undefined;
  let suffix: string;
  const open = s.indexOf('(');
  const close = open >= 0 ? s.lastIndexOf(')') : -1;
  if (open >= 0 && close > open) {
    base = s.slice(0, open).trim();
    rawArgs = s.slice(open + 1, close);
    suffix = s.slice(close + 1).trim();
  } else {
    const m = /^(.*?)((?: (?:unsigned|zerofill|with time zone|without time zone))*)((?:\[\])*)$/.exec(s)!;
    base = m[1]!.trim();
    suffix = `${m[2]!.trim()}${m[3]!}`.trim();
  }
  if (ALIASES[base] === undefined && ALIASES[`${base} ${suffix}`] !== undefined) {
    base = `${base} ${suffix}`;
    suffix = '';
  }
  if (suffix.startsWith('without time zone')) suffix = suffix.slice('without time zone'.length).trim();
  if (suffix.startsWith('with time zone') && base === 'timestamp') {
    base = 'timestamptz';
    suffix = suffix.slice('with time zone'.length).trim();
  }
  const args = rawArgs !== undefined && /^\s*\d+\s*(,\s*\d+\s*)?$/.test(rawArgs) ? rawArgs.split(',').map((x) => Number(x.trim())) : null;
  // Non-numeric arguments (enum values) stay in the base so any change of them counts as a change.
  if (rawArgs !== undefined && args === null) base = `${base}(${rawArgs})`;
  return { base: ALIASES[base] ?? base, args, suffix };
}

const ALIASES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  double: 'double precision',
  decimal: 'numeric',
  'character varying': 'varchar',
  character: 'char',
  bool: 'boolean',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
};

/** Integer types from narrowest to widest (MySQL and PostgreSQL names). */
const INTEGER_RANK: Record<string, number> = { tinyint: 1, smallint: 2, mediumint: 3, integer: 4, bigint: 5 };
const FLOAT_RANK: Record<string, number> = { real: 1, float: 1, 'double precision': 2 };
/** Text types with a length limit, and the unbounded types they widen into. */
const LENGTHED_TEXT = new Set(['varchar', 'nvarchar', 'varbinary', 'char', 'nchar', 'binary']);
const TEXT_RANK: Record<string, number> = { tinytext: 1, text: 2, mediumtext: 3, longtext: 4 };

/** Classifies a change of a column's declared type. */
export function columnTypeChange(before: string, after: string): TypeChange {
  const a = parseType(before);
  const b = parseType(after);
  if (a.base === b.base && sameArgs(a.args, b.args) && a.suffix === b.suffix) return 'same';
  // Signedness, array-ness, time zones: a different type, whatever the base says.
  if (a.suffix !== b.suffix) return 'changed';
  if (a.base === b.base) return compareArgs(a.base, a.args, b.args);
  const ir = INTEGER_RANK[a.base];
  const jr = INTEGER_RANK[b.base];
  if (ir !== undefined && jr !== undefined) return jr > ir ? 'widened' : 'narrowed';
  const fr = FLOAT_RANK[a.base];
  const gr = FLOAT_RANK[b.base];
  if (fr !== undefined && gr !== undefined) return gr > fr ? 'widened' : gr < fr ? 'narrowed' : 'same';
  const tr = TEXT_RANK[a.base];
  const ur = TEXT_RANK[b.base];
  if (tr !== undefined && ur !== undefined) return ur > tr ? 'widened' : 'narrowed';
  // varchar(n) → text (or any unbounded text type) keeps every value.
  if ((a.base === 'varchar' || a.base === 'char') && (b.base === 'text' || ur !== undefined)) return 'widened';
  if (a.base === 'nvarchar' && b.base === 'nvarchar(max)') return 'widened';
  if (ir !== undefined && b.base === 'numeric' && b.args && (b.args[1] ?? 0) >= 0 && b.args[0]! - (b.args[1] ?? 0) >= INTEGER_DIGITS[a.base]!) return 'widened';
  return 'changed';
}

/** Decimal digits needed for the largest value of each integer type. */
const INTEGER_DIGITS: Record<string, number> = { tinyint: 3, smallint: 5, mediumint: 8, integer: 10, bigint: 19 };

function sameArgs(x: number[] | null, y: number[] | null): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

function compareArgs(base: string, x: number[] | null, y: number[] | null): TypeChange {
  if (sameArgs(x, y)) return 'same';
  if (base === 'numeric') {
    // numeric without arguments is unbounded in PostgreSQL.
    if (y === null) return 'widened';
    if (x === null) return 'narrowed';
    const [p1, s1 = 0] = x;
    const [p2, s2 = 0] = y;
    if (p2! - s2 >= p1! - s1 && s2 >= s1) return 'widened';
    return 'narrowed';
  }
  if (LENGTHED_TEXT.has(base) || base === 'bit' || base === 'varbit') {
    // varchar without a length is unbounded in PostgreSQL.
    if (y === null) return 'widened';
    if (x === null) return 'narrowed';
    // char(n) pads: a longer char changes what readers get, so only varying types widen.
    if (base === 'char' || base === 'nchar' || base === 'binary') return 'changed';
    return y[0]! >= x[0]! ? 'widened' : 'narrowed';
  }
  // Precision of time types, display widths of MySQL integers (int(11) → int(10)): not a data change.
  if (['timestamp', 'timestamptz', 'time', 'datetime', 'tinyint', 'smallint', 'mediumint', 'integer', 'bigint'].includes(base)) {
    if (x && y && base.startsWith('time')) return y[0]! >= x[0]! ? 'widened' : 'narrowed';
    if (x && y && base === 'datetime') return y[0]! >= x[0]! ? 'widened' : 'narrowed';
    return 'same';
  }
  return 'changed';
}
