/**
 * Cheap estimates of how much V8 heap a row occupies, charged to the MemoryBudget. They need to
 * be proportional to reality, not exact: one pass over the cells, no allocation.
 */
import { Decimal, type Row } from '../../../shared/values';

/** JSArray header plus its backing store header. */
const ROW_OVERHEAD = 32;
/** One pointer slot per cell. */
const CELL_SLOT = 8;
/** String header (map, hash, length). */
const STRING_HEADER = 16;

/** Estimated heap bytes of one row. */
export function estimateRowBytes(row: Row): number {
  let bytes = ROW_OVERHEAD + row.length * CELL_SLOT;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined) continue;
    switch (typeof v) {
      case 'string':
        bytes += STRING_HEADER + v.length * 2;
        continue;
      case 'number':
        // Small integers live in the slot itself; others are 16-byte heap numbers.
        if ((v | 0) !== v) bytes += 16;
        continue;
      case 'boolean':
        continue;
      case 'bigint':
        bytes += 24;
        continue;
      default:
        break;
    }
    if (v instanceof Decimal) bytes += 24 + STRING_HEADER + v.text.length * 2;
    else if (v instanceof Uint8Array) bytes += 96 + v.byteLength;
    else if (v instanceof Date) bytes += 32;
    else bytes += 32;
  }
  return bytes;
}
