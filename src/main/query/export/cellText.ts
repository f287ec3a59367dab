/** Cell-to-text rules shared by several export formats. */
import { Decimal, type CellValue } from '../../../shared/values';

/** A JSON (and SQL) number literal: what a Decimal's text must look like to be written bare. */
const NUMBER_LITERAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** True when `text` can be written as a bare JSON/SQL number without changing its value. */
export function isNumberLiteral(text: string): boolean {
  return NUMBER_LITERAL.test(text);
}

/**
 * A cell as a JSON value. bigint and Decimal are written from their exact text, never through a
 * float; a Decimal whose text is not a JSON number (NaN, Infinity) and non-finite floats become
 * strings; binary becomes a base64 string; dates an ISO-8601 string.
 */
export function jsonValue(v: CellValue): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : `"${String(v)}"`;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    default:
      break;
  }
  if (v instanceof Decimal) return isNumberLiteral(v.text) ? v.text : JSON.stringify(v.text);
  if (v instanceof Uint8Array)
    return `"${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}"`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'null' : `"${v.toISOString()}"`;
  return JSON.stringify(String(v));
}

/**
 * Column names made unique for formats keyed by name (JSON objects): a repeated name gets `_2`,
 * `_3`, … so `SELECT a.id, b.id` keeps both values.
 */
export function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; seen.has(candidate); n++) candidate = `${name}_${n}`;
    seen.add(candidate);
    return candidate;
  });
}
