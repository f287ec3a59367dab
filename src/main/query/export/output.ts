/**
 * Where an export goes: a file path (created, and deleted again if the export fails or is
 * cancelled) or a caller's stream (written to, never ended, so stdout stays usable). Writes
 * respect the stream's backpressure by waiting for 'drain'.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { finished } from 'node:stream/promises';

/** An opened export destination. */
export interface ExportOutput {
  /** The stream written to. */
  readonly stream: NodeJS.WritableStream;
  /** Bytes written so far. */
  readonly bytes: number;
  /** Writes a chunk; resolves once the stream can take more. */
  write(chunk: Buffer): Promise<void>;
  /** Flushes and closes a file (a caller's stream is left open). */
  finish(): Promise<void>;
  /** Stops writing; a file is destroyed and deleted. Never throws. */
  discard(): Promise<void>;
}

/** Opens `out` for writing. */
export function openOutput(
  out: NodeJS.WritableStream | string,
  signal?: AbortSignal,
): ExportOutput {
  const path = typeof out === 'string' ? out : null;
  const stream: NodeJS.WritableStream = path
    ? createWriteStream(path, { flags: 'w' })
    : (out as NodeJS.WritableStream);
  let failure: unknown = null;
  // Remember an error emitted between writes (e.g. ENOENT on open) and report it on the next one.
  const onError = (err: unknown): void => {
    failure ??= err;
  };
  stream.on('error', onError);
  let bytes = 0;
  return {
    stream,
    get bytes() {
      return bytes;
    },
    async write(chunk: Buffer): Promise<void> {
      if (failure) throw failure;
      if (chunk.length === 0) return;
      bytes += chunk.length;
      if (!stream.write(chunk)) await once(stream, 'drain', signal ? { signal } : {});
      if (failure) throw failure;
    },
    async finish(): Promise<void> {
      if (failure) throw failure;
      if (!path) return;
      stream.end();
      await finished(stream);
      stream.off('error', onError);
    },
    async discard(): Promise<void> {
      if (!path) return;
      const ws = stream as WriteStream;
      ws.destroy();
      await finished(ws).catch(() => undefined);
      await unlink(path).catch(() => undefined);
    },
  };
}
