/**
 * ResultSpool: the server-side home of one result set. A driver appends batches (awaiting
 * `append` is its backpressure); readers ask for windows at any time, also while rows still
 * arrive. Rows are kept in chunks charged to a shared MemoryBudget. Only the chunk being filled
 * holds JS rows: a completed chunk is kept encoded (chunkCodec), about a quarter of the heap its
 * rows would take, and charged its byte length. Past the bound, the oldest encoded chunks are
 * written as they are to an append-only temp file. Readers decode the chunks they need through a
 * small LRU of decoded chunks (decodedCache.ts), so scrolling back and forth stays smooth.
 */
import { AppError } from '../../../shared/errors';
import type { ColumnMeta } from '../../../shared/query';
import type { Row } from '../../../shared/values';
import { decodeChunk, encodeChunk } from './chunkCodec';
import { DecodedCache } from './decodedCache';
import { estimateRowBytes } from './estimate';
import type { MemoryBudget, Spillable } from './memoryBudget';
import { SpillFile, type SpillLocation } from './spillFile';

/** Options for a ResultSpool. */
export interface ResultSpoolOptions {
  id: string;
  columns: ColumnMeta[];
  budget: MemoryBudget;
  /** Folder for the spill file (the app's temp folder). */
  tempDir: string;
  /** Rows per chunk (default 2,000). */
  chunkRows?: number;
  /** A chunk is also sealed once its estimated size reaches this (default 1 MB). */
  chunkBytes?: number;
  /** Decoded chunks kept for re-reads (default 4); held outside the budget. */
  cacheChunks?: number;
  /** ...and at most this many estimated bytes of them (default 4 MB; the latest is always kept). */
  cacheBytes?: number;
}

/**
 * Bytes charged per encoded chunk on top of its payload: the Buffer and ArrayBuffer objects, the
 * backing store's bookkeeping and the chunk record.
 */
export const ENCODED_CHUNK_OVERHEAD = 320;

interface Chunk {
  start: number;
  count: number;
  /** Only the open chunk (still being filled) holds rows. */
  rows: Row[] | null;
  /** A sealed chunk in memory (also during its spill write, so readers never wait). */
  encoded: Buffer | null;
  /** What this chunk is charged to the budget now. */
  bytes: number;
  sealed: boolean;
  spilling: boolean;
  loc: SpillLocation | null;
}

interface Waiter {
  minRows: number;
  resolve: () => void;
}

/** One spooled result set; see the module comment. */
export class ResultSpool implements Spillable {
  readonly id: string;
  readonly columns: ColumnMeta[];
  private readonly budget: MemoryBudget;
  private readonly file: SpillFile;
  private readonly chunkRows: number;
  private readonly chunkBytes: number;
  private readonly chunks: Chunk[] = [];
  private readonly cache: DecodedCache<Chunk>;
  private readonly loading = new Map<Chunk, Promise<Row[]>>();
  private waiters: Waiter[] = [];
  private count = 0;
  private inMemoryBytes = 0;
  private spillingBytes = 0;
  /** Chunks before this index are spilled; the budget spills one chunk at a time, in order. */
  private spillCursor = 0;
  private done = false;
  private closed = false;
  private closing: Promise<void> | null = null;
  private failure: unknown = undefined;

  constructor(opts: ResultSpoolOptions) {
    this.id = opts.id;
    this.columns = opts.columns;
    this.budget = opts.budget;
    this.chunkRows = Math.max(1, opts.chunkRows ?? 2000);
    this.chunkBytes = Math.max(1, opts.chunkBytes ?? 1024 * 1024);
    this.cache = new DecodedCache(Math.max(1, opts.cacheChunks ?? 4), opts.cacheBytes ?? 4 * 1024 * 1024);
    this.file = new SpillFile(opts.tempDir, opts.id);
    this.budget.register(this);
  }

  /** Rows spooled so far. */
  get total(): number {
    return this.count;
  }

  /** True once the driver delivered every row, failed, or the spool was closed. */
  get complete(): boolean {
    return this.done;
  }

  /** Bytes written to the spill file so far. */
  get spilledBytes(): number {
    return this.file.bytes;
  }

  /** Bytes held in memory and charged to the budget: encoded chunks plus the open chunk's rows. */
  get memoryBytes(): number {
    return this.inMemoryBytes;
  }

  /** The error passed to `fail`, if the driver failed mid-stream. */
  get error(): unknown {
    return this.failure;
  }

