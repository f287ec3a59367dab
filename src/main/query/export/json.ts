/**
 * JSON (one array of objects, one object per line) and NDJSON (one object per line). Keys are
 * the column names (repeats get `_2`, `_3`, …); values follow `jsonValue`: bigint and Decimal as
 * exact JSON numbers, binary as base64 strings, NULL as null.
 */
import type { ColumnMeta } from '../../../shared/query';
import type { Row } from '../../../shared/values';
import { jsonValue, uniqueNames } from './cellText';
import type { RowWriter } from './types';

function objectRenderer(columns: ColumnMeta[]): (row: Row) => string {
  const keys = uniqueNames(columns.map((c) => c.name)).map(
    (k, i) => (i ? ',' : '{') + JSON.stringify(k) + ':',
  );
  return (row) => {
    if (keys.length === 0) return '{}';
    let out = '';
    for (let i = 0; i < keys.length; i++) out += keys[i]! + jsonValue(row[i] ?? null);
    return out + '}';
  };
}

/** The JSON writer: `[\n{…},\n{…}\n]\n`. */
export function jsonWriter(columns: ColumnMeta[]): RowWriter {
  const render = objectRenderer(columns);
  let first = true;
  return {
    header: () => '[',
    rows(batch: Row[]): string {
      let out = '';
      for (const row of batch) {
        out += (first ? '\n' : ',\n') + render(row);
        first = false;
      }
      return out;
    },
    footer: () => '\n]\n',
  };
}

/** The NDJSON writer: one object per line. */
export function ndjsonWriter(columns: ColumnMeta[]): RowWriter {
  const render = objectRenderer(columns);
  return {
    header: () => '',
    rows(batch: Row[]): string {
      let out = '';
      for (const row of batch) out += render(row) + '\n';
      return out;
    },
    footer: () => '',
  };
}
