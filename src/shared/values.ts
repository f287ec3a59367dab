/**
 * Value types that JSON cannot carry faithfully. Result cells, request arguments and events use
 * these; `codec.ts` turns them into tagged JSON and back.
 */

/** An exact decimal number kept as its text (never passed through a float). */
export class Decimal {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

/**
 * One cell of a result. 64-bit integers are bigint, exact numerics are Decimal, binary is
 * Uint8Array, dates and timestamps are the engine's own text (so time zones survive), JSON,
 * arrays, UUIDs, intervals and unknown types are text. NULL is null, distinct from ''.
 */
export type CellValue = null | boolean | number | string | bigint | Decimal | Uint8Array | Date;

/** A row is an array of cells in column order. */
export type Row = CellValue[];

/** Hex preview of a binary value, e.g. for a grid cell: `0x0a1b… (1.2 KB)`. */
export function binaryPreview(bytes: Uint8Array, maxBytes = 16): string {
  let hex = '';
  const n = Math.min(bytes.length, maxBytes);
  for (let i = 0; i < n; i++) hex += bytes[i]!.toString(16).padStart(2, '0');
  const more = bytes.length > maxBytes ? '…' : '';
  return `0x${hex}${more} (${formatBytes(bytes.length)})`;
}

/** Human-readable byte size. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** Text of a cell as a user sees it in a grid or a CSV file. NULL becomes `nullText`. */
export function cellToText(value: CellValue, nullText = ''): string {
  if (value === null) return nullText;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return binaryToHex(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Full hex text of a binary value, `\x`-less, lower case. */
export function binaryToHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += bytes[i]!.toString(16).padStart(2, '0');
  return hex;
}
