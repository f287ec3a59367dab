/**
 * Main-process side of a SQLite host process: spawns it, reads its frames, sends it requests,
 * and kills it for a cancel. One host per connection.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { bundledEntryUrl } from '../../app/bundledEntry';
import { FrameReader, type HostEvent, type HostOptions, type HostRequest } from './protocol';

/**
 * Where the host entry lives and how to start it. From the TypeScript sources (tsx, Vitest) this
 * module is a `.ts` file, so `worker.ts` runs through tsx's loader (an absolute URL, so it
 * resolves whatever the cwd). In the electron-vite build main is bundled: the host must be a
 * separate main entry named `sqliteWorker` (`build.rollupOptions.input`), emitted next to the
 * bundle. In Electron, `fork` runs the Electron binary as Node (ELECTRON_RUN_AS_NODE), so the
 * Electron-built better-sqlite3 loads there too.
 */
export function resolveWorkerUrl(): { url: URL; execArgv: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', tsx] };
  }
  return { url: bundledEntryUrl('sqliteWorker', import.meta.url), execArgv: [] };
}

/** A running host process. */
export class SqliteHost {
  private readonly child: ChildProcess;
  private readonly reader = new FrameReader();
  private exited = false;
  /** Resolves with the SQLite version once the database is open; rejects when it cannot open. */
  readonly ready: Promise<string>;

  constructor(options: HostOptions, private readonly onEvent: (e: HostEvent) => void, private readonly onExit: () => void) {
    const { url, execArgv } = resolveWorkerUrl();
    this.child = fork(fileURLToPath(url), [JSON.stringify(options)], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'pipe', 'ipc'],
    });
    let settle: { resolve(v: string): void; reject(e: AppError): void } | null = null;
    this.ready = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
    this.ready.catch(() => undefined);
    const pipe = this.child.stdio[3] as Readable;
    pipe.on('data', (chunk: Buffer) => {
      for (const event of this.reader.push(chunk)) {
        if (event.type === 'ready') settle?.resolve(event.version);
        else if (event.type === 'openError') settle?.reject(AppError.fromData(event.error));
        else this.onEvent(event);
      }
    });
    this.child.on('error', (err) => settle?.reject(new AppError('INTERNAL', `Could not start the SQLite worker: ${err.message}`)));
    this.child.on('exit', () => (this.exited = true));
    // 'close' comes after the pipe is drained, so a last frame (an open error) is never lost.
    this.child.on('close', () => {
      this.exited = true;
      settle?.reject(new AppError('CONNECTION_LOST', 'The SQLite worker exited before the database was open.'));
      this.onExit();
    });
  }

  /** Sends a request; false when the host is gone. */
  send(req: HostRequest): boolean {
    if (this.exited || !this.child.connected) return false;
    this.child.send(req);
    return true;
  }

  /** Kills the process at once (the real cancel). */
  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** Asks the host to close the database, killing it if it does not exit within `graceMs`. */
  async close(graceMs = 2000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((r) => this.child.once('close', () => r()));
    if (!this.send({ type: 'close' })) this.kill();
    const timer = setTimeout(() => this.kill(), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
