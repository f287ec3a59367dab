/** What the generator knows about keys: existing and generated key tuples, seen-sets, counters. */
import { Decimal, type CellValue } from '../../shared/values';

/** A stable text key for a tuple of values (for seen-sets). */
export function tupleKey(values: CellValue[]): string {
  if (values.length === 1) return cellKey(values[0]!);
  return values.map(cellKey).join('\u0001');
}

function cellKey(v: CellValue): string {
  if (v === null) return '\u0000';
  if (v instanceof Decimal) return String(Number(v.text));
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return String(Number(v));
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Existing values in the form bind parameters take (no bigint/Decimal surprises). */
export function normalizeExisting(v: CellValue): CellValue {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Decimal) return v.text;
  return v;
}

/** Shared key bookkeeping over all tables of one run. */
export class KeyState {
  /** Key tuples rows may reference, per `table|col,col`. */
  readonly pools = new Map<string, CellValue[][]>();
  /** Tuples already taken, per `table|col,col` of a UNIQUE or PRIMARY KEY. */
  readonly seen = new Map<string, Set<string>>();
  /** Largest existing integer per `table|col`, for sequential keys. */
  readonly maxInt = new Map<string, number>();
  /** Tables that had rows before this run. */
  readonly nonEmpty = new Set<string>();

  /** Declares that some foreign key references `cols` of `table`. */
  needPool(table: string, cols: string[]): void {
    const k = `${table}|${cols.join(',')}`;
    if (!this.pools.has(k)) this.pools.set(k, []);
  }
  /** The pool of `cols` of `table` (undefined when nobody references them). */
  pool(table: string, cols: string[]): CellValue[][] | undefined {
    return this.pools.get(`${table}|${cols.join(',')}`);
  }
  /** The seen-set of a unique column set. */
  seenSet(table: string, cols: string[]): Set<string> {
    const k = `${table}|${cols.join(',')}`;
    let s = this.seen.get(k);
    if (!s) this.seen.set(k, (s = new Set()));
    return s;
  }
}