  /** Bytes the budget could free by spilling this spool (chunks not already being written). */
  get spillableBytes(): number {
    return this.inMemoryBytes - this.spillingBytes;
  }

  /** Adds rows. Resolves when the memory bound is respected again (spilling if needed). */
  async append(rows: Row[]): Promise<void> {
    this.assertWritable();
    if (rows.length === 0) return;
    let chunk = this.openChunk();
    for (const row of rows) {
      if (chunk.sealed) chunk = this.openChunk();
      const bytes = estimateRowBytes(row);
      chunk.rows!.push(row);
      chunk.count++;
      chunk.bytes += bytes;
      this.inMemoryBytes += bytes;
      this.budget.charge(bytes);
      if (chunk.count >= this.chunkRows || chunk.bytes >= this.chunkBytes) this.seal(chunk);
    }
    this.count += rows.length;
    this.wake();
    if (this.budget.over) await this.budget.relieve();
  }

  /**
   * Adds `rowCount` rows already encoded by `encodeChunk` (a producer that encodes off the main
   * thread). The chunk is kept as it is; rows appended before it stay before it.
   */
  async appendEncoded(chunk: Buffer, rowCount: number): Promise<void> {
    this.assertWritable();
    if (
      chunk.byteLength < 8 ||
      chunk.readUInt32LE(0) !== rowCount ||
      chunk.readUInt32LE(4) !== this.columns.length
    ) {
      throw new AppError(
        'INTERNAL',
        `An encoded row chunk does not match its result (${rowCount} rows × ${this.columns.length} columns expected).`,
      );
    }
    if (rowCount === 0) return;
    const last = this.chunks[this.chunks.length - 1];
    if (last && !last.sealed) {
      if (last.count === 0) this.chunks.pop();
      else this.seal(last);
    }
    const prev = this.chunks[this.chunks.length - 1];
    const encoded = ownedBuffer(chunk);
    const bytes = encoded.byteLength + ENCODED_CHUNK_OVERHEAD;
    this.chunks.push({
      start: prev ? prev.start + prev.count : 0,
      count: rowCount,
      rows: null,
      encoded,
      bytes,
      sealed: true,
      spilling: false,
      loc: null,
    });
    this.count += rowCount;
    this.inMemoryBytes += bytes;
    this.budget.charge(bytes);
    this.wake();
    if (this.budget.over) await this.budget.relieve();
  }

  /** No more rows will come. */
  finish(): void {
    this.done = true;
    this.wake();
  }

  /** The driver failed mid-stream: readers keep what arrived and see the result as complete. */
  fail(error: unknown): void {
    this.failure = error;
    this.done = true;
    this.wake();
  }

