/**
 * The append-only temp file a spool spills chunks to. Writes and reads are positional
 * (pwrite/pread on one handle), so a write never waits for another and readers can read any
 * finished chunk while later chunks are still being written.
 */
import { randomUUID } from 'node:crypto';
import { open, readdir, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** Every spill file's name starts with this, so stale ones can be found and removed. */
export const SPILL_FILE_PREFIX = 'qg-spool-';
const SPILL_FILE_PATTERN = /^qg-spool-(\d+)-.*\.bin$/;

/** Where a spilled chunk lives in its file. */
export interface SpillLocation {
  offset: number;
  length: number;
}

/** One spool's spill file, created on the first write and deleted by `delete()`. */
export class SpillFile {
  readonly path: string;
  private handle: Promise<FileHandle> | null = null;
  private size = 0;
  private readonly pending = new Set<Promise<unknown>>();
  private deleted = false;

  constructor(tempDir: string, spoolId: string) {
    const safeId = spoolId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
    // The pid in the name lets cleanupStaleSpills tell a crashed run's files from live ones.
    this.path = join(
      tempDir,
      `${SPILL_FILE_PREFIX}${process.pid}-${safeId}-${randomUUID().slice(0, 8)}.bin`,
    );
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.size;
  }

  /** Appends `data`; resolves to where it was written once it is on disk (page cache). */
  async append(data: Uint8Array): Promise<SpillLocation> {
    if (this.deleted) throw new Error('Spill file already deleted');
    // Reserve the range synchronously, so concurrent appends never overlap.
    const loc = { offset: this.size, length: data.byteLength };
    this.size += data.byteLength;
    const write = (async () => {
      const fh = await this.fileHandle();
      let done = 0;
      while (done < data.byteLength) {
        const { bytesWritten } = await fh.write(
          data,
          done,
          data.byteLength - done,
          loc.offset + done,
        );
        done += bytesWritten;
      }
    })();
    this.track(write);
    await write;
    return loc;
  }

  /** Reads back a range written by `append`. */
  async read(loc: SpillLocation): Promise<Buffer> {
    if (this.deleted) throw new Error('Spill file already deleted');
    const fh = await this.fileHandle();
    const buf = Buffer.allocUnsafe(loc.length);
    const read = (async () => {
      let done = 0;
      while (done < loc.length) {
        const { bytesRead } = await fh.read(buf, done, loc.length - done, loc.offset + done);
        if (bytesRead === 0) throw new Error(`Spill file ${this.path} is shorter than expected`);
        done += bytesRead;
      }
    })();
    this.track(read);
    await read;
    return buf;
  }

  /** Waits for in-flight I/O, closes and removes the file. Idempotent. */
  async delete(): Promise<void> {
    if (this.deleted) return;
    this.deleted = true;
    await Promise.allSettled([...this.pending]);
    if (!this.handle) return;
    const fh = await this.handle.catch(() => null);
    await fh?.close().catch(() => undefined);
    await unlink(this.path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  private fileHandle(): Promise<FileHandle> {
    // 'wx+': create for read/write, and never clobber an existing file.
    this.handle ??= open(this.path, 'wx+', 0o600);
    return this.handle;
  }

  private track(p: Promise<unknown>): void {
    this.pending.add(p);
    const done = (): void => {
      this.pending.delete(p);
    };
    p.then(done, done);
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes spill files left in `tempDir` by runs that crashed (their process is gone). Call at
 * startup. Resolves to the number of files removed; a missing folder removes nothing.
 */
export async function cleanupStaleSpills(tempDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tempDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  let removed = 0;
  for (const name of names) {
    const m = SPILL_FILE_PATTERN.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processIsAlive(pid)) continue;
    try {
      await unlink(join(tempDir, name));
      removed++;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return removed;
}
