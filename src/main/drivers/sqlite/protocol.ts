/**
 * The messages between a SqliteConnection (main process) and its SQLite host process, and the
 * length-prefixed framing of the host → main stream. Host → main travels over a dedicated pipe
 * as V8-serialised frames (keeps bigint and Uint8Array, and is ordered); main → host uses the
 * child-process IPC channel (with `serialization: 'advanced'`).
 */
import v8 from 'node:v8';
import type { ErrorData } from '../../../shared/errors';
import type { ColumnMeta } from '../../../shared/query';
import type { SchemaSnapshot } from '../../../shared/schema';
import type { Row } from '../../../shared/values';
import type { IntrospectOptions } from '../types';

/** Parameters as they cross to the host (already normalised to what better-sqlite3 binds). */
export type HostParams = unknown[] | Record<string, unknown>;

/** Main → host. */
export type HostRequest =
  | { type: 'execute'; id: number; sql: string; params?: HostParams; batchSize: number }
  | { type: 'ack'; id: number }
  | { type: 'introspect'; id: number; options: IntrospectOptions; database: string }
  | { type: 'explain'; id: number; sql: string }
  | { type: 'close' };

/** One row of `EXPLAIN QUERY PLAN`. */
export interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** Host → main. */
export type HostEvent =
  | { type: 'ready'; version: string }
  | { type: 'openError'; error: ErrorData }
  | { type: 'columns'; id: number; columns: ColumnMeta[] }
  | { type: 'rows'; id: number; rows: Row[] }
  | { type: 'done'; id: number; rowsAffected: number | null; inTransaction: boolean }
  | { type: 'introspected'; id: number; snapshot: SchemaSnapshot }
  | { type: 'plan'; id: number; rows: PlanRow[] }
  | { type: 'error'; id: number; error: ErrorData; inTransaction: boolean };

/** Options the host is started with (argv[2] as JSON). */
export interface HostOptions {
  file: string;
  readOnly: boolean;
}

/** Encodes one host event as a frame: 4-byte little-endian length, then the V8 payload. */
export function encodeFrame(event: HostEvent): Buffer {
  const body = v8.serialize(event);
  const frame = Buffer.allocUnsafe(4 + body.length);
  frame.writeUInt32LE(body.length, 0);
  body.copy(frame, 4);
  return frame;
}

/** Reassembles frames from pipe chunks without re-copying the whole backlog per chunk. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Feeds a chunk; returns every complete event it finished. */
  push(chunk: Buffer): HostEvent[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const events: HostEvent[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const head = this.peek(4);
      const len = head.readUInt32LE(0);
      if (this.buffered < 4 + len) break;
      const frame = this.take(4 + len);
      events.push(v8.deserialize(frame.subarray(4)) as HostEvent);
    }
    return events;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length >= n) return this.chunks[0]!;
    const all = Buffer.concat(this.chunks);
    this.chunks = [all];
    return all;
  }

  private take(n: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length < n) this.chunks = [Buffer.concat(this.chunks)];
    const head = this.chunks[0]!;
    const out = head.subarray(0, n);
    if (head.length === n) this.chunks.shift();
    else this.chunks[0] = head.subarray(n);
    this.buffered -= n;
    return out;
  }
}