  /** Rows `[offset, offset + limit)` that exist so far (fewer at the end). */
  async read(offset: number, limit: number): Promise<Row[]> {
    this.assertOpen();
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 0) {
      throw new AppError('BAD_REQUEST', `Invalid result window: offset ${offset}, limit ${limit}.`);
    }
    const end = Math.min(offset + limit, this.count);
    const out: Row[] = [];
    let i = this.chunkIndexOf(offset);
    for (let pos = offset; pos < end; i++) {
      this.assertOpen();
      const chunk = this.chunks[i]!;
      const rows = await this.chunkRowsOf(chunk);
      const from = pos - chunk.start;
      const to = Math.min(chunk.count, end - chunk.start);
      for (let r = from; r < to; r++) out.push(rows[r]!);
      pos = chunk.start + to;
    }
    return out;
  }

  /** Resolves once `total >= minRows` or the result is complete; rejects when `signal` aborts. */
  waitFor(minRows: number, signal?: AbortSignal): Promise<void> {
    if (this.count >= minRows || this.done) return Promise.resolve();
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(cancelled());
      };
      const waiter: Waiter = {
        minRows,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Every row in order, in batches, waiting for rows still arriving (used by export). */
  async *iterate(batchRows = this.chunkRows): AsyncIterable<Row[]> {
    let pos = 0;
    for (;;) {
      if (pos < this.count) {
        const rows = await this.read(pos, Math.min(batchRows, this.count - pos));
        pos += rows.length;
        yield rows;
      } else if (this.done) {
        this.assertOpen();
        return;
      } else {
        await this.waitFor(pos + 1);
      }
    }
  }

  /** Frees the rows, gives the memory back and deletes the spill file. Idempotent. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    this.done = true;
    this.wake();
    this.budget.unregister(this);
    this.budget.release(this.inMemoryBytes);
    this.inMemoryBytes = 0;
    this.spillingBytes = 0;
    this.chunks.length = 0;
    this.cache.clear();
    this.closing = this.file.delete();
    return this.closing;
  }

  /** Spills the oldest in-memory chunk (sealing the open one if it is all that is left). */
  async spillOldest(): Promise<number> {
    while (this.spillCursor < this.chunks.length && this.chunks[this.spillCursor]!.loc)
      this.spillCursor++;
    const chunk = this.chunks[this.spillCursor];
    if (!chunk || chunk.spilling || chunk.count === 0 || this.closed) return 0;
    const before = chunk.bytes;
    this.seal(chunk);
    const sealedFreed = before - chunk.bytes;
    chunk.spilling = true;
    this.spillingBytes += chunk.bytes;
    const encoded = chunk.encoded!;
    try {
      chunk.loc = await this.file.append(encoded);
    } catch (err) {
      chunk.spilling = false;
      this.spillingBytes -= chunk.bytes;
      if (this.closed) return 0;
      throw new AppError(
        'INTERNAL',
        `Could not write the result's spill file (${(err as Error).message}). Free disk space in the temp folder or raise the result memory limit.`,
        { path: this.file.path },
      );
    }
    if (this.closed) return 0;
    chunk.encoded = null;
    chunk.spilling = false;
    this.spillingBytes -= chunk.bytes;
    this.inMemoryBytes -= chunk.bytes;
    this.budget.release(chunk.bytes);
    return sealedFreed + chunk.bytes;
  }

  /** Closes the chunk to new rows and, if it holds rows, replaces them by their encoding. */
  private seal(chunk: Chunk): void {
    chunk.sealed = true;
    if (!chunk.rows) return;
    const encoded = ownedBuffer(encodeChunk(chunk.rows, this.columns.length));
    chunk.rows = null;
    chunk.encoded = encoded;
    const bytes = encoded.byteLength + ENCODED_CHUNK_OVERHEAD;
    const delta = bytes - chunk.bytes;
    chunk.bytes = bytes;
    this.inMemoryBytes += delta;
    if (delta >= 0) this.budget.charge(delta);
    else this.budget.release(-delta);
  }

  private openChunk(): Chunk {
    const last = this.chunks[this.chunks.length - 1];
    if (last && !last.sealed) return last;
    const chunk: Chunk = {
      // `this.count` is only updated after an append's loop, so chain from the previous chunk.
      start: last ? last.start + last.count : 0,
      count: 0,
      rows: [],
      encoded: null,
      bytes: 0,
      sealed: false,
      spilling: false,
      loc: null,
    };
    this.chunks.push(chunk);
    return chunk;
  }

  private chunkIndexOf(offset: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private async chunkRowsOf(chunk: Chunk): Promise<Row[]> {
    if (chunk.rows) return chunk.rows;
    const cached = this.cache.get(chunk);
    if (cached) return cached;
    if (chunk.encoded) {
      const rows = decodeChunk(chunk.encoded);
      this.cache.set(chunk, rows);
      return rows;
    }
    let load = this.loading.get(chunk);
    if (!load) {
      load = this.file.read(chunk.loc!).then(decodeChunk);
      this.loading.set(chunk, load);
    }
    try {
      const rows = await load;
      this.assertOpen();
      this.cache.set(chunk, rows);
      return rows;
    } finally {
      this.loading.delete(chunk);
    }
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => this.done || this.count >= w.minRows);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  private assertWritable(): void {
    if (this.closed) {
      throw new AppError('QUERY_CANCELLED', 'The result was closed while rows were still arriving.');
    }
    if (this.done) throw new AppError('INTERNAL', 'Rows arrived after the result was finished.');
  }

  private assertOpen(): void {
    if (this.closed)
      throw new AppError('NOT_FOUND', 'This result was closed; run the query again.');
  }
}

/**
 * `buf` itself when it owns its whole ArrayBuffer, else an exact copy: a subarray of a pooled or
 * larger buffer would pin (and under-charge) the memory around it for as long as the chunk lives.
 */
function ownedBuffer(buf: Buffer): Buffer {
  if (buf.byteOffset === 0 && buf.buffer.byteLength === buf.byteLength) return buf;
  const copy = Buffer.allocUnsafeSlow(buf.byteLength);
  buf.copy(copy);
  return copy;
}

function cancelled(): AppError {
  return new AppError('QUERY_CANCELLED', 'Stopped waiting for rows.');
}
