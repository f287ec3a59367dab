/** Cell-to-text rules shared by several export formats. */
import { isNumberLiteral } from '../../../shared/exportText';
import { Decimal, type CellValue } from '../../../shared/values';

/** Re-exported so the export formats keep one import for their cell rules. */
export { isNumberLiteral, uniqueNames } from '../../../shared/exportText';

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
