/**
 * Turns tedious values into CellValues, using the column metadata of the result set.
 *
 * What tedious gives and what we make of it:
 * - BIGINT arrives as a decimal string → bigint (exact).
 * - DECIMAL/NUMERIC/MONEY/SMALLMONEY arrive as JS numbers (tedious decodes them through a
 *   float) → Decimal text with the column's scale. Exact up to 15 significant digits; wider
 *   values (e.g. DECIMAL(38,10) near its limit, MONEY beyond ±900 billion) are already rounded
 *   by tedious before we see them. Cast to varchar in SQL when every digit matters.
 * - Date/time types arrive as Date objects (UTC, because `useUTC` is on) with a hidden
 *   `nanosecondsDelta` for the 100 ns digits → the engine's own text form at the column's scale.
 *   DATETIMEOFFSET: tedious decodes the instant but drops the original offset, so the text is
 *   the exact instant in UTC (`+00:00`).
 * - BINARY/VARBINARY/IMAGE arrive as Buffer (a Uint8Array) and are kept.
 * - UNIQUEIDENTIFIER, XML, sql_variant text → string; BIT → boolean; FLOAT/REAL/INT → number.
 * - Spatial UDTs are parsed into objects by mssql → JSON text.
 */
import { Decimal, type CellValue } from '../../../shared/values';

/** The parts of an mssql column descriptor that value mapping needs. */
export interface MssqlColumnLike {
  name: string;
  /** mssql type object; `declaration` is the lower-case SQL type name (`bigint`, `decimal`, …). */
  type?: { declaration?: string } | null;
  scale?: number;
  precision?: number;
  length?: number;
}

/** The lower-case SQL type name of a column (`''` when unknown). */
export function columnTypeName(col: MssqlColumnLike): string {
  return col.type?.declaration ?? '';
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Fractional seconds at `scale` digits from a Date and its tedious `nanosecondsDelta`. */
function fraction(d: Date, scale: number): string {
  if (scale <= 0) return '';
  const delta = (d as Date & { nanosecondsDelta?: number }).nanosecondsDelta ?? 0;
  // Milliseconds plus the sub-millisecond delta (in seconds), as 7 digits of 100 ns ticks.
  const ticks = Math.round(d.getUTCMilliseconds() * 10000 + delta * 1e7);
  return `.${String(ticks).padStart(7, '0').slice(0, scale)}`;
}

function datePart(d: Date): string {
  const y = d.getUTCFullYear();
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function timePart(d: Date, scale: number): string {
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction(d, scale)}`;
}

/** Formats a tedious Date the way SQL Server prints the column's type. */
export function formatTemporal(d: Date, typeName: string, scale?: number): string {
  switch (typeName) {
    case 'date':
      return datePart(d);
    case 'time':
      return timePart(d, scale ?? 7);
    case 'smalldatetime':
      return `${datePart(d)} ${timePart(d, 0)}`;
    case 'datetime':
      return `${datePart(d)} ${timePart(d, 3)}`;
    case 'datetimeoffset':
      return `${datePart(d)} ${timePart(d, scale ?? 7)} +00:00`;
    default:
      return `${datePart(d)} ${timePart(d, scale ?? 7)}`;
  }
}

/** A float from tedious as exact-looking decimal text with `scale` digits. */
export function numberToDecimalText(n: number, scale: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) < 1e21) return n.toFixed(Math.min(Math.max(scale, 0), 100));
  // toFixed switches to exponent notation at 1e21: expand via BigInt (integer part only).
  return BigInt(Math.trunc(n)).toString() + (scale > 0 ? `.${'0'.repeat(scale)}` : '');
}

/** Maps one tedious value of column `col` to a CellValue. */
export function mapCell(value: unknown, col: MssqlColumnLike): CellValue {
  if (value === null || value === undefined) return null;
  const t = columnTypeName(col);
  switch (t) {
    case 'bigint':
      return typeof value === 'string' || typeof value === 'number' ? BigInt(value) : (value as bigint);
    case 'decimal':
    case 'numeric':
      return typeof value === 'number' ? new Decimal(numberToDecimalText(value, col.scale ?? 0)) : new Decimal(String(value));
    case 'money':
    case 'smallmoney':
      return typeof value === 'number' ? new Decimal(numberToDecimalText(value, 4)) : new Decimal(String(value));
    case 'date':
    case 'time':
    case 'datetime':
    case 'datetime2':
    case 'smalldatetime':
    case 'datetimeoffset':
      return value instanceof Date ? formatTemporal(value, t, col.scale) : String(value);
    default:
      break;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value;
  if (value instanceof Uint8Array) return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** Maps a tedious row (an array in arrayRowMode; an object for FOR JSON/XML chunks) to a Row. */
export function mapRow(row: unknown, columns: MssqlColumnLike[]): CellValue[] {
  const values = Array.isArray(row) ? row : Object.values(row as Record<string, unknown>);
  const out: CellValue[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = mapCell(values[i], columns[i] ?? { name: '' });
  return out;
}

/** The type of a result column as SQL Server writes it, e.g. `decimal(10,2)`, `nvarchar(40)`. */
export function columnTypeText(col: MssqlColumnLike): string {
  const t = columnTypeName(col);
  if (t === 'decimal' || t === 'numeric') return `${t}(${col.precision ?? 18},${col.scale ?? 0})`;
  if (['varchar', 'char', 'varbinary', 'binary'].includes(t)) return `${t}(${!col.length || col.length > 8000 ? 'max' : col.length})`;
  // tedious reports Unicode lengths in bytes (two per character); 0xFFFF means max.
  if (t === 'nvarchar' || t === 'nchar') return `${t}(${!col.length || col.length > 8000 ? 'max' : col.length / 2})`;
  return t;
}
