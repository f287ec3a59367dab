/**
 * The messages between a SqliteConnection (main process) and its SQLite host process, and the
 * length-prefixed framing of the host → main stream. Host → main travels over a dedicated pipe
 * (ordered): rows as raw `encodeChunk` buffers, encoded in the host so the main process neither
 * deserialises nor re-encodes them, and every other event V8-serialised; main → host uses the
 * child-process IPC channel (with `serialization: 'advanced'`).
 */
import v8 from 'node:v8';
import type { ErrorData } from '../../../shared/errors';
import type { ColumnMeta } from '../../../shared/query';
import type { SchemaSnapshot } from '../../../shared/schema';
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
  /** A batch of rows encoded by `encodeChunk` (query/spool/chunkCodec.ts). */
  | { type: 'encodedRows'; id: number; chunk: Buffer; rowCount: number }
  | { type: 'done'; id: number; rowsAffected: number | null; inTransaction: boolean }
  | { type: 'introspected'; id: number; snapshot: SchemaSnapshot }
  | { type: 'plan'; id: number; rows: PlanRow[] }
  | { type: 'error'; id: number; error: ErrorData; inTransaction: boolean };

/** Options the host is started with (argv[2] as JSON). */
export interface HostOptions {
  file: string;
  readOnly: boolean;
}

/** Frame kinds (the byte after the length). */
const FRAME_EVENT = 0;
const FRAME_ROWS = 1;
/** u32 payload length, u8 kind, u32 statement id (rows frames; 0 otherwise). */
const HEADER_BYTES = 9;

/** Events that travel V8-serialised (rows travel as raw chunks, see `encodeRowsFrameHeader`). */
export type SerialisedHostEvent = Exclude<HostEvent, { type: 'encodedRows' }>;

/** Encodes one host event as a frame: the header, then the V8 payload. */
export function encodeFrame(event: SerialisedHostEvent): Buffer {
  const body = v8.serialize(event);
  const frame = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  frame.writeUInt32LE(body.length, 0);
  frame[4] = FRAME_EVENT;
  frame.writeUInt32LE(0, 5);
  body.copy(frame, HEADER_BYTES);
  return frame;
}

/**
 * The header of a rows frame; the `encodeChunk` buffer follows it unchanged, so the host never
 * copies a batch and main never parses one (the spool keeps the bytes as they are).
 */
export function encodeRowsFrameHeader(id: number, chunk: Buffer): Buffer {
  const head = Buffer.allocUnsafe(HEADER_BYTES);
  head.writeUInt32LE(chunk.byteLength, 0);
  head[4] = FRAME_ROWS;
  head.writeUInt32LE(id, 5);
  return head;
}

/**
 * Reassembles frames from pipe chunks. A rows payload is copied once into a buffer of exactly its
 * size, which the spool can keep without pinning the pipe's larger read buffers.
 */
export class FrameReader {
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private headerFill = 0;
  private body: Buffer | null = null;
  private bodyFill = 0;
  private kind = 0;
  private id = 0;

  /** Feeds a chunk; returns every complete event it finished. */
  push(chunk: Buffer): HostEvent[] {
    const events: HostEvent[] = [];
    let pos = 0;
    while (pos < chunk.length) {
      if (!this.body) {
        const n = Math.min(HEADER_BYTES - this.headerFill, chunk.length - pos);
        chunk.copy(this.header, this.headerFill, pos, pos + n);
        this.headerFill += n;
        pos += n;
        if (this.headerFill < HEADER_BYTES) break;
        this.headerFill = 0;
        const len = this.header.readUInt32LE(0);
        this.kind = this.header[4]!;
        this.id = this.header.readUInt32LE(5);
        if (this.kind === FRAME_EVENT && pos + len <= chunk.length) {
          // The common small event: deserialise in place, no copy.
          events.push(v8.deserialize(chunk.subarray(pos, pos + len)) as HostEvent);
          pos += len;
          continue;
        }
        this.body = Buffer.allocUnsafeSlow(len);
        this.bodyFill = 0;
      }
      const body = this.body;
      const n = Math.min(body.length - this.bodyFill, chunk.length - pos);
      chunk.copy(body, this.bodyFill, pos, pos + n);
      this.bodyFill += n;
      pos += n;
      if (this.bodyFill < body.length) break;
      this.body = null;
      if (this.kind === FRAME_ROWS) {
        events.push({ type: 'encodedRows', id: this.id, chunk: body, rowCount: body.readUInt32LE(0) });
      } else {
        events.push(v8.deserialize(body) as HostEvent);
      }
    }
    return events;
  }
}
