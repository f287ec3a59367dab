/**
 * A small LRU of decoded chunks, so a grid scrolling back and forth over the same rows does not
 * decode (or read from disk) the same chunk again and again. It is bounded tightly both by entry
 * count and by estimated bytes, and held outside the MemoryBudget: per spool it holds at most
 * `maxEntries` chunks and `maxBytes` (the most recent chunk is always kept, even when it alone is
 * larger, because the reader that asked for it is using it).
 */
import type { Row } from '../../../shared/values';
import { estimateRowBytes } from './estimate';

/** Estimated heap bytes of decoded rows. */
export function estimateRowsBytes(rows: readonly Row[]): number {
  let bytes = 0;
  for (const row of rows) bytes += estimateRowBytes(row);
  return bytes;
}

/** An LRU of decoded chunks keyed by the chunk object. */
export class DecodedCache<K> {
  private readonly entries = new Map<K, { rows: Row[]; bytes: number }>();
  private held = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** Estimated bytes held now. */
  get bytes(): number {
    return this.held;
  }

  /** The decoded rows of `key`, marking them most recently used. */
  get(key: K): Row[] | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.rows;
  }

  /** Keeps `rows` as the most recently used entry, evicting the oldest past either bound. */
  set(key: K, rows: Row[]): void {
    this.delete(key);
    const bytes = estimateRowsBytes(rows);
    this.entries.set(key, { rows, bytes });
    this.held += bytes;
    while (this.entries.size > 1 && (this.entries.size > this.maxEntries || this.held > this.maxBytes)) {
      this.delete(this.entries.keys().next().value as K);
    }
  }

  /** Forgets `key`. */
  delete(key: K): void {
    const hit = this.entries.get(key);
    if (!hit) return;
    this.entries.delete(key);
    this.held -= hit.bytes;
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
    this.held = 0;
  }
}
