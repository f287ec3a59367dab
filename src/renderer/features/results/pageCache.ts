/**
 * A bounded window cache over a spooled result: rows are fetched in blocks (`result.page`) as
 * the grid needs them, the least recently used blocks are dropped past a bound, and at most a
 * few requests are in flight, always serving the blocks nearest the viewport first. The grid
 * never holds a whole large result.
 */
import { toAppError } from '../../../shared/errors';
import type { ResultPage } from '../../../shared/query';
import type { Row } from '../../../shared/values';

/** Reads `limit` rows from `offset` (the `result.page` call). */
export type PageFetcher = (offset: number, limit: number) => Promise<ResultPage>;

/** Tuning of a cache. */
export interface PageCacheOptions {
  blockSize?: number;
  /** Most blocks kept; older ones are evicted. */
  maxBlocks?: number;
  /** Most concurrent requests. */
  maxInFlight?: number;
}

interface Block {
  rows: Row[];
  /** A block read before the result was complete may grow: re-read it when it is needed again. */
  partial: boolean;
}

/** The row window cache of one result. */
export class PageCache {
  readonly blockSize: number;
  private readonly maxBlocks: number;
  private readonly maxInFlight: number;
  /** Insertion order doubles as recency order (re-inserted on use). */
  private readonly blocks = new Map<number, Block>();
  private readonly inFlight = new Set<number>();
  private wanted: number[] = [];
  private listeners = new Set<() => void>();
  private closed = false;
  /** Rows known to exist (from pages or progress events). */
  total = 0;
  /** True once the driver delivered every row. */
  complete = false;
  /** The last error of a page read, if any (cleared by the next successful read). */
  error: unknown = null;
  /** The result no longer exists on the server (NOT_FOUND): asking again cannot help. */
  private gone = false;

  constructor(
    private readonly fetchPage: PageFetcher,
    options: PageCacheOptions = {},
  ) {
    this.blockSize = options.blockSize ?? 500;
    this.maxBlocks = options.maxBlocks ?? 48;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  /** Number of blocks held (for tests and the bench). */
  get size(): number {
    return this.blocks.size;
  }

  /** Subscribes to "rows or counts changed"; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The row at `index`, or undefined while it is not loaded. */
  row(index: number): Row | undefined {
    const block = this.blocks.get(Math.floor(index / this.blockSize));
    return block?.rows[index % this.blockSize];
  }

  /** Updates the known row count while the result streams. */
  setCount(total: number, complete: boolean): void {
    if (total === this.total && complete === this.complete) return;
    this.total = Math.max(this.total, total);
    this.complete = complete;
    this.emit();
  }

  /**
   * Declares the rows the viewport shows; loads their blocks, then `prefetch` blocks around
   * them. Blocks outside the new interest are no longer fetched (fast scrolling skips them).
   */
  want(first: number, last: number, prefetch = 1): void {
    if (this.closed || this.gone) return;
    const b0 = Math.max(0, Math.floor(first / this.blockSize));
    const b1 = Math.floor(Math.max(first, last) / this.blockSize);
    const order: number[] = [];
    for (let b = b0; b <= b1; b++) order.push(b);
    for (let d = 1; d <= prefetch; d++) order.push(b1 + d, b0 - d);
    const lastBlock = this.total > 0 ? Math.ceil(this.total / this.blockSize) - 1 : 0;
    this.wanted = order.filter((b) => b >= 0 && b <= lastBlock && this.needs(b));
    for (let b = b0; b <= b1; b++) this.touch(b);
    this.pump();
  }

  /** Reads `count` rows from `offset` directly (copying a selection), bypassing the cache. */
  async read(offset: number, count: number): Promise<Row[]> {
    const out: Row[] = [];
    while (out.length < count) {
      const page = await this.fetchPage(offset + out.length, Math.min(100_000, count - out.length));
      for (const row of page.rows) out.push(row);
      if (page.rows.length === 0) break;
    }
    return out;
  }

  /** (Re)starts serving after `close` (React may unmount and remount an effect). */
  open(): void {
    this.closed = false;
  }

  /** Stops fetching and drops every block. */
  close(): void {
    this.closed = true;
    this.blocks.clear();
    this.wanted = [];
    this.listeners.clear();
  }

  private needs(b: number): boolean {
    if (this.inFlight.has(b)) return false;
    const block = this.blocks.get(b);
    if (!block) return true;
    // A partial block is re-read only when more rows exist than it holds.
    return block.partial && b * this.blockSize + block.rows.length < this.total;
  }

  private touch(b: number): void {
    const block = this.blocks.get(b);
    if (!block) return;
    this.blocks.delete(b);
    this.blocks.set(b, block);
  }

  private pump(): void {
    while (!this.closed && this.inFlight.size < this.maxInFlight && this.wanted.length > 0) {
      const b = this.wanted.shift()!;
      if (!this.needs(b)) continue;
      this.inFlight.add(b);
      this.fetchPage(b * this.blockSize, this.blockSize).then(
        (page) => this.store(b, page),
        (err: unknown) => {
          this.inFlight.delete(b);
          this.error = err;
          if (toAppError(err).code === 'NOT_FOUND') {
            this.gone = true;
            this.wanted = [];
          }
          this.emit();
        },
      );
    }
  }

  private store(b: number, page: ResultPage): void {
    this.inFlight.delete(b);
    if (this.closed) return;
    this.error = null;
    this.blocks.delete(b);
    this.blocks.set(b, { rows: page.rows, partial: !page.complete && page.rows.length < this.blockSize });
    while (this.blocks.size > this.maxBlocks) {
      const oldest = this.blocks.keys().next().value as number;
      this.blocks.delete(oldest);
    }
    this.total = Math.max(this.total, page.total);
    if (page.complete) this.complete = true;
    this.emit();
    this.pump();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/**
 * What the grid says when reading rows failed: what happened and what to do. A NOT_FOUND means
 * the result was closed (another run replaced it, or the server restarted).
 */
export function pageErrorMessage(err: unknown): string {
  const e = toAppError(err);
  if (e.code === 'NOT_FOUND') return 'This result is no longer available — run the query again to see its rows.';
  return `Could not load these rows: ${e.message}`;
}
